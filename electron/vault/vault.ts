import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../../shared/roles';
import { DeskError, failWith, wordedError } from '../core/errors';
import { appendAudit } from '../audit/log';
import { openEncryptedDb, type Db } from '../core/db';
import { sqliteCheck } from '../core/db-integrity';
import { keepOwnerOnly } from '../core/owner-only';
import { createdOrgName, organisationName, writeSetting } from '../core/settings';
import {
  newKeySlots,
  openSlot,
  readKeySlots,
  withoutSlot,
  withSlot,
  wrapForUser,
  writeKeySlots,
  type KeySlotsFile,
} from './keyslots';
import { migrate, schemaVersion } from './migrations';
import { formatRecoveryKey, parseRecoveryKey } from './recovery-key';

export const DB_FILE = 'vault.db';
export const SLOTS_FILE = 'keyslots.json';

export const vaultPaths = (dir: string) => ({
  dir,
  db: join(dir, DB_FILE),
  slots: join(dir, SLOTS_FILE),
});

/** Every file a vault consists of: the database with its WAL and shared-memory files, the key slots. */
export const vaultFiles = (dir: string): string[] => {
  const p = vaultPaths(dir);
  return [p.db, `${p.db}-wal`, `${p.db}-shm`, p.slots];
};

export const vaultExists = (dir: string): boolean => {
  const p = vaultPaths(dir);
  return existsSync(p.db) || existsSync(p.slots);
};

export interface KdfCost {
  N: number;
  r: number;
  p: number;
}

/**
 * An unlocked vault: the open connection, the facts from its key file and the database key, kept
 * in memory only while unlocked (to write key slots for new users) and zeroed by closeVault().
 */
export interface OpenVault {
  dir: string;
  db: Db;
  key: Buffer;
  vaultId: string;
  orgName: string;
  demo: boolean;
  /** What SQLite's quick check said of this database since it was opened (see openWithKey). */
  integrity: VaultIntegrity;
}

/**
 * `ok`: checked while unlocking; `unchecked`: too large to check then, so it is checked right
 * after in a worker (`checking`), which ends in `ok` or `damaged` with what it found.
 */
export interface VaultIntegrity {
  state: 'ok' | 'unchecked' | 'checking' | 'damaged';
  problem: string | null;
}

/**
 * Databases up to this many pages (4 KiB each, ~10 MB) are quick-checked while unlocking. Measured
 * on a shared two-core machine: 80–270 µs a page depending on load, so at most ~0.6 s here; a
 * vault with a million customers (257,647 pages) takes 20–30 s and is checked right after the
 * unlock instead (docs/OPERATIONS.md).
 */
export const UNLOCK_QUICK_CHECK_MAX_PAGES = 2_500;

export interface VaultUser {
  id: number;
  name: string;
  displayName: string;
  role: Role;
  disabled: boolean;
}

export function findUser(db: Db, name: string): VaultUser | null {
  const row = db
    .prepare('SELECT id, name, display_name, role, disabled_at FROM user WHERE name = ?')
    .get(name) as
    | { id: number; name: string; display_name: string; role: Role; disabled_at: string | null }
    | undefined;
  return row
    ? {
        id: row.id,
        name: row.name,
        displayName: row.display_name,
        role: row.role,
        disabled: row.disabled_at !== null,
      }
    : null;
}

/** How a vault is opened; tests shorten the busy timeout. */
export interface OpenOptions {
  busyTimeoutMs?: number | undefined;
}

/**
 * Opens the database of a vault folder with its key. An existing database is never initialised
 * again: one without a schema is damage, as is one that fails SQLite's quick check (run here up
 * to UNLOCK_QUICK_CHECK_MAX_PAGES, else right after the unlock: vault/integrity-watch.ts). The
 * folder and its files are made owner-only on the way.
 */
function openWithKey(
  dir: string,
  key: Buffer,
  slots: KeySlotsFile,
  o: OpenOptions = {},
): OpenVault {
  keepOwnerOnly(dir);
  keepOwnerOnly(vaultPaths(dir).slots);
  const db = openEncryptedDb(vaultPaths(dir).db, key, { busyTimeoutMs: o.busyTimeoutMs });
  let checkNow: boolean;
  try {
    if (schemaVersion(db) === 0) {
      failWith('VAULT_DAMAGED', 'vault.noSchema', undefined, { reason: 'empty' });
    }
    checkNow =
      (db.pragma('page_count', { simple: true }) as number) <= UNLOCK_QUICK_CHECK_MAX_PAGES;
    const problem = checkNow ? sqliteCheck(db, 'quick_check') : null;
    if (problem) throw damagedVault(problem);
    migrate(db);
  } catch (e) {
    db.close();
    throw e;
  }
  return {
    dir,
    db,
    key: Buffer.from(key),
    vaultId: slots.vaultId,
    orgName: organisationName(db, createdOrgName(db) ?? ''),
    demo: slots.demo,
    integrity: { state: checkNow ? 'ok' : 'unchecked', problem: null },
  };
}

/** What a damaged vault is told: what the check found, and which backup to restore, how. */
export const damagedVault = (problem: string): DeskError =>
  wordedError('VAULT_DAMAGED', 'vault.damaged', { problem }, { reason: 'malformed' });

export function closeVault(vault: OpenVault): void {
  vault.key.fill(0);
  if (vault.db.open) vault.db.close();
}

