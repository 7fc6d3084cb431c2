import { leaveDemo, openDemo } from './demo-switch';
import { firstSteps } from './first-steps';
import { createAndSignIn, restoreAccess, unlockAndSignIn } from './sign-in';
import { vaultState, vaultSummary } from './state';
import type { HandlerMap } from '../core/context';
import type { vaultContract } from '../../shared/contract/vault';

type VaultChannels = keyof typeof vaultContract;

/** Handlers of the vault domain: the vault's lifecycle and the session on it. */
export const vaultHandlers: HandlerMap<VaultChannels> = {
  'vault.state': (_input, ctx) => vaultState(ctx.session),
  'vault.create': (input, ctx) => createAndSignIn(ctx, input),
  'vault.unlock': (input, ctx) => unlockAndSignIn(ctx, input),
  'vault.lock': (input, ctx) => {
    ctx.session.lock(input.reason);
    return { done: true };
  },
  'vault.restoreAccess': (input, ctx) => restoreAccess(ctx, input),
  'vault.summary': (_input, ctx) => vaultSummary(ctx),
  'vault.firstSteps': (_input, ctx) => firstSteps(ctx.db),
  'session.activity': () => ({ done: true }),
  'vault.openDemo': (_input, ctx) => openDemo(ctx.session),
  'vault.leaveDemo': (_input, ctx) => leaveDemo(ctx.session),
};
