import { createRequire } from 'node:module';

/**
 * Zetetic's reference SQLCipher 4 (via @journeyapps/sqlcipher), to prove the vault is a standard
 * SQLCipher v4 file that opens with the recovery key alone — no lock-in to this app.
 */
const require = createRequire(import.meta.url);
const sqlcipher = require('@journeyapps/sqlcipher') as {
  Database: new (file: string, cb?: (e: Error | null) => void) => RefDb;
};

interface RefDb {
  run(sql: string, cb: (e: Error | null) => void): void;
  all(sql: string, cb: (e: Error | null, rows: unknown[]) => void): void;
  exec(sql: string, cb: (e: Error | null) => void): void;
  close(cb: (e: Error | null) => void): void;
}

export interface ReferenceDb {
  all<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens `file` with the reference library and `PRAGMA key = "x'<hex>'"`. */
export async function openWithReferenceSqlcipher(
  file: string,
  hexKey: string,
): Promise<ReferenceDb> {
  const db = await new Promise<RefDb>((res, rej) => {
    const d = new sqlcipher.Database(file, (e) => (e ? rej(e) : res(d)));
  });
  const p = <T>(f: (cb: (e: Error | null, v?: T) => void) => void) =>
    new Promise<T>((res, rej) => f((e, v) => (e ? rej(e) : res(v as T))));
  await p<void>((cb) => db.run(`PRAGMA key = "x'${hexKey}'"`, cb));
  return {
    all: <T>(sql: string) =>
      p<T[]>((cb) => db.all(sql, cb as (e: Error | null, rows: unknown[]) => void)),
    exec: (sql: string) => p<void>((cb) => db.exec(sql, cb)),
    close: () => p<void>((cb) => db.close(cb)),
  };
}
