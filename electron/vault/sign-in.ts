import type { Language, SessionUser } from '../../shared/schemas/common';
import { appendAudit } from '../audit/log';
import type { DeskContext } from '../core/context';
import { wordedError } from '../core/errors';
import { writeSetting } from '../core/settings';
import { checkAfterUnlock } from './integrity-watch';
import { changeKeySlots, readKeySlots, withSlot, wrapForUser } from './keyslots';
import { sessionUser } from './state';
import {
  closeVault,
  createVault,
  findUser,
  openWithRecoveryKey,
  unlockVault,
  vaultPaths,
} from './vault';

/** Creates the vault in the session's folder and signs its first admin in. */
export async function createAndSignIn(
  ctx: DeskContext,
  input: {
    orgName: string;
    adminName: string;
    displayName?: string | undefined;
    passphrase: string;
    language?: Language | undefined;
  },
): Promise<{ recoveryKey: string; user: SessionUser }> {
  const s = ctx.session;
  if (s.vault) s.lock('manual');
  const created = await createVault(s.vaultDir, {
    orgName: input.orgName,
    adminName: input.adminName,
    displayName: input.displayName,
    passphrase: input.passphrase,
    at: ctx.nowIso(),
    ...(s.kdfCost ? { kdfCost: s.kdfCost } : {}),
  });
  if (input.language) writeSetting(created.vault.db, 'language', input.language);
  s.signIn(created.vault, created.user);
  return { recoveryKey: created.recoveryKey, user: sessionUser(created.user) };
}

/**
 * Unlocks with a user's passphrase. A failure is answered after a delay that grows with each
 * consecutive one, and goes into the audit log at the next successful sign-in.
 */
export async function unlockAndSignIn(
  ctx: DeskContext,
  input: { userName: string; passphrase: string },
): Promise<SessionUser> {
  const s = ctx.session;
  if (!s.exists) throw wordedError('NO_VAULT', 'vault.none');
  if (s.vault) s.lock('manual');
  const opened = await unlockVault(s.vaultDir, input.userName, input.passphrase, {
    busyTimeoutMs: s.busyTimeoutMs,
  });
  if (!opened) {
    s.recordFailure(input.userName);
    const delay = s.failureDelayMs();
    await s.sleep(delay);
    throw wordedError('BAD_CREDENTIALS', 'vault.badCredentials', undefined, {
      attempts: s.consecutiveFailures,
      delayMs: delay,
    });
  }
  s.signIn(opened.vault, opened.user);
  checkAfterUnlock(s, opened.vault);
  return sessionUser(opened.user);
}

/** With the recovery key, an active admin gets a new passphrase (audited in the vault). */
export async function restoreAccess(
  ctx: DeskContext,
  input: { recoveryKey: string; userName: string; newPassphrase: string },
): Promise<{ done: true }> {
  const s = ctx.session;
  if (!s.exists) throw wordedError('NO_VAULT', 'vault.noneYet');
  if (s.vault) s.lock('manual');
  const vault = openWithRecoveryKey(s.vaultDir, input.recoveryKey);
  try {
    const user = findUser(vault.db, input.userName);
    if (!user || user.role !== 'admin' || user.disabled) {
      throw wordedError('FORBIDDEN', 'vault.recoveryAdminOnly');
    }
    const wrapped = await wrapForUser(
      vault.vaultId,
      user.name,
      vault.key,
      input.newPassphrase,
      s.kdfCost,
    );
    const file = vaultPaths(s.vaultDir).slots;
    // The new passphrase and its audit event: both or neither.
    changeKeySlots(vault.db, file, withSlot(readKeySlots(file), user.name, wrapped), () =>
      appendAudit(vault.db, {
        at: ctx.nowIso(),
        user: user.name,
        action: 'user.passphrase.restored',
        subject: `user:${user.name}`,
        details: { via: 'recovery-key' },
      }),
    );
  } finally {
    closeVault(vault);
  }
  return { done: true };
}