export interface CreateVaultOptions {
  orgName: string;
  adminName: string;
  displayName?: string | undefined;
  passphrase: string;
  at: string;
  demo?: boolean;
  kdfCost?: KdfCost;
}

/**
 * Creates a new vault in `dir` (which must not hold one): a random 256-bit key, the encrypted
 * database with its schema, the first admin and their key slot. Returns the recovery key once.
 */
export async function createVault(
  dir: string,
  o: CreateVaultOptions,
): Promise<{ vault: OpenVault; recoveryKey: string; user: VaultUser }> {
  if (vaultExists(dir)) {
    throw wordedError('VAULT_EXISTS', 'vault.exists', { dir });
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  keepOwnerOnly(dir);
  const unexpected = readdirSync(dir).filter((f) => !f.startsWith('.'));
  if (unexpected.length > 0) {
    throw wordedError('VAULT_EXISTS', 'vault.folderNotEmpty', { dir });
  }
  const key = randomBytes(32);
  const vaultId = randomUUID();
  const slots = withSlot(
    newKeySlots(vaultId, o.demo ?? false),
    o.adminName,
    await wrapForUser(vaultId, o.adminName, key, o.passphrase, o.kdfCost),
  );
  const db = openEncryptedDb(vaultPaths(dir).db, key, { create: true });
  let user: VaultUser;
  try {
    migrate(db);
    db.transaction(() => {
      db.prepare(
        `INSERT INTO user (name, display_name, role, created_at) VALUES (?, ?, 'admin', ?)`,
      ).run(o.adminName, o.displayName || o.adminName, o.at);
      writeSetting(db, 'orgName', o.orgName);
      appendAudit(db, {
        at: o.at,
        user: o.adminName,
        action: 'vault.created',
        subject: `vault:${vaultId}`,
        details: { orgName: o.orgName, demo: o.demo ?? false },
      });
      appendAudit(db, {
        at: o.at,
        user: o.adminName,
        action: 'user.added',
        subject: `user:${o.adminName}`,
        details: { role: 'admin', first: true },
      });
    })();
    user = findUser(db, o.adminName)!;
    writeKeySlots(vaultPaths(dir).slots, slots);
  } catch (e) {
    // The folder was empty: leave it empty again, so a new attempt can start cleanly.
    db.close();
    for (const f of vaultFiles(dir)) rmSync(f, { force: true });
    key.fill(0);
    throw e;
  }
  return {
    vault: {
      dir,
      db,
      key,
      vaultId,
      orgName: o.orgName,
      demo: slots.demo,
      integrity: { state: 'ok', problem: null },
    },
    recoveryKey: formatRecoveryKey(key),
    user,
  };
}

/**
 * Unwraps the user's key slot and opens the vault. Null for unknown user or wrong passphrase. A key
 * file of the first version (names in plaintext) is written again in this version.
 */
export async function unlockVault(
  dir: string,
  userName: string,
  passphrase: string,
  o: OpenOptions = {},
): Promise<{ vault: OpenVault; user: VaultUser } | null> {
  const slots = readKeySlots(vaultPaths(dir).slots);
  if (!existsSync(vaultPaths(dir).db)) {
    failWith('VAULT_DAMAGED', 'vault.dbMissing', { file: DB_FILE });
  }
  const key = await openSlot(slots, userName, passphrase);
  if (!key) return null;
  try {
    const vault = openWithKey(dir, key, slots, o);
    const user = findUser(vault.db, userName);
    if (!user || user.disabled) {
      closeVault(vault);
      return null;
    }
    if (slots.firstVersion) upgradeKeySlots(dir, slots);
    return { vault, user };
  } finally {
    key.fill(0);
  }
}

/** Replaces a first-version key file; if that fails now, the next write does it. */
function upgradeKeySlots(dir: string, slots: KeySlotsFile): void {
  try {
    writeKeySlots(vaultPaths(dir).slots, slots);
  } catch {
    console.error('[naw-desk] the key file could not be rewritten without names yet');
  }
}

/** Opens the vault with the recovery key (the raw database key). */
export function openWithRecoveryKey(dir: string, recoveryKey: string): OpenVault {
  const slots = readKeySlots(vaultPaths(dir).slots);
  const key = parseRecoveryKey(recoveryKey);
  if (!key) {
    throw wordedError('BAD_RECOVERY_KEY', 'vault.recoveryKeyFormat');
  }
  try {
    return openWithKey(dir, key, slots);
  } catch (e) {
    // A wrong key and a damaged first page look the same; any other damage is reported as such.
    if (e instanceof DeskError && e.code === 'VAULT_DAMAGED' && damageReason(e) === 'unreadable') {
      throw wordedError('BAD_RECOVERY_KEY', 'vault.recoveryKeyWrong');
    }
    throw e;
  } finally {
    key.fill(0);
  }
}

/** Why openEncryptedDb or openWithKey called a database damaged (see DamageReason). */
export const damageReason = (e: DeskError): unknown =>
  (e.details as { reason?: unknown } | undefined)?.reason;

/** Removes one user's slot (their passphrase no longer opens the vault). */
export function removeSlot(dir: string, userName: string): void {
  const p = vaultPaths(dir);
  writeKeySlots(p.slots, withoutSlot(readKeySlots(p.slots), userName));
}
