import { statSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { diskFullAsDeskError } from './disk-full';
import type { MessageKey, MessageParams } from '../../shared/messages';
import { DeskError, wordedError } from './errors';
import { createOwnerOnlyFile, keepOwnerOnly } from './owner-only';

export type Db = Database.Database;

export interface OpenDbOptions {
  /** Create the file if missing (only at vault creation). */
  create?: boolean;
  /** Path to a better_sqlite3.node built for Electron's ABI (see scripts/native-electron.mjs). */
  nativeBinding?: string;
  readonly?: boolean;
  /** How long a write waits for another connection's lock (tests shorten it). */
  busyTimeoutMs?: number;
}

/** The native module built for the current runtime; main.ts sets it when running in Electron. */
let defaultNativeBinding: string | undefined;
export function setNativeBinding(path: string | undefined): void {
  defaultNativeBinding = path;
}
/** For worker threads that open their own connection (imports). */
export const getNativeBinding = (): string | undefined => defaultNativeBinding;

/** How long a write waits for another connection (an import worker) to finish its transaction. */
const BUSY_TIMEOUT_MS = 10_000;

/**
 * SQLite gave up waiting for another connection's write (SQLITE_BUSY and its extended codes):
 * in practice a long import, in this process's worker or in another process (a CLI job).
 */
export const isBusyError = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
};

/** What a caller is told when the vault stayed busy past the busy timeout; null for other errors. */
export function busyAsDeskError(e: unknown): DeskError | null {
  return isBusyError(e)
    ? wordedError('CONFLICT', 'vault.busyImport', undefined, { reason: 'vault_busy' })
    : null;
}

/** Why a vault database did not open; `unreadable` is also what a wrong key looks like. */
export type DamageReason = 'unopenable' | 'empty' | 'unreadable';

// Each text says what to do about the damage: restore the latest backup into a new folder.
const damaged = (reason: DamageReason, key: MessageKey, params?: MessageParams) =>
  wordedError('VAULT_DAMAGED', key, params, { reason });

/**
 * Opens the encrypted database with the raw 256-bit key, using the SQLCipher v4 format so the
 * reference `sqlcipher` library can open it with the recovery key. With `create` the file is made
 * here, owner-only and never over an existing one; an existing file is never initialised again —
 * an empty one is damage, not a new vault. Owner-only rights are restored on the files of an
 * existing database (and SQLite gives its -wal and -shm files the rights of the database file).
 */
export function openEncryptedDb(file: string, key: Buffer, options: OpenDbOptions = {}): Db {
  const nativeBinding = options.nativeBinding ?? defaultNativeBinding;
  if (options.create) createOwnerOnlyFile(file);
  else {
    if (existsAndEmpty(file)) {
      throw damaged('empty', 'vault.dbEmpty', { file });
    }
    if (!options.readonly) for (const f of [file, `${file}-wal`, `${file}-shm`]) keepOwnerOnly(f);
  }
  let db: Db;
  try {
    db = new Database(file, {
      fileMustExist: true,
      timeout: options.busyTimeoutMs ?? BUSY_TIMEOUT_MS,
      readonly: options.readonly ?? false,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
  } catch (e) {
    throw (
      diskFullAsDeskError(e) ??
      damaged('unopenable', 'vault.dbUnopenable', { reason: (e as Error).message })
    );
  }
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    applyRawKey(db, key);
    // Touch the schema: a wrong key or a foreign/damaged file fails here.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    db.close();
    throw (
      diskFullAsDeskError(e) ??
      damaged('unreadable', 'vault.dbUnreadable')
    );
  }
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
    db.pragma('temp_store = MEMORY');
  } catch (e) {
    db.close();
    throw diskFullAsDeskError(e) ?? e;
  }
  return immediateTransactions(db);
}

function existsAndEmpty(file: string): boolean {
  try {
    return statSync(file).size === 0;
  } catch {
    return false; // a missing file is reported by the open itself
  }
}

/**
 * Hands SQLCipher the raw key as `x'<64 hex digits>'` in a Buffer that is zeroed at once, so no
 * hex string of the key is ever made (a JavaScript string cannot be wiped and lives until the
 * garbage collector frees it). SQLite copies the key into the connection's cipher context, where
 * it stays while the connection is open.
 */
function applyRawKey(db: Db, key: Buffer): void {
  const HEX = '0123456789abcdef';
  const material = Buffer.alloc(3 + key.length * 2);
  try {
    material[0] = 0x78; // x
    material[1] = 0x27; // '
    for (let i = 0; i < key.length; i++) {
      material[2 + 2 * i] = HEX.charCodeAt(key[i]! >> 4);
      material[3 + 2 * i] = HEX.charCodeAt(key[i]! & 0xf);
    }
    material[material.length - 1] = 0x27;
    db.key(material);
  } finally {
    material.fill(0);
  }
}

/**
 * Every transaction on our connections starts with BEGIN IMMEDIATE: it takes the write lock first
 * (waiting up to the busy timeout while an import worker writes) and only then reads, e.g. the
 * audit chain head. A deferred BEGIN could read the head, lose the race to the worker's commit and
 * then fail (a duplicate sequence number or SQLITE_BUSY_SNAPSHOT). Nested calls are savepoints.
 */
function immediateTransactions(db: Db): Db {
  const deferred = db.transaction.bind(db);
  db.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const t = deferred(fn);
    const run = (...args: unknown[]) => {
      try {
        return t.immediate(...args);
      } catch (e) {
        // SQLite rolled the transaction back: say "disk full", not an internal error.
        throw diskFullAsDeskError(e) ?? e;
      }
    };
    return Object.assign(run, t);
  }) as Db['transaction'];
  return db;
}
