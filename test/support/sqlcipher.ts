import { createRequire } from 'node:module';

/**
 * Zetetic's reference SQLCipher 4 (via @journeyapps/sqlcipher), to prove the vault is a standard
 * SQLCipher v4 file that opens with the recovery key alone — no lock-in to this app.
 *
 * It is not a dependency of the project: it compiles SQLCipher against OpenSSL's headers and has
 * no Windows build, so `npm install` would fail on Windows and on a Linux without libssl-dev. CI
 * installs it (.ci/run: `npm run install:reference-sqlcipher`); elsewhere its test is skipped, out
 * loud, when it is absent. In CI (CI=true) it must be there.
 */
const require = createRequire(import.meta.url);
type Sqlcipher = { Database: new (file: string, cb?: (e: Error | null) => void) => RefDb };

function load(): { sqlcipher: Sqlcipher | null; missing: string | null } {
  try {
    return { sqlcipher: require('@journeyapps/sqlcipher') as Sqlcipher, missing: null };
  } catch (e) {
    return {
      sqlcipher: null,
      missing:
        `the reference SQLCipher (@journeyapps/sqlcipher) is not installed here (${(e as Error).message.split('\n')[0]}). ` +
        'Install it with `npm run install:reference-sqlcipher` (Linux/macOS; needs OpenSSL headers: apt-get install libssl-dev).',
    };
  }
}
const loaded = load();

/** Why the reference library cannot be used here, or null when it can. */
export const REFERENCE_SQLCIPHER_MISSING = loaded.missing;
/** In CI the reference tests never skip: a missing library fails them. */
export const SKIP_REFERENCE_SQLCIPHER =
  REFERENCE_SQLCIPHER_MISSING !== null && process.env.CI !== 'true';
if (SKIP_REFERENCE_SQLCIPHER) {
  console.warn(
    `\n*** SKIPPED: the tests that open a vault in the reference SQLCipher library: ${REFERENCE_SQLCIPHER_MISSING}\n`,
  );
}
/**
 * First line of a test that opens a vault with the reference library: skips it, saying why, when
 * the library is absent — except in CI, where the test runs and fails.
 */
export function skipWithoutReferenceSqlcipher(
  skip: (condition: boolean, note?: string) => void,
): void {
  skip(SKIP_REFERENCE_SQLCIPHER, `SKIPPED: ${REFERENCE_SQLCIPHER_MISSING}`);
}

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
  const sqlcipher = loaded.sqlcipher;
  if (!sqlcipher) throw new Error(`Cannot prove SQLCipher interop: ${REFERENCE_SQLCIPHER_MISSING}`);
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
