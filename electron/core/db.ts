import Database from 'better-sqlite3-multiple-ciphers';
import { DeskError } from './errors';

export type Db = Database.Database;

export interface OpenDbOptions {
  /** Create the file if missing (only at vault creation). */
  create?: boolean;
  /** Path to a better_sqlite3.node built for Electron's ABI (see scripts/native-electron.mjs). */
  nativeBinding?: string;
  readonly?: boolean;
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
 * Opens the encrypted database with the raw 256-bit key, using the SQLCipher v4 format so the
 * reference `sqlcipher` library can open it with the recovery key.
 */
export function openEncryptedDb(file: string, key: Buffer, options: OpenDbOptions = {}): Db {
  const nativeBinding = options.nativeBinding ?? defaultNativeBinding;
  let db: Db;
  try {
    db = new Database(file, {
      fileMustExist: !options.create,
      timeout: BUSY_TIMEOUT_MS,
      readonly: options.readonly ?? false,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
  } catch (e) {
    throw new DeskError(
      'VAULT_DAMAGED',
      `The vault database could not be opened (${(e as Error).message}).`,
    );
  }
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${key.toString('hex')}'"`);
    // Touch the schema: a wrong key or a foreign/damaged file fails here.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    db.close();
    throw new DeskError(
      'VAULT_DAMAGED',
      'The vault database is damaged or is not a NAW Desk vault for this key. The app did not change it; restore it from a backup.',
    );
  }
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  db.pragma('temp_store = MEMORY');
  return immediateTransactions(db);
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
    return Object.assign((...args: unknown[]) => t.immediate(...args), t);
  }) as Db['transaction'];
  return db;
}
