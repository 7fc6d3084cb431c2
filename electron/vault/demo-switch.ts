import type { DeskSession } from '../core/session';
import { wordedError } from '../core/errors';
import { DEMO_ADMIN } from './demo';

/**
 * Points the session at the demo vault (its own folder, never the real vault's), making it first
 * when there is none yet. A failed demo leaves the session on the main vault.
 */
export async function openDemo(s: DeskSession): Promise<{ created: boolean }> {
  if (!s.demoVaultDir) {
    throw wordedError('CONFLICT', 'vault.demoFromWindow');
  }
  const seed = s.seedDemo;
  if (!seed) throw wordedError('CONFLICT', 'vault.demoNotHere');
  s.switchVault(s.demoVaultDir);
  if (s.exists) return { created: false };
  try {
    await seed(s, { adminName: DEMO_ADMIN, years: 3, seed: 20260101 });
  } catch (e) {
    s.switchVault(s.mainVaultDir);
    throw e;
  }
  return { created: true };
}

export function leaveDemo(s: DeskSession): { done: true } {
  s.switchVault(s.mainVaultDir);
  return { done: true };
}
