import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  createReadStream,
  createWriteStream,
  fsyncSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
} from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ChainHead } from '../../shared/schemas/audit';
import type { FileTarget } from '../../shared/schemas/files';
import type { BackupOutput } from '../../shared/schemas/ops';
import type { DeskContext } from '../core/context';
import { FileDelivery, fileStamp } from '../core/deliver';
import { failWith, wordedError } from '../core/errors';
import { verifyChain } from '../audit/log';
import { openEncryptedDb } from '../core/db';
import { checkInWorker } from '../core/check-in-worker';
import { keySlotsContent, readKeySlots } from '../vault/keyslots';
import { schemaVersion } from '../vault/migrations';
import { vaultPaths, type OpenVault } from '../vault/vault';
import { BACKUP_EXTENSION, headerBytes, type BackupHeader } from './backup-format';

export const sha256File = async (file: string): Promise<string> => {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
};

/**
 * A consistent copy of the live, encrypted database file, taken while the app keeps working.
 *
 * Why not better-sqlite3's `db.backup()`: it opens the target without a key, and
 * SQLite3MultipleCiphers refuses to back up an encrypted database into an unencrypted one
 * ("backup is not supported with incompatible source and target databases"). Instead: checkpoint
 * the WAL into the database file, open a second read-only connection and start a read transaction
 * (its snapshot is exactly the database file, so no checkpoint may change that file while it is
 * open), copy the file asynchronously (libuv thread pool: the main thread stays free, writes go on
 * into the WAL), then end the read transaction. The copy is the same SQLCipher 4 file, same key.
 */
export async function snapshotDatabase(vault: OpenVault, target: string): Promise<void> {
  const dbFile = vaultPaths(vault.dir).db;
  const [cp] = vault.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  if (cp && cp.busy !== 0) {
    throw wordedError('CONFLICT', 'ops.backupBusy');
  }
  const reader = openEncryptedDb(dbFile, vault.key, { readonly: true });
  try {
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM sqlite_master').get();
    await copyFile(dbFile, target, constants.COPYFILE_EXCL);
    reader.exec('COMMIT');
  } finally {
    reader.close();
  }
}

/**
 * Checks a copy in full: SQLite's integrity check and the HMAC of every page, free pages too (in a
 * worker thread: on a large vault they take a minute), then the schema version and an intact audit
 * chain.
 */
export async function verifyCopy(
  file: string,
  key: Buffer,
): Promise<{ schemaVersion: number; auditHead: ChainHead; auditEvents: number }> {
  const problem = await checkInWorker(file, key, 'full').result;
  if (problem) {
    failWith('VAULT_DAMAGED', 'backup.copyDamaged', { problem }, { reason: 'malformed' });
  }
  const db = openEncryptedDb(file, key);
  try {
    const v = schemaVersion(db);
    const chain = verifyChain(db);
    if (!chain.intact) {
      failWith('VAULT_DAMAGED', 'backup.copyChainBroken', { seq: chain.brokenAt?.seq ?? '?' });
    }
    return { schemaVersion: v, auditHead: chain.head, auditEvents: chain.checked };
  } finally {
    db.close();
  }
}

export interface BackupResult {
  bytes: number;
  sha256: string;
  header: BackupHeader;
}

/**
 * Writes a verified backup to `file` (see backup-format.ts) and syncs it to disk. Its work files
 * (encrypted bytes only) sit beside it and are removed; core/deliver.ts then moves the finished
 * file into place.
 */
export async function writeBackup(
  vault: OpenVault,
  file: string,
  o: { at: string; by: string },
): Promise<BackupResult> {
  const work = mkdtempSync(join(dirname(file), '.naw-desk-backup-'));
  try {
    const copy = join(work, 'vault.db');
    await snapshotDatabase(vault, copy);
    const checked = await verifyCopy(copy, vault.key);
    // Verification opened the copy in WAL mode; make sure it is one self-contained file again.
    rmSync(`${copy}-wal`, { force: true });
    rmSync(`${copy}-shm`, { force: true });
    const header: BackupHeader = {
      format: 'naw-desk-backup',
      version: 1,
      createdAt: o.at,
      createdBy: o.by,
      vaultId: vault.vaultId,
      orgName: vault.orgName,
      demo: vault.demo,
      ...checked,
      db: { bytes: statSync(copy).size, sha256: await sha256File(copy) },
      keyslots: keySlotsContent(readKeySlots(vaultPaths(vault.dir).slots)),
    };
    const hash = createHash('sha256');
    const out = createWriteStream(file, { mode: 0o600, flags: 'wx' });
    const head = headerBytes(header);
    hash.update(head);
    out.write(head);
    const src = createReadStream(copy);
    src.on('data', (c) => hash.update(c as Buffer));
    await pipeline(src, out);
    const fd = openSync(file, 'r+');
    fsyncSync(fd);
    closeSync(fd);
    return { bytes: statSync(file).size, sha256: hash.digest('hex'), header };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Back to the caller, a backup travels as bytes (bounded; the app saves to a file). */
export const MAX_DOWNLOAD_BYTES = 100 * 1024 * 1024;

/**
 * A verified backup, delivered like any file (core/deliver.ts): in the app the save dialog picks
 * the file, the browser harness downloads the bytes, the CLI names a new file. Audited in the live
 * vault once the file is in place.
 */
export async function backupVault(ctx: DeskContext, target: FileTarget): Promise<BackupOutput> {
  const vault = ctx.vault;
  const at = ctx.nowIso();
  const by = ctx.user.name;
  const fileName = `naw-desk-backup-${fileStamp(at)}.${BACKUP_EXTENSION}`;
  // Our own copy of the key: an idle lock during the dialog or a long copy zeroes the session's.
  const snapshot = { ...vault, key: Buffer.from(vault.key) };
  try {
    const to = await FileDelivery.choose(ctx, target, {
      title: 'Save a backup of the vault',
      fileName,
      extensions: [BACKUP_EXTENSION],
    });
    const { filled: r, bytes } = await to.writeStreamed(
      ctx,
      async (file) => {
        const r = await writeBackup(snapshot, file, { at, by });
        if (to.path === null && r.bytes > MAX_DOWNLOAD_BYTES) {
          throw wordedError('CONFLICT', 'ops.backupTooLarge');
        }
        return r;
      },
      (r) =>
        ctx.audit('vault.backup', `vault:${vault.vaultId}`, {
          to: to.path ?? 'download',
          bytes: r.bytes,
          sha256: r.sha256,
          schemaVersion: r.header.schemaVersion,
          auditHead: r.header.auditHead.seq,
        }),
    );
    return {
      fileName,
      savedTo: to.path,
      bytes: r.bytes,
      sha256: r.sha256,
      schemaVersion: r.header.schemaVersion,
      auditHead: r.header.auditHead,
      auditEvents: r.header.auditEvents,
      createdAt: at,
      base64: bytes ? bytes.toString('base64') : null,
    };
  } finally {
    snapshot.key.fill(0);
  }
}
