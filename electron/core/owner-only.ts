import { chmodSync, closeSync, openSync, statSync } from 'node:fs';
import { failWith } from './errors';

/**
 * Vault files are for the account that runs the desk only: files 0600, folders 0700. POSIX modes
 * only — on Windows access is governed by the folder's ACL (the user's profile), so nothing is
 * done there.
 */
const posix = process.platform !== 'win32';

/**
 * Takes group and other rights away from `path` when it has any (a folder made by hand, a vault
 * copied with `cp`, a file written under a loose umask). A path that does not exist is left alone.
 * When the rights cannot be changed (someone else owns it) the vault is refused with the reason:
 * subscriber data is not opened from a place others can read.
 */
export function keepOwnerOnly(path: string): void {
  if (!posix) return;
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  if ((mode & 0o077) === 0) return;
  try {
    chmodSync(path, mode & 0o700);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    failWith('CONFLICT', 'vault.permissions', { path, reason }, { reason: 'vault_permissions' });
  }
}

/**
 * Creates an empty file readable by the owner only, refusing one that exists (or a symbolic link
 * planted in its place): SQLite then opens it, and its -wal and -shm files get the same mode.
 */
export function createOwnerOnlyFile(path: string): void {
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      failWith('VAULT_EXISTS', 'files.leftUntouched', { path });
    }
    throw e;
  }
}
