import { CurrentIndex, type CurrentRows } from './current-index';
import type { LineDigest } from './line-digest';

/**
 * How many rows past the cursor a line is looked for: rows the file no longer lists since (a
 * customer who left with all their numbers). A changed line is looked for in all of them, in a
 * few kilobytes of the base that follow one another — about a microsecond.
 */
const WINDOW = 256;
/**
 * Lines of rows the copy holds that its order did not find (the exact path found them unchanged)
 * before the base is indexed by digest: a file in another order, or more rows left out in one
 * place than the window reaches.
 */
const STRAYS = 256;

/**
 * The rows current at a snapshot's moment as the stored copy holds them (current-copy.ts): the
 * base in the order of the lines of the file that wrote it, and the rows later nights laid on it.
 * A CRM exports its rows in the same order every night, so tonight's line is almost always the
 * row at the cursor, or a little past it where rows were left out since: a comparison in file
 * order reads the base once, front to back, instead of probing a hash table at a random place for
 * every line — and needs no hash table built from the copy first. A line found neither there nor
 * among the laid rows takes the exact path (a changed or new line does anyway). Once more than a
 * few lines of rows the copy holds were found only that way, the base is indexed by digest and
 * the cursor moves on from each row found in it.
 */
export class CopySequence implements CurrentRows {
  /** id, digest hi, digest lo for each base row; id 0: gone (closed or re-digested since). */
  private readonly base: Uint32Array;
  private readonly n: number;
  private cursor = 0;
  /** The base's positions (+1) by digest, once lines stray from its order. */
  private positions: CurrentIndex | null = null;
  private strays = 0;
  /** Lines found through `positions` rather than at the cursor. */
  private found = 0;
  /** None of the copy's rows opened at a later moment than the copy's, so none at the snapshot's. */
  readonly openedAtMoment = new Set<number>();

  constructor(
    base: Uint32Array,
    rows: number,
    /** Base rows without a digest: only to be closed when the file does not name them. */
    private readonly bare: number[],
    /** The rows the layers wrote, by digest. */
    private readonly laid: CurrentIndex,
  ) {
    this.base = base;
    this.n = rows;
  }

  same(d: LineDigest): number {
    const { base } = this;
    const { hi, lo } = d;
    const end = Math.min(this.n, this.cursor + WINDOW);
    for (let i = this.cursor; i < end; i++) {
      const j = i * 3;
      if (base[j + 2] === lo && base[j + 1] === hi && base[j] !== 0) {
        this.cursor = i + 1;
        return base[j]!;
      }
    }
    const laid = this.laid.same(d);
    if (laid !== 0 || this.positions === null) return laid;
    const at = this.positions.same(d) - 1;
    if (at < 0 || base[at * 3] === 0) return 0;
    this.found++;
    if (at >= this.cursor) this.cursor = at + 1;
    return base[at * 3]!;
  }

  strayed(): void {
    if (++this.strays <= STRAYS || this.positions !== null) return;
    const positions = new CurrentIndex(this.n);
    const d: LineDigest = { hi: 0, lo: 0 };
    for (let i = 0; i < this.n; i++) {
      if (this.base[i * 3] === 0) continue;
      d.hi = this.base[i * 3 + 1]!;
      d.lo = this.base[i * 3 + 2]!;
      positions.add(i + 1, d);
    }
    this.positions = positions;
  }

  each(visit: (id: number, d: LineDigest | null) => void): void {
    const { base } = this;
    const d: LineDigest = { hi: 0, lo: 0 };
    for (let i = 0; i < this.n; i++) {
      const id = base[i * 3]!;
      if (id === 0) continue;
      d.hi = base[i * 3 + 1]!;
      d.lo = base[i * 3 + 2]!;
      visit(id, d);
    }
    for (const id of this.bare) visit(id, null);
    this.laid.each(visit);
  }

  idsWithout(keep: (id: number) => boolean): number[] {
    const out = this.laid.idsWithout(keep);
    for (let i = 0; i < this.n; i++) {
      const id = this.base[i * 3]!;
      if (id !== 0 && !keep(id)) out.push(id);
    }
    for (const id of this.bare) if (!keep(id)) out.push(id);
    return out.sort((a, b) => a - b);
  }

  /**
   * Whether tonight's file lists its rows in another order than the copy's base (an eighth of the
   * base found by digest or the exact way): then the copy is written again, in this file's order.
   */
  outOfOrder(): boolean {
    return this.strays > STRAYS && (this.strays + this.found) * 8 > this.n;
  }
}
