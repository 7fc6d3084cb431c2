import type { CopyLayers } from './current-copy';
import type { LineDigest } from './line-digest';
import type { KindStore } from './stores';
import type { Validity } from './rows';

/** Above this many rows the index starts smaller and grows (a vault with much purged history). */
const INITIAL_ROWS_MAX = 4_000_000;
/** Slot holds no row. */
const EMPTY = 0;
/** Two rows of the vault share a line digest: such a line always takes the exact path. */
const AMBIGUOUS = 0xffffffff;

/** The rows current at a snapshot's moment, as the snapshot asks for them. */
export interface CurrentRows {
  /** The id of the current row read from a line with this digest, or 0 (ask the vault then). */
  same(d: LineDigest): number;
  /** Every row it holds, with its digest (null: none, or one shared: compared the exact way). */
  each(visit: (id: number, d: LineDigest | null) => void): void;
  /** The ids of all the rows it holds for which `keep` is false, in ascending order. */
  idsWithout(keep: (id: number) => boolean): number[];
  /** Current rows that an earlier import opened at exactly the snapshot's moment (rare). */
  readonly openedAtMoment: Set<number>;
  /** A line of a row it holds was found only by the exact path (copy-sequence.ts). */
  strayed(): void;
  /** Whether the file came in another order than the rows are held in (copy-sequence.ts). */
  outOfOrder(): boolean;
}

/**
 * The rows a snapshot is compared with — those the vault holds as current at its moment — as an
 * open-addressing hash table of their line digests (line-digest.ts) in typed arrays (12 bytes a
 * slot, at most 3/4 full): 3.5 million address blocks take about 56 MB, where a Map of row objects
 * would take gigabytes. It also knows every such row's id, those without a digest too, so closing
 * what the file did not name needs no second pass over the table.
 */
export class CurrentIndex implements CurrentRows {
  private size: number;
  private hi: Uint32Array;
  private lo: Uint32Array;
  private ids: Uint32Array;
  private count = 0;
  /** Current rows not in a slot (no digest, or their slot became AMBIGUOUS): still to be closed. */
  private readonly apart: number[] = [];
  /** Current rows that an earlier import opened at exactly the snapshot's moment (rare). */
  readonly openedAtMoment = new Set<number>();

  /** `rows`: how many rows it is likely to hold; it grows past that when needed. */
  constructor(rows: number) {
    this.size = CurrentIndex.slotsFor(rows);
    this.hi = new Uint32Array(this.size);
    this.lo = new Uint32Array(this.size);
    this.ids = new Uint32Array(this.size);
  }

  private static slotsFor(rows: number): number {
    return Math.max(16, Math.ceil((rows * 4) / 3) + 1);
  }

  /** Twice the slots, every held slot (AMBIGUOUS ones too) placed again. */
  private grow(): void {
    const { hi, lo, ids } = this;
    this.size = CurrentIndex.slotsFor(this.count * 2);
    this.hi = new Uint32Array(this.size);
    this.lo = new Uint32Array(this.size);
    this.ids = new Uint32Array(this.size);
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] === EMPTY) continue;
      const j = this.slot(hi[i]!, lo[i]!);
      this.ids[j] = ids[i]!;
      this.hi[j] = hi[i]!;
      this.lo[j] = lo[i]!;
    }
  }

  /** Row ids must fit a slot (below 2^32 - 1); a vault beyond that is compared the exact way. */
  static fits(id: number): boolean {
    return id > EMPTY && id < AMBIGUOUS;
  }

  private slot(hi: number, lo: number): number {
    let i = lo % this.size;
    for (;;) {
      const id = this.ids[i]!;
      if (id === EMPTY || (this.hi[i] === hi && this.lo[i] === lo)) return i;
      if (++i === this.size) i = 0;
    }
  }

  /** Adds a current row (`d` null: it has no digest yet). */
  add(id: number, d: LineDigest | null): void {
    if (d === null) {
      this.apart.push(id);
      return;
    }
    // At most 3/4 full, so that a probe stays short.
    if (++this.count * 4 > this.size * 3) this.grow();
    const i = this.slot(d.hi, d.lo);
    const held = this.ids[i]!;
    if (held !== EMPTY) {
      if (held !== AMBIGUOUS) this.apart.push(held);
      this.apart.push(id);
      this.ids[i] = AMBIGUOUS;
      return;
    }
    this.ids[i] = id;
    this.hi[i] = d.hi;
    this.lo[i] = d.lo;
  }

  /** The id of the current row read from a line with this digest, or 0 (ask the vault then). */
  same(d: LineDigest): number {
    const id = this.ids[this.slot(d.hi, d.lo)]!;
    return id === AMBIGUOUS ? 0 : id;
  }

  /**
   * Every row it holds, with its digest (null: none, or one it shares with another row: such a
   * row is compared the exact way however it is held).
   */
  each(visit: (id: number, d: LineDigest | null) => void): void {
    const d: LineDigest = { hi: 0, lo: 0 };
    for (let i = 0; i < this.size; i++) {
      const id = this.ids[i]!;
      if (id === EMPTY || id === AMBIGUOUS) continue;
      d.hi = this.hi[i]!;
      d.lo = this.lo[i]!;
      visit(id, d);
    }
    for (const id of this.apart) visit(id, null);
  }

  /** A hash table finds every row it holds, in any order. */
  strayed(): void {}

  outOfOrder(): boolean {
    return false;
  }

  /** The ids of all the rows it holds for which `keep` is false, in ascending order. */
  idsWithout(keep: (id: number) => boolean): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.size; i++) {
      const id = this.ids[i]!;
      if (id !== EMPTY && id !== AMBIGUOUS && !keep(id)) out.push(id);
    }
    for (const id of this.apart) if (!keep(id)) out.push(id);
    return out.sort((a, b) => a - b);
  }
}

/**
 * The rows current at `at` as an index, with the snapshot facts: from the stored copy of what the
 * last snapshot left current when it still stands for the table (current-copy.ts), else from the
 * one pass over the table (in the import's transaction) that also gives the facts (stores.ts).
 * `index` is null when a row id does not fit it (the snapshot is then compared row by row); `copied`
 * says it came from the copy. Sized for the highest row id, at most a few million rows, and grown
 * past that if needed. `pulse` runs every few thousand rows, for progress and cancel.
 */
export function buildCurrentIndex(
  store: Pick<KindStore<Validity>, 'scanCurrent' | 'maxId' | 'copy' | 'rememberFacts'>,
  at: number,
  pulse: () => void,
): { index: CurrentRows | null; copied: boolean; layers: CopyLayers | null } {
  const maxId = store.maxId();
  const copy = store.copy.read(at, maxId, pulse);
  if (copy) {
    store.rememberFacts(at, copy.facts);
    return { index: copy.index, copied: true, layers: copy.layers };
  }
  const index = new CurrentIndex(Math.min(maxId, INITIAL_ROWS_MAX));
  let fits = true;
  let n = 0;
  store.scanCurrent(at, (id, validFrom, d) => {
    if (fits) fits = CurrentIndex.fits(id);
    if (fits) index.add(id, d);
    if (validFrom === at) index.openedAtMoment.add(id);
    if ((++n & 0x3fff) === 0) pulse();
  });
  return { index: fits ? index : null, copied: false, layers: null };
}
