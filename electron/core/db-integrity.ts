import { createHmac, pbkdf2Sync } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { Db } from './db';

/**
 * SQLite's own check of the b-trees: `quick_check` reads every table and index page (each page's
 * HMAC is verified as it is read) and checks their structure; `integrity_check` also checks that
 * every index matches its table. Null when all is well, else the first problems it names.
 */
export function sqliteCheck(db: Db, kind: 'quick_check' | 'integrity_check'): string | null {
  let lines: string[];
  try {
    lines = (db.pragma(`${kind}(10)`) as Record<string, unknown>[]).map((r) =>
      String(Object.values(r)[0]),
    );
  } catch (e) {
    return (e as Error).message;
  }
  if (lines.length === 1 && lines[0] === 'ok') return null;
  return lines.join('; ').split('\n').slice(0, 4).join(' ').slice(0, 300);
}

/*
 * SQLCipher 4 pages (the format the vault uses, see db.ts): every page ends in a 16-byte IV and a
 * 64-byte HMAC-SHA512 over the encrypted page (the first page without its 16-byte salt) and the IV,
 * followed by the page number (4 bytes, little-endian). The HMAC key is PBKDF2-HMAC-SHA512 of the
 * database key, with the salt XOR 0x3a, 2 rounds, 32 bytes.
 */
const SALT_BYTES = 16;
const HMAC_BYTES = 64;
const HMAC_SALT_MASK = 0x3a;
const HMAC_KDF_ROUNDS = 2;
const PAGES_PER_READ = 256;

/**
 * The check SQLCipher calls `cipher_integrity_check` (SQLite3MultipleCiphers has no such pragma):
 * the HMAC of every page of a database file, free pages too, which no SQL statement reads. Run on
 * a file without a WAL (a backup copy, a restored file). Null when every page is intact.
 */
export async function pageCheck(
  file: string,
  key: Buffer,
  pageSize: number,
): Promise<string | null> {
  const fh = await open(file, 'r');
  let hmacKey: Buffer | null = null;
  try {
    const size = (await fh.stat()).size;
    if (size === 0 || size % pageSize !== 0) {
      return `the file is ${size} bytes, not a whole number of ${pageSize}-byte pages`;
    }
    const chunk = Buffer.alloc(pageSize * PAGES_PER_READ);
    const bad: number[] = [];
    const pageNo = Buffer.alloc(4);
    for (let offset = 0; offset < size; offset += chunk.length) {
      const { bytesRead } = await fh.read(chunk, 0, chunk.length, offset);
      if (hmacKey === null) {
        const salt = Buffer.from(chunk.subarray(0, SALT_BYTES).map((b) => b ^ HMAC_SALT_MASK));
        hmacKey = pbkdf2Sync(key, salt, HMAC_KDF_ROUNDS, 32, 'sha512');
      }
      for (let at = 0; at + pageSize <= bytesRead; at += pageSize) {
        const n = (offset + at) / pageSize + 1;
        const page = chunk.subarray(at, at + pageSize);
        pageNo.writeUInt32LE(n);
        const mac = createHmac('sha512', hmacKey)
          .update(page.subarray(n === 1 ? SALT_BYTES : 0, pageSize - HMAC_BYTES))
          .update(pageNo)
          .digest();
        if (!mac.equals(page.subarray(pageSize - HMAC_BYTES))) bad.push(n);
      }
    }
    if (bad.length === 0) return null;
    const shown = bad.slice(0, 5).join(', ');
    return `${bad.length} page(s) fail their HMAC check (page ${shown}${bad.length > 5 ? ', …' : ''})`;
  } finally {
    hmacKey?.fill(0);
    await fh.close();
  }
}

/** Both checks of a database file opened as `db`: SQLite's integrity_check, then every page's HMAC. */
export async function fullCheck(db: Db, file: string, key: Buffer): Promise<string | null> {
  return (
    sqliteCheck(db, 'integrity_check') ??
    (await pageCheck(file, key, db.pragma('page_size', { simple: true }) as number))
  );
}
