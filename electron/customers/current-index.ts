import { newDigest, type Digest } from './row-digest';
import type { Validity } from './rows';
import type { KindStore } from './stores';

/** Slot holds no row. */
const EMPTY = 0;
/** Two rows of the vault share a key digest: such a key always takes the exact path. */
const AMBIGUOUS = 0xffffffff;

/**
 * The rows a snapshot is compared with — those the vault holds as current at its moment — as an
 * open-addressing hash table of digests in typed arrays (20 bytes a slot, at most 3/4 full):
 * 3.5 million address blocks take about 93 MB, where a Map of row objects would take gigabytes.
 * It also knows every such row's id, so closing what the file did not name needs no second pass
 * over the table.
 */
export class CurrentIndex {
  private readonly size: number;
  private readonly k1: Uint32Array;
  private readonly k2: Uint32Array;
  private readonly d1: Uint32Array;
  private readonly d2: Uint32Array;
  private readonly ids: Uint32Array;
  private count = 0;
  /** Ids whose slot became AMBIGUOUS: still current, still to be closed if not named. */
  private readonly spilled: number[] = [];
  /** Current rows that an earlier import opened at exactly the snapshot's moment (rare). */
  readonly openedAtMoment = new Set<number>();

  constructor(rows: number) {
    this.size = Math.max(16, Math.ceil((rows * 4) / 3) + 1);
    this.k1 = new Uint32Array(this.size);
    this.k2 = new Uint32Array(this.size);
    this.d1 = new Uint32Array(this.size);
    this.d2 = new Uint32Array(this.size);
    this.ids = new Uint32Array(this.size);
  }

  /** Row ids must fit a slot (below 2^32 - 1); a vault beyond that is compared the exact way. */
  static fits(id: number): boolean {
    return id > EMPTY && id < AMBIGUOUS;
  }

  private slot(k1: number, k2: number): number {
    let i = k1 % this.size;
    for (;;) {
      const id = this.ids[i]!;
      if (id === EMPTY || (this.k1[i] === k1 && this.k2[i] === k2)) return i;
      if (++i === this.size) i = 0;
    }
  }

  /** False when the table is full (more rows than it was made for): do without it then. */
  add(id: number, d: Digest): boolean {
    if (++this.count >= this.size) return false;
    const i = this.slot(d.k1, d.k2);
    const held = this.ids[i]!;
    if (held !== EMPTY) {
      if (held !== AMBIGUOUS) this.spilled.push(held);
      this.spilled.push(id);
      this.ids[i] = AMBIGUOUS;
      return true;
    }
    this.ids[i] = id;
    this.k1[i] = d.k1;
    this.k2[i] = d.k2;
    this.d1[i] = d.d1;
    this.d2[i] = d.d2;
    return true;
  }

  /**
   * The id of the current row with this key and this data, or 0 when there is none or the key is
   * ambiguous (the caller then asks the vault).
   */
  same(d: Digest): number {
    const i = this.slot(d.k1, d.k2);
    const id = this.ids[i]!;
    if (id === EMPTY || id === AMBIGUOUS) return 0;
    return this.d1[i] === d.d1 && this.d2[i] === d.d2 ? id : 0;
  }

  /** The ids of all the rows it holds for which `keep` is false, in ascending order. */
  idsWithout(keep: (id: number) => boolean): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.size; i++) {
      const id = this.ids[i]!;
      if (id !== EMPTY && id !== AMBIGUOUS && !keep(id)) out.push(id);
    }
    for (const id of this.spilled) if (!keep(id)) out.push(id);
    return out.sort((a, b) => a - b);
  }
}

/**
 * Reads the rows current at `at` once (one pass over the table, in the import's transaction) into
 * an index; null when a row id does not fit it (the snapshot is then compared row by row).
 * `pulse` runs every few thousand rows, for progress and cancel.
 */
export function buildCurrentIndex(
  store: Pick<KindStore<Validity>, 'eachCurrent'>,
  at: number,
  rows: number,
  pulse: () => void,
): CurrentIndex | null {
  const index = new CurrentIndex(rows);
  const d = newDigest();
  let fits = true;
  let n = 0;
  store.eachCurrent(at, d, (id, validFrom) => {
    if (fits) fits = CurrentIndex.fits(id) && index.add(id, d);
    if (validFrom === at) index.openedAtMoment.add(id);
    if ((++n & 0x3fff) === 0) pulse();
  });
  return fits ? index : null;
}
