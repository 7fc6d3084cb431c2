import { appendAudit } from '../audit/log';
import { checkInWorker, type RunningCheck } from '../core/check-in-worker';
import type { DeskSession } from '../core/session';
import { vaultPaths, type OpenVault } from './vault';

/**
 * The quick check of a vault too large to check while unlocking (see openWithKey), run right after
 * the unlock in a worker thread on its own read-only connection: the desk is usable meanwhile.
 * Damage found is recorded in the vault (`vault.integrity.failed`), shown in vault.state and on
 * the console; the next backup refuses to copy it. Locking stops the check.
 */
export function checkAfterUnlock(s: DeskSession, vault: OpenVault): void {
  if (vault.integrity.state !== 'unchecked' || !s.checkAfterUnlock) return;
  let running: RunningCheck;
  try {
    running = checkInWorker(vaultPaths(vault.dir).db, vault.key, 'quick');
  } catch {
    console.error('[naw-desk] the integrity check after unlock could not start');
    return;
  }
  vault.integrity = { state: 'checking', problem: null };
  const stopOnLock = s.onBeforeLock(() => running.stop());
  running.result
    .then(
      (problem) => {
        if (s.vault !== vault) return; // locked meanwhile: nothing to report on
        vault.integrity = problem ? { state: 'damaged', problem } : { state: 'ok', problem: null };
        if (!problem) return;
        console.error('[naw-desk] the vault failed its quick check; restore the latest backup');
        appendAudit(vault.db, {
          at: s.nowIso(),
          user: 'system',
          action: 'vault.integrity.failed',
          subject: `vault:${vault.vaultId}`,
          details: { check: 'quick_check', problem },
        });
      },
      () => {
        vault.integrity = { state: 'unchecked', problem: null };
        console.error('[naw-desk] the integrity check after unlock did not finish');
      },
    )
    .catch(() => console.error('[naw-desk] the failed integrity check could not be recorded'))
    .finally(stopOnLock);
}
