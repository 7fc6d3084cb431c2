import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Write-then-rename with fsync, so a crash leaves either the old or the new file, never half.
 * Readable by the owner only: what the desk writes comes out of the vault.
 */
export function writeFileAtomic(file: string, content: string | Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    try {
      writeSync(fd, typeof content === 'string' ? Buffer.from(content) : content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    moveIntoPlace(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Renames a complete, synced file into place and syncs its folder, so the rename survives a crash. */
export function moveIntoPlace(from: string, file: string): void {
  renameSync(from, file);
  try {
    const dirFd = openSync(dirname(file), 'r');
    fsyncSync(dirFd);
    closeSync(dirFd);
  } catch {
    // Directory fsync is not supported on every platform (Windows); the rename is still atomic.
  }
}
