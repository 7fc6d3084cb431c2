/**
 * 64-bit digests of the identifier and of the data of one row, the same whether the row comes
 * from a CSV file (parsed) or from the vault (its columns): what lets a snapshot compare each row
 * of the file with the row the vault holds in memory instead of asking SQLite row by row.
 *
 * Two 32-bit lanes (cyrb53's mixing, widened to 64 bits). Every field ends with a marker outside
 * the range of UTF-16 code units, so `"ab" + "c"` and `"a" + "bc"` differ, and null differs from
 * an empty string. Not a cryptographic hash: a digest only ever lets a row through as unchanged
 * when key and data digests both match (128 bits together); anything else takes the exact path.
 */

export interface Digest {
  k1: number;
  k2: number;
  d1: number;
  d2: number;
}

export const newDigest = (): Digest => ({ k1: 0, k2: 0, d1: 0, d2: 0 });

const END = 0x110000;
const NULL = 0x110001;
const NUMBER = 0x120000;

let h1 = 0;
let h2 = 0;

function begin(seed: number): void {
  h1 = 0xdeadbeef ^ seed;
  h2 = 0x41c6ce57 ^ seed;
}

function feed(c: number): void {
  h1 = Math.imul(h1 ^ c, 2654435761);
  h2 = Math.imul(h2 ^ c, 1597334677);
}

export function text(s: string | null): void {
  if (s === null) return feed(NULL);
  for (let i = 0; i < s.length; i++) feed(s.charCodeAt(i));
  feed(END);
}

/** A small non-negative integer (family, prefix length, port) or null. */
export function int(n: number | null): void {
  feed(n === null ? NULL : NUMBER + n);
}

function finish(): [number, number] {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/** Starts the identifier's digest; feed its fields with text/int/bytes, then call `dataStart`. */
export function keyStart(): void {
  begin(0x6b);
}

/** Ends the identifier's digest into `out` and starts the data's. */
export function dataStart(out: Digest): void {
  [out.k1, out.k2] = finish();
  begin(0x64);
}

export function dataEnd(out: Digest): void {
  [out.d1, out.d2] = finish();
}
