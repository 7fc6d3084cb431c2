import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  copyFileSync,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { failWith } from './errors';

/**
 * Writes `content` to a new file beside `file`, synced, readable by the owner only, and returns its
 * path; the caller moves it into place or removes it. The name is random and the file is created
 * exclusively (`wx`: O_CREAT | O_EXCL), so a file or symbolic link someone planted beside the target
 * is never written through.
 */
export function stageFile(file: string, content: string | Buffer): string {
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    try {
      writeSync(fd, typeof content === 'string' ? Buffer.from(content) : content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return tmp;
}

/**
 * Write-then-rename with fsync, so a crash leaves either the old or the new file, never half.
 * Readable by the owner only: what the desk writes comes out of the vault.
 */
export function writeFileAtomic(file: string, content: string | Buffer): void {
  const tmp = stageFile(file, content);
  try {
    moveIntoPlace(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Renames a complete, synced file into place and syncs its folder, so the rename survives a crash.
 * A symbolic link at `file` is replaced, never followed.
 */
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

/**
 * A second name for `file` as it is now (a hard link: no data is copied, so it works on a full
 * disk; a copy where links are not supported), to put it back with moveIntoPlace if a change must
 * be undone. Null when there is no such file.
 */
export function keepAsIs(file: string): string | null {
  const kept = `${file}.${randomBytes(6).toString('hex')}.old`;
  try {
    linkSync(file, kept);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'EEXIST') throw e;
    copyFileSync(file, kept, constants.COPYFILE_EXCL);
  }
  return kept;
}

/** O_NOFOLLOW where the platform has it (POSIX); Windows has no such flag. */
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * Opens `file` for appending (created owner-only when missing) without following a symbolic link
 * at that name: one planted there, pointing at another file, is refused and that file stays as it
 * was. Only a regular file is opened. The caller writes to the descriptor and closes it.
 */
export function openAppendNoFollow(file: string): number {
  if (NOFOLLOW === 0) refuseLink(file); // best effort where O_NOFOLLOW does not exist
  let fd: number;
  try {
    fd = openSync(
      file,
      constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | NOFOLLOW,
      0o600,
    );
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') refuseLink(file, true);
    throw e;
  }
  if (!fstatSync(fd).isFile()) {
    closeSync(fd);
    failWith('CONFLICT', 'files.notRegular', { file });
  }
  return fd;
}

/** Appends `text` to `file` and syncs it (see openAppendNoFollow). */
export function appendNoFollow(file: string, text: string): void {
  const fd = openAppendNoFollow(file);
  try {
    writeSync(fd, Buffer.from(text));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function refuseLink(file: string, known = false): void {
  let link = known;
  try {
    link ||= lstatSync(file).isSymbolicLink();
  } catch {
    // missing: it will be created
  }
  if (link) {
    failWith('CONFLICT', 'files.symlink', { file });
  }
}
