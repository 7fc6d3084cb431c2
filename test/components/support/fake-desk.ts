import {
  CONTRACT,
  type Channel,
  type OutputOf,
  type ParsedInputOf,
} from '../../../shared/contract';
import { buildDesk } from '../../../shared/desk-client';
import { err, ok, type Result } from '../../../shared/result';
import type { VaultState } from '../../../shared/schemas/vault';

export type FakeHandlers = {
  [C in Channel]?: (input: ParsedInputOf<C>) => Result<OutputOf<C>> | Promise<Result<OutputOf<C>>>;
};

export interface FakeDesk {
  calls: { channel: Channel; input: unknown }[];
  callsTo(channel: Channel): unknown[];
  handlers: FakeHandlers;
}

/**
 * Installs `window.desk` built by the real `buildDesk` over an in-memory invoke function (the
 * transport boundary). Inputs are checked with the real contract schemas, so a form that sends
 * something the core would refuse fails here too.
 */
export function installFakeDesk(handlers: FakeHandlers): FakeDesk {
  const calls: FakeDesk['calls'] = [];
  window.desk = buildDesk(async (channel, input) => {
    calls.push({ channel, input });
    const parsed = CONTRACT[channel].input.safeParse(input);
    if (!parsed.success) return err('BAD_INPUT', `fake desk: ${channel} input refused`);
    const handler = handlers[channel] as ((i: unknown) => Promise<Result<unknown>>) | undefined;
    if (!handler) return err('INTERNAL', `fake desk: no handler for ${channel}`);
    return handler(parsed.data);
  });
  window.deskHost = { kind: 'browser' };
  return {
    calls,
    handlers,
    callsTo: (channel) => calls.filter((c) => c.channel === channel).map((c) => c.input),
  };
}

export const ADMIN = { id: 1, name: 'admin', displayName: 'Anna Admin', role: 'admin' as const };

export const vaultState = (over: Partial<VaultState> = {}): VaultState => ({
  exists: true,
  unlocked: false,
  orgName: 'Testnet B.V.',
  demo: false,
  user: null,
  language: 'nl',
  idleLockMinutes: 10,
  demoAvailable: false,
  demoSignIn: null,
  ...over,
});

export const signedIn = (over: Partial<VaultState> = {}) =>
  vaultState({ unlocked: true, user: ADMIN, ...over });

export const RECOVERY_KEY = Array.from({ length: 16 }, (_, i) =>
  (0xa000 + i).toString(16).toUpperCase(),
).join('-');

export { ok, err };
