import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../../shared/roles';
import { DeskError } from '../core/errors';
import { appendAudit } from '../audit/log';
import { openEncryptedDb, type Db } from '../core/db';
import { writeSetting } from '../core/settings';
import {
  makeSlot,
  openSlot,
  readKeySlots,
  replaceSlot,
  writeKeySlots,
  type KeySlotsFile,
} from './keyslots';
import { migrate } from './migrations';
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
}

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

function openWithKey(dir: string, key: Buffer, slots: KeySlotsFile): OpenVault {
  const db = openEncryptedDb(vaultPaths(dir).db, key);
  try {
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
    orgName: slots.orgName,
    demo: slots.demo,
  };
}

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
    throw new DeskError('VAULT_EXISTS', `A vault already exists in ${dir}; it was left untouched.`);
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const unexpected = readdirSync(dir).filter((f) => !f.startsWith('.'));
  if (unexpected.length > 0) {
    throw new DeskError(
      'VAULT_EXISTS',
      `The folder ${dir} is not empty; choose an empty folder for a new vault.`,
    );
  }
  const key = randomBytes(32);
  const vaultId = randomUUID();
  const slots: KeySlotsFile = {
    format: 'naw-desk-keyslots',
    version: 1,
    vaultId,
    orgName: o.orgName,
    demo: o.demo ?? false,
    slots: [await makeSlot(vaultId, o.adminName, key, o.passphrase, o.kdfCost)],
  };
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
    vault: { dir, db, key, vaultId, orgName: o.orgName, demo: slots.demo },
    recoveryKey: formatRecoveryKey(key),
    user,
  };
}

/** Unwraps the user's key slot and opens the vault. Null for unknown user or wrong passphrase. */
export async function unlockVault(
  dir: string,
  userName: string,
  passphrase: string,
): Promise<{ vault: OpenVault; user: VaultUser } | null> {
  const slots = readKeySlots(vaultPaths(dir).slots);
  if (!existsSync(vaultPaths(dir).db)) {
    throw new DeskError(
      'VAULT_DAMAGED',
      `The key file is there but the database ${DB_FILE} is missing.`,
    );
  }
  const key = await openSlot(slots, userName, passphrase);
  if (!key) return null;
  try {
    const vault = openWithKey(dir, key, slots);
    const user = findUser(vault.db, userName);
    if (!user || user.disabled) {
      closeVault(vault);
      return null;
    }
    return { vault, user };
  } finally {
    key.fill(0);
  }
}

/** Opens the vault with the recovery key (the raw database key). */
export function openWithRecoveryKey(dir: string, recoveryKey: string): OpenVault {
  const slots = readKeySlots(vaultPaths(dir).slots);
  const key = parseRecoveryKey(recoveryKey);
  if (!key) {
    throw new DeskError(
      'BAD_RECOVERY_KEY',
      'A recovery key is 64 hexadecimal digits (dashes optional).',
    );
  }
  try {
    return openWithKey(dir, key, slots);
  } catch (e) {
    if (e instanceof DeskError && e.code === 'VAULT_DAMAGED') {
      throw new DeskError('BAD_RECOVERY_KEY', 'This recovery key does not open this vault.');
    }
    throw e;
  } finally {
    key.fill(0);
  }
}

/** Writes (or rewrites) one user's key slot; the database key comes from an open session. */
export async function setPassphrase(
  dir: string,
  userName: string,
  dbKey: Buffer,
  passphrase: string,
  kdfCost?: KdfCost,
): Promise<void> {
  // dbKey is the open vault's key (OpenVault.key) or the verified recovery key.
  const p = vaultPaths(dir);
  const slots = readKeySlots(p.slots);
  const slot = await makeSlot(slots.vaultId, userName, dbKey, passphrase, kdfCost);
  writeKeySlots(p.slots, replaceSlot(slots, slot));
}

export function removeSlot(dir: string, userName: string): void {
  const p = vaultPaths(dir);
  const slots = readKeySlots(p.slots);
  writeKeySlots(p.slots, { ...slots, slots: slots.slots.filter((s) => s.user !== userName) });
}
