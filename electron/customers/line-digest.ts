import type { ImportKind } from '../../shared/schemas/customers';
import { COLUMNS, type HeaderMap } from './columns';

/**
 * A 64-bit digest of the fields of one CSV line that make a row of the vault: the kind's columns
 * in their fixed order (not the file's), without valid_from/valid_to and unknown columns. Two lines
 * with the same digest read as the same row, so a snapshot line whose digest the vault stores on
 * the row it holds as current is that row, unchanged, and needs no parsing or checks (it passed
 * them when it was written). The same line in a history file and in a snapshot digests alike, so
 * the first snapshot after a history import already compares by digest.
 *
 * The raw text as given: a missing column, a missing field and an empty field all read as empty
 * and digest alike; any other difference (a space, `06-…` for `06…`) merely sends the line the
 * exact way, which stores the new line's digest.
 *
 * Two 32-bit lanes (cyrb53's mixing, widened to 64 bits); every field ends with a marker outside
 * the range of UTF-16 code units, so `"ab" + "c"` and `"a" + "bc"` differ. Not cryptographic: a
 * file that would have to guess a 64-bit digest to pass one line unchecked can as well write the
 * line it wants; against chance, with millions of rows current, a wrong match is about 1 in 10^12
 * per changed line.
 */
export interface LineDigest {
  hi: number;
  lo: number;
}

const END = 0x110000;
const SEED: Record<ImportKind, number> = { customers: 0x63, numbers: 0x6e, ips: 0x69 };

/** Where each of the kind's columns is in a line of this header (-1: not in the file). */
export function digestColumns(header: HeaderMap): Int32Array {
  const spec = COLUMNS[header.kind];
  const names: readonly string[] = [...spec.required, ...spec.optional];
  return Int32Array.from(names, (c) => header.index[c] ?? -1);
}

/** The two lanes' last mixing, into `out`. */
function mix(h1: number, h2: number, out: LineDigest): void {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  out.hi = h1 >>> 0;
  out.lo = h2 >>> 0;
}

export function digestLine(
  kind: ImportKind,
  fields: readonly string[],
  columns: Int32Array,
  out: LineDigest,
): void {
  let h1 = 0xdeadbeef ^ SEED[kind];
  let h2 = 0x41c6ce57 ^ SEED[kind];
  for (let c = 0; c < columns.length; c++) {
    const at = columns[c]!;
    const s = at < 0 ? undefined : fields[at];
    if (s !== undefined) {
      for (let i = 0; i < s.length; i++) {
        const ch = s.charCodeAt(i);
        h1 = Math.imul(h1 ^ ch, 2654435761);
        h2 = Math.imul(h2 ^ ch, 1597334677);
      }
    }
    h1 = Math.imul(h1 ^ END, 2654435761);
    h2 = Math.imul(h2 ^ END, 1597334677);
  }
  mix(h1, h2, out);
}

/**
 * SQL for the stored digest from two bound halves (`(? << 32) | ?`; null stays null), and for
 * reading it back as two unsigned 32-bit halves, which JavaScript numbers hold exactly.
 */
export const DIGEST_VALUE = '((? << 32) | ?)';
export const DIGEST_HALVES = '(line_digest >> 32) & 4294967295, line_digest & 4294967295';

/**
 * The digest of a line without quotes from its text, as digestLine gives it for
 * `text.split(delimiter)` — without making the fields. `starts` is scratch space (grown when a
 * line has more fields). Returns the line's number of fields.
 */
export function digestText(
  kind: ImportKind,
  text: string,
  delimiter: string,
  columns: Int32Array,
  out: LineDigest,
  starts: { at: Int32Array },
): number {
  let at = starts.at;
  let n = 1;
  at[0] = 0;
  for (let i = text.indexOf(delimiter); i >= 0;) {
    if (n === at.length) {
      const more = new Int32Array(at.length * 2);
      more.set(at);
      at = starts.at = more;
    }
    at[n++] = i + 1;
    i = text.indexOf(delimiter, i + 1);
  }
  // The same lanes as digestLine's, over each field's range of the text: written out again, as a
  // shared function would hand back two lanes per field, in the hottest loop of an import.
  let h1 = 0xdeadbeef ^ SEED[kind];
  let h2 = 0x41c6ce57 ^ SEED[kind];
  for (let c = 0; c < columns.length; c++) {
    const f = columns[c]!;
    if (f >= 0 && f < n) {
      const end = f + 1 < n ? at[f + 1]! - 1 : text.length;
      for (let i = at[f]!; i < end; i++) {
        const ch = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ ch, 2654435761);
        h2 = Math.imul(h2 ^ ch, 1597334677);
      }
    }
    h1 = Math.imul(h1 ^ END, 2654435761);
    h2 = Math.imul(h2 ^ END, 1597334677);
  }
  mix(h1, h2, out);
  return n;
}
