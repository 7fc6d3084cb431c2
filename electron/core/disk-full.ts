import { DeskError } from './errors';

/**
 * The disk (or the account's quota) has no room: SQLite says SQLITE_FULL, the file system ENOSPC or
 * EDQUOT. Nothing is damaged — the write that needed the room was rolled back or never made — so
 * the user is told to free space, never that the vault is damaged.
 */
export const isDiskFull = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    (code.startsWith('SQLITE_FULL') || code === 'ENOSPC' || code === 'EDQUOT')
  );
};

/** What the user is told; `where` names the disk, e.g. 'the disk that holds the vault'. */
export const diskFullError = (where = 'the disk that holds the vault'): DeskError =>
  new DeskError(
    'CONFLICT',
    `The disk is full: nothing was written. Free some space on ${where} and try again.`,
    { reason: 'disk_full' },
  );

/** `e` as the disk-full refusal when it is one; null otherwise. */
export const diskFullAsDeskError = (e: unknown, where?: string): DeskError | null =>
  isDiskFull(e) ? diskFullError(where) : null;
