import { type DeskError, wordedError } from './errors';

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

/** The disk that is full: the vault's, the temporary folder's, or the one holding `folder`. */
export type DiskPlace = 'vault' | 'temp' | { folder: string };

/** What the user is told: which disk to free space on. */
export const diskFullError = (where: DiskPlace = 'vault'): DeskError =>
  typeof where === 'object'
    ? wordedError('CONFLICT', 'disk.fullFolder', { folder: where.folder }, { reason: 'disk_full' })
    : wordedError('CONFLICT', where === 'temp' ? 'disk.fullTemp' : 'disk.fullVault', undefined, {
        reason: 'disk_full',
      });

/** `e` as the disk-full refusal when it is one; null otherwise. */
export const diskFullAsDeskError = (e: unknown, where?: DiskPlace): DeskError | null =>
  isDiskFull(e) ? diskFullError(where) : null;
