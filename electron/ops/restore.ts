import { createHash } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ParsedInputOf } from '../../shared/contract';
import type { RestoreOutput } from '../../shared/schemas/ops';
import { commandLinePath } from '../core/command-line-path';
import type { DeskContext } from '../core/context';
import { DeskError, failWith } from '../core/errors';
import { appendAudit, verifyChain } from '../audit/log';
import { openEncryptedDb } from '../core/db';
import { checkInWorker } from '../core/check-in-worker';
import { keepOwnerOnly } from '../core/owner-only';
import { openSlot, parseKeySlots, writeKeySlots, type KeySlotsFile } from '../vault/keyslots';
import { SCHEMA_VERSION, schemaVersion } from '../vault/migrations';
import { parseRecoveryKey } from '../vault/recovery-key';
import { damageReason, vaultExists, vaultFiles, vaultPaths } from '../vault/vault';
import { readBackupHeader } from './backup-format';
import { sha256File } from './backup';

/**
 * Restores a backup into this session's vault folder, which must not hold a vault: from a path on
 * the command line (refused in the app) or a file the user picked.
 */
export async function restoreIntoSession(
  ctx: DeskContext,
  input: ParsedInputOf<'ops.restore'>,
): Promise<RestoreOutput> {
  const s = ctx.session;
  if (s.vault) {
    failWith('VAULT_EXISTS', 'vault.openHere');
  }
  const source =
    input.from.kind === 'path'
      ? commandLinePath(s, input.from.path)
      : s.files.resolve(input.from.token).path;
  if (!existsSync(source)) failWith('NOT_FOUND', 'backup.noFile', { path: source });
  return restoreBackup({
    source,
    dir: s.vaultDir,
    at: ctx.nowIso(),
    recoveryKey: input.recoveryKey,
    userName: input.userName,
    passphrase: input.passphrase,
  });
}

export interface RestoreOptions {
  source: string;
  /** The folder for the restored vault: must not hold a vault (or anything else). */
  dir: string;
  at: string;
  recoveryKey?: string | undefined;
  userName?: string | undefined;
  passphrase?: string | undefined;
}

/**
 * Restores a backup file into a NEW vault folder. Never overwrites: a folder that holds a vault or
 * any other file is refused before anything is written. The key (recovery key, or a user's
 * passphrase against the key slots in the backup) is checked first, the database bytes are checked
 * against the SHA-256 in the header, and the restored vault must open, pass SQLite's integrity
 * check and the HMAC check of every page, have a known schema version and an intact audit chain —
 * else the new folder is removed again. The restore is audited in the restored vault.
 */
export async function restoreBackup(o: RestoreOptions): Promise<RestoreOutput> {
  if (vaultExists(o.dir)) {
    failWith('VAULT_EXISTS', 'backup.folderHoldsVault', { dir: o.dir });
  }
  if (existsSync(o.dir) && readdirSync(o.dir).some((f) => !f.startsWith('.'))) {
    failWith('VAULT_EXISTS', 'backup.folderNotEmpty', { dir: o.dir });
  }
  const { header, dbOffset } = readBackupHeader(o.source);
  if (header.schemaVersion > SCHEMA_VERSION) {
    failWith('VAULT_TOO_NEW', 'backup.tooNew', { version: header.schemaVersion });
  }
  const slots = parseKeySlots(header.keyslots);
  if (!slots) return failWith('VAULT_DAMAGED', 'backup.keyFileDamaged');
  const key = await keyFor(slots, o);
  const paths = vaultPaths(o.dir);
  const createdDir = !existsSync(o.dir);
  const cleanUp = () => {
    for (const f of vaultFiles(o.dir)) rmSync(f, { force: true });
    if (createdDir) rmSync(o.dir, { recursive: true, force: true });
  };
  try {
    mkdirSync(o.dir, { recursive: true, mode: 0o700 });
    keepOwnerOnly(o.dir);
    const hash = createHash('sha256');
    const src = createReadStream(o.source, { start: dbOffset });
    src.on('data', (c) => hash.update(c as Buffer));
    let bytes = 0;
    src.on('data', (c) => (bytes += (c as Buffer).length));
    await pipeline(src, createWriteStream(paths.db, { mode: 0o600, flags: 'wx' }));
    if (bytes !== header.db.bytes || hash.digest('hex') !== header.db.sha256) {
      failWith('VAULT_DAMAGED', 'backup.checksum');
    }
    let db;
    try {
      db = openEncryptedDb(paths.db, key);
    } catch (e) {
      if (
        e instanceof DeskError &&
        e.code === 'VAULT_DAMAGED' &&
        damageReason(e) === 'unreadable' &&
        o.recoveryKey !== undefined
      ) {
        failWith('BAD_RECOVERY_KEY', 'backup.recoveryKeyWrong');
      }
      throw e;
    }
    try {
      const problem = await checkInWorker(paths.db, key, 'full').result;
      if (problem) {
        failWith('VAULT_DAMAGED', 'backup.damaged', { problem }, { reason: 'malformed' });
      }
      const chain = verifyChain(db);
      if (!chain.intact) {
        failWith('VAULT_DAMAGED', 'backup.chainBroken', { seq: chain.brokenAt?.seq ?? '?' });
      }
      const restoredEvents = chain.checked;
      const via = o.recoveryKey !== undefined ? 'recovery-key' : `passphrase:${o.userName}`;
      const sha256 = await sha256File(o.source);
      appendAudit(db, {
        at: o.at,
        user: o.userName ?? 'system',
        action: 'vault.restored',
        subject: `vault:${header.vaultId}`,
        details: {
          from: basename(o.source),
          sha256,
          backupCreatedAt: header.createdAt,
          backupHead: header.auditHead.seq,
          via,
        },
      });
      writeKeySlots(paths.slots, slots);
      return {
        vaultId: header.vaultId,
        orgName: header.orgName,
        demo: header.demo,
        backupCreatedAt: header.createdAt,
        schemaVersion: schemaVersion(db),
        auditEvents: restoredEvents,
        auditIntact: true,
        sha256,
      };
    } finally {
      db.close();
    }
  } catch (e) {
    cleanUp();
    throw e;
  } finally {
    key.fill(0);
  }
}

async function keyFor(slots: KeySlotsFile, o: RestoreOptions): Promise<Buffer> {
  if (o.recoveryKey !== undefined) {
    const key = parseRecoveryKey(o.recoveryKey);
    if (!key) return failWith('BAD_RECOVERY_KEY', 'vault.recoveryKeyFormat');
    return key;
  }
  const key = o.userName && o.passphrase ? await openSlot(slots, o.userName, o.passphrase) : null;
  if (!key) return failWith('BAD_CREDENTIALS', 'backup.badCredentials');
  return key;
}
