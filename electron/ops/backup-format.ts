import { closeSync, openSync, readSync } from 'node:fs';
import { z } from 'zod';
import { wordedError } from '../core/errors';

/**
 * A NAW Desk backup is ONE file:
 *
 *   line 1  `NAWDESK-BACKUP 1`
 *   line 2  a JSON header (vault id, organisation, schema version, audit head, size and SHA-256 of
 *           the database, and the key-slot file as it was — wrapped keys only, no secret)
 *   rest    the encrypted database file, byte for byte (SQLCipher 4, the vault's own key)
 *
 * So the recovery key or any user's passphrase of that moment opens it, and without the app:
 * `tail -c <db.bytes> backup.nawbackup > vault.db` gives a file `sqlcipher` opens with the key.
 */
export const BACKUP_MAGIC = 'NAWDESK-BACKUP 1\n';
export const BACKUP_EXTENSION = 'nawbackup';
const MAX_HEADER_BYTES = 4 * 1024 * 1024;

export const BackupHeader = z.object({
  format: z.literal('naw-desk-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  createdBy: z.string(),
  vaultId: z.string(),
  orgName: z.string(),
  demo: z.boolean(),
  schemaVersion: z.number().int(),
  auditHead: z.object({ seq: z.number().int(), hash: z.string() }),
  auditEvents: z.number().int(),
  db: z.object({ bytes: z.number().int().positive(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  // The key file as it was (this version or the first one): checked in full by parseKeySlots when
  // restored; here only its shape.
  keyslots: z.custom<Record<string, unknown>>(
    (v) => typeof v === 'object' && v !== null && 'slots' in v && 'vaultId' in v,
  ),
});
export type BackupHeader = z.infer<typeof BackupHeader>;

export const headerBytes = (h: BackupHeader): Buffer =>
  Buffer.from(BACKUP_MAGIC + JSON.stringify(h) + '\n', 'utf8');

/** Reads the header of a backup file; `dbOffset` is where the database bytes start. */
export function readBackupHeader(file: string): { header: BackupHeader; dbOffset: number } {
  const fd = openSync(file, 'r');
  let buf: Buffer;
  try {
    const chunk = Buffer.alloc(MAX_HEADER_BYTES);
    const n = readSync(fd, chunk, 0, chunk.length, 0);
    buf = chunk.subarray(0, n);
  } finally {
    closeSync(fd);
  }
  const notBackup = () => wordedError('BAD_INPUT', 'backup.notBackup');
  if (!buf.subarray(0, BACKUP_MAGIC.length).equals(Buffer.from(BACKUP_MAGIC))) throw notBackup();
  const end = buf.indexOf(0x0a, BACKUP_MAGIC.length);
  if (end < 0) throw notBackup();
  let parsed: unknown;
  try {
    parsed = JSON.parse(buf.subarray(BACKUP_MAGIC.length, end).toString('utf8'));
  } catch {
    throw notBackup();
  }
  const header = BackupHeader.safeParse(parsed);
  if (!header.success) throw notBackup();
  return { header: header.data, dbOffset: end + 1 };
}
