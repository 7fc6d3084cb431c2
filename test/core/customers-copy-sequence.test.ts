import { describe, expect, it } from 'vitest';
import { CopySequence } from '../../electron/customers/copy-sequence';
import { CurrentIndex } from '../../electron/customers/current-index';

/** A base of `n` rows, ids 1..n, row i with the digest {hi: 1000 + i, lo: 7 * i}. */
function baseOf(n: number, gone: number[] = []): Uint32Array {
  const base = new Uint32Array(n * 3);
  for (let i = 0; i < n; i++) {
    base[i * 3] = gone.includes(i + 1) ? 0 : i + 1;
    base[i * 3 + 1] = 1000 + i;
    base[i * 3 + 2] = 7 * i;
  }
  return base;
}
const digestOf = (id: number) => ({ hi: 1000 + id - 1, lo: 7 * (id - 1) });

describe('the copy compared in file order', () => {
  it('finds each line at the cursor or a little past it, and a laid row by its digest', () => {
    const laid = new CurrentIndex(1);
    laid.add(500, { hi: 5, lo: 5 });
    const s = new CopySequence(baseOf(300, [3]), 300, [], laid);
    expect(s.same(digestOf(1))).toBe(1);
    expect(s.same(digestOf(2))).toBe(2);
    // Row 3 is gone since (closed or re-digested): its old line is not a current row.
    expect(s.same(digestOf(3))).toBe(0);
    // Rows 4–9 left out of tonight's file: row 10 is found past them.
    expect(s.same(digestOf(10))).toBe(10);
    expect(s.same({ hi: 5, lo: 5 })).toBe(500);
    // A changed line (a digest the copy does not hold).
    expect(s.same({ hi: 1, lo: 1 })).toBe(0);
    expect(s.same(digestOf(11))).toBe(11);
    // Only the high half alike is another digest.
    expect(s.same({ hi: digestOf(12).hi, lo: 1 })).toBe(0);
    expect(s.same(digestOf(12))).toBe(12);
    expect(s.outOfOrder()).toBe(false);
  });

  it('does not look back, nor further ahead than its window, until lines stray from its order', () => {
    const n = 4000;
    const s = new CopySequence(baseOf(n), n, [], new CurrentIndex(0));
    expect(s.same(digestOf(1))).toBe(1);
    expect(s.same(digestOf(1000))).toBe(0); // far past the cursor
    expect(s.same(digestOf(200))).toBe(200);
    expect(s.same(digestOf(100))).toBe(0); // behind it
    // The exact path finds such lines unchanged; past a few hundred of them the base is indexed.
    for (let k = 0; k < 256; k++) s.strayed();
    expect(s.same(digestOf(1000))).toBe(0);
    s.strayed();
    expect(s.same(digestOf(1000))).toBe(1000);
    expect(s.same(digestOf(100))).toBe(100);
    // The cursor moved on from row 1000, not back to 100.
    expect(s.same(digestOf(1001))).toBe(1001);
    expect(s.outOfOrder()).toBe(false);
    for (let k = 0; k < 250; k++) s.strayed();
    expect(s.outOfOrder()).toBe(true); // an eighth of the base found out of its order
  });

  it('holds every row for closing what the file left out: the base, the bare rows, the laid ones', () => {
    const laid = new CurrentIndex(2);
    laid.add(40, { hi: 9, lo: 9 });
    laid.add(41, null);
    const s = new CopySequence(baseOf(5, [2]), 5, [30], laid);
    expect(s.idsWithout((id) => id === 4)).toEqual([1, 3, 5, 30, 40, 41]);
    const rows: [number, string | null][] = [];
    s.each((id, d) => rows.push([id, d && `${d.hi}:${d.lo}`]));
    expect(rows.sort((a, b) => a[0] - b[0])).toEqual([
      [1, '1000:0'],
      [3, '1002:14'],
      [4, '1003:21'],
      [5, '1004:28'],
      [30, null],
      [40, '9:9'],
      [41, null],
    ]);
  });
});
