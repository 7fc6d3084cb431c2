import type { z } from 'zod';
import { auditContract } from './audit';
import { catalogueContract } from './catalogue';
import { customersContract } from './customers';
import { filesContract } from './files';
import { hi1Contract } from './hi1';
import { intakeContract } from './intake';
import { lettersContract } from './letters';
import { opsContract } from './ops';
import { requestsContract } from './requests';
import { settingsContract } from './settings';
import type { ChannelSpec } from './spec';
import { statsContract } from './stats';
import { usersContract } from './users';
import { vaultContract } from './vault';

export type { Access, ChannelSpec } from './spec';

/** The whole API: channel (`domain.method`) → input schema, output schema, access rule. */
export const CONTRACT = {
  ...vaultContract,
  ...usersContract,
  ...auditContract,
  ...settingsContract,
  ...filesContract,
  ...customersContract,
  ...requestsContract,
  ...intakeContract,
  ...catalogueContract,
  ...lettersContract,
  ...statsContract,
  ...opsContract,
  ...hi1Contract,
} satisfies Record<string, ChannelSpec>;

export type Contract = typeof CONTRACT;
export type Channel = keyof Contract & string;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(CONTRACT) as Channel[];
export const isChannel = (value: unknown): value is Channel =>
  typeof value === 'string' && Object.hasOwn(CONTRACT, value);
