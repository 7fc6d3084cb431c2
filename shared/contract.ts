import type { z } from 'zod';
import type { Channel } from './channels';
import type { Capability } from './roles';
import { Ack, Empty, SessionUser } from './schemas/common';
import {
  CreateVaultInput,
  CreateVaultOutput,
  RestoreAccessInput,
  UnlockInput,
  VaultState,
  VaultSummary,
} from './schemas/vault';
import { AddUserInput, ChangeOwnPassphraseInput, UserRecord } from './schemas/users';
import { AuditListInput, AuditListOutput, AuditVerifyOutput, ChainHead } from './schemas/audit';
import { Settings, UpdateSettingsInput } from './schemas/settings';
import { z as zod } from 'zod';

/**
 * Who may call a channel: `public` (no vault open needed), `session` (any signed-in user), or a
 * capability that the signed-in user's role must have (see roles.ts).
 */
export type Access = 'public' | 'session' | Capability;

export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
}

const spec = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, access: Access) => ({
  input,
  output,
  access,
});

export const CONTRACT = {
  'vault.state': spec(Empty, VaultState, 'public'),
  'vault.create': spec(CreateVaultInput, CreateVaultOutput, 'public'),
  'vault.unlock': spec(UnlockInput, SessionUser, 'public'),
  'vault.lock': spec(Empty, Ack, 'public'),
  'vault.restoreAccess': spec(RestoreAccessInput, Ack, 'public'),
  'vault.summary': spec(Empty, VaultSummary, 'vault.read'),
  'session.activity': spec(Empty, Ack, 'session'),
  'users.list': spec(Empty, zod.array(UserRecord), 'users.manage'),
  'users.add': spec(AddUserInput, UserRecord, 'users.manage'),
  'users.changeOwnPassphrase': spec(ChangeOwnPassphraseInput, Ack, 'session'),
  'audit.list': spec(AuditListInput, AuditListOutput, 'audit.read'),
  'audit.verify': spec(Empty, AuditVerifyOutput, 'audit.read'),
  'audit.head': spec(Empty, ChainHead, 'session'),
  'settings.get': spec(Empty, Settings, 'session'),
  'settings.update': spec(UpdateSettingsInput, Settings, 'settings.manage'),
} satisfies Record<Channel, ChannelSpec>;

export type Contract = typeof CONTRACT;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = z.output<Contract[C]['output']>;
