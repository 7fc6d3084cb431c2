import { join } from 'node:path';
import type { CreatedDesk } from './desk';
import { openWithReferenceSqlcipher, type ReferenceDb } from './sqlcipher';

/** The recovery key as the raw database key: its 64 hex digits, lower case. */
export const recoveryKeyHex = (recoveryKey: string): string =>
  recoveryKey.replace(/-/g, '').toLowerCase();

/**
 * Locks the desk, then opens its vault file in the reference SQLCipher with nothing but the
 * recovery key, as someone holding only that key (and no passphrase) could.
 */
export async function openLockedInReference(d: CreatedDesk): Promise<ReferenceDb> {
  await d.must('vault.lock', {});
  return openWithReferenceSqlcipher(join(d.vaultDir, 'vault.db'), recoveryKeyHex(d.recoveryKey));
}
