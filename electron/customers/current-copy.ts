import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { ImportKind } from '../../shared/schemas/customers';
import type { Db } from '../core/db';
import { CopySequence } from './copy-sequence';
import { CurrentIndex, type CurrentRows } from './current-index';
import { IdSet } from './id-set';
import type { LineDigest } from './line-digest';

/** What a snapshot checks before it reads a row (stores.ts `snapshotFacts`). */
export interface CurrentFacts {
  /** The latest valid_from held (null: the table is empty). */
  latest: number | null;
  /** How many rows are current at the moment. */
  current: number;
  /** The earliest end after the moment among them (null: none ends later). */
  futureTo: number | null;
}

/** The rows a snapshot compares with: where they came from, and the facts at its moment. */
export interface CurrentBase {
  index: CurrentRows;
  /** Read from the stored copy (not from a pass over the table). */
  copied: boolean;
  facts: CurrentFacts;
  /** The copy's layers when it was read from the copy, for the next layer. */
  layers: CopyLayers | null;
}

/** How a copy is made up: its base and the layers of changes laid on it since. */
export interface CopyLayers {
  /** Layers laid on the base (0: the base alone). */
  layers: number;
  /** Rows in the base, and ids and rows in all the layers. */
  baseRows: number;
  deltaRows: number;
  /** The number of the next part. */
  nextPart: number;
}

/**
 * A night's changes are laid on the copy as a layer (the ids gone, the rows written) instead of
 * writing the whole copy again, while all the layers hold at most a quarter of the base's rows
 * (and a few more, for a small vault) and there are at most 32 of them; past that the copy is
 * written whole again.
 */
const MAX_LAYERS = 32;
const layersFit = (l: CopyLayers, more: number) =>
  l.layers < MAX_LAYERS && l.deltaRows + more <= l.baseRows / 4 + 4;

/** Rows a part holds: 64 KiB-row parts keep each blob under 1 MB and the writer's memory flat. */
const PART_ROWS = 1 << 16;

/**
 * The stored copy of the rows a committed snapshot left current (migration 0013): each row's id
 * and line digest, read back into a CurrentIndex without a pass over the table. It stands for the
 * table at a later moment only when the table has not changed since (no row added — the same
 * max(id) — and the triggers did not drop it), the moment is later than the copy's, and no row of
 * it ends in between: then exactly the copy's rows are current, and none opened at the moment.
 */
export class CurrentCopy {
  private readonly head: Statement;
  private readonly parts: Statement;
  private readonly goneParts: Statement;
  private readonly dropHead: Statement;
  private readonly dropParts: Statement;
  private readonly touchHead: Statement;
  private readonly addHead: Statement;
  private readonly addPart: Statement;

  constructor(
    db: Db,
    private readonly kind: ImportKind,
  ) {
    this.head = db.prepare(
      `SELECT at, max_id, latest, current, future_to, layers, base_rows, delta_rows, parts
         FROM current_copy WHERE kind = ?`,
    );
    this.goneParts = db.prepare(
      `SELECT layer, data FROM current_copy_part WHERE kind = ? AND what = 'gone' ORDER BY n`,
    );
    this.parts = db.prepare(
      `SELECT layer, what, data FROM current_copy_part WHERE kind = ? AND what <> 'gone' ORDER BY n`,
    );
    this.dropHead = db.prepare('DELETE FROM current_copy WHERE kind = ?');
    this.dropParts = db.prepare('DELETE FROM current_copy_part WHERE kind = ?');
    this.touchHead = db.prepare('UPDATE current_copy SET at = ? WHERE kind = ?');
    this.addHead = db.prepare(
      `INSERT INTO current_copy (kind, at, max_id, latest, current, future_to, layers, base_rows, delta_rows, parts)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.addPart = db.prepare(
      'INSERT INTO current_copy_part (kind, n, layer, what, data) VALUES (?, ?, ?, ?, ?)',
    );
  }

  /**
   * The index, facts and layers at `at` from the copy, or null when it does not stand for the
   * table. A row of the base or of a layer is current unless a later layer says it is gone (a
   * row given a new digest is gone and written again in the same layer).
   */
  read(
    at: number,
    maxId: number,
    pulse: () => void,
  ): { index: CopySequence; facts: CurrentFacts; layers: CopyLayers } | null {
    const h = this.head.get(this.kind) as
      | {
          at: number;
          max_id: number;
          latest: number | null;
          current: number;
          future_to: number | null;
          layers: number;
          base_rows: number;
          delta_rows: number;
          parts: number;
        }
      | undefined;
    if (!h || h.max_id !== maxId || at <= h.at || (h.future_to !== null && at >= h.future_to)) {
      return null;
    }
    // The last layer each gone id left: its rows of earlier layers (and the base) are not current.
    const gone = new IdSet();
    const goneIn = new Map<number, number>();
    for (const p of this.goneParts.iterate(this.kind) as Iterable<{
      layer: number;
      data: Buffer;
    }>) {
      const u = words(p.data);
      for (let i = 0; i < u.length; i++) {
        gone.add(u[i]!);
        goneIn.set(u[i]!, p.layer);
      }
    }
    const current = (id: number, layer: number) => !gone.has(id) || goneIn.get(id)! <= layer;
    // The base in its order (copy-sequence.ts), the layers' rows by digest.
    const base = new Uint32Array(h.base_rows * 3);
    let n = 0;
    const bare: number[] = [];
    const laid = new CurrentIndex(h.delta_rows);
    const d: LineDigest = { hi: 0, lo: 0 };
    let rows = 0;
    for (const p of this.parts.iterate(this.kind) as Iterable<{
      layer: number;
      what: 'rows' | 'bare';
      data: Buffer;
    }>) {
      const u = words(p.data);
      if (p.what === 'bare') {
        for (let i = 0; i < u.length; i++) {
          if (!current(u[i]!, p.layer)) continue;
          if (p.layer === 0) bare.push(u[i]!);
          else laid.add(u[i]!, null);
          rows++;
        }
      } else if (p.layer === 0) {
        if (n * 3 + u.length > base.length) return null;
        base.set(u, n * 3);
        for (let i = 0; i < u.length; i += 3) {
          if (current(u[i]!, 0)) rows++;
          else base[n * 3 + i] = 0;
        }
        n += u.length / 3;
      } else {
        for (let i = 0; i < u.length; i += 3) {
          if (!current(u[i]!, p.layer)) continue;
          d.hi = u[i + 1]!;
          d.lo = u[i + 2]!;
          laid.add(u[i]!, d);
          rows++;
        }
      }
      pulse();
    }
    // A copy that does not add up is not used (and the next committed snapshot replaces it).
    if (rows !== h.current) return null;
    return {
      index: new CopySequence(base, n, bare, laid),
      facts: { latest: h.latest, current: h.current, futureTo: h.future_to },
      layers: {
        layers: h.layers,
        baseRows: h.base_rows,
        deltaRows: h.delta_rows,
        nextPart: h.parts,
      },
    };
  }

  /**
   * Replaces the copy with the rows current after this snapshot at `at`: `visit` hands each row's
   * id and digest (null: none) to the writer it is given. In the import's transaction, so it is
   * kept exactly when the import is. The parts first: the head's count is what was written.
   */
  write(
    at: number,
    maxId: number,
    facts: Omit<CurrentFacts, 'current'>,
    visit: (put: (id: number, d: LineDigest | null) => void) => void,
  ): void {
    this.dropHead.run(this.kind);
    this.dropParts.run(this.kind);
    const w = new PartWriter(this.addPart, this.kind, 0, 0);
    visit((id, d) => w.row(id, d));
    const { rows, next } = w.end();
    this.addHead.run(this.kind, at, maxId, facts.latest, rows, facts.futureTo, 0, rows, 0, next);
  }

  /**
   * Lays this snapshot's changes on the copy it read (`was`) as one more layer, or writes the
   * copy whole when the layers would grow too large (`whole`). The head, which the import's own
   * changes may have dropped by trigger, is written again; the parts it read are still there, as
   * the import has held the vault's write lock since it read them.
   */
  lay(
    at: number,
    maxId: number,
    facts: Omit<CurrentFacts, 'current'> & { current: number },
    was: CopyLayers,
    changes: CopyChanges,
    whole: () => void,
  ): void {
    const more = changes.goneCount + changes.writtenCount;
    if (!layersFit(was, more)) return whole();
    this.dropHead.run(this.kind);
    const layer = was.layers + 1;
    const w = new PartWriter(this.addPart, this.kind, layer, was.nextPart);
    changes.eachGone((id) => w.gone(id));
    changes.eachWritten((id, d) => w.row(id, d));
    const { next } = w.end();
    this.addHead.run(
      this.kind,
      at,
      maxId,
      facts.latest,
      facts.current,
      facts.futureTo,
      layer,
      was.baseRows,
      was.deltaRows + more,
      next,
    );
  }

  /** A snapshot that changed nothing: the same copy now stands for its later moment. */
  touch(at: number): void {
    this.touchHead.run(at, this.kind);
  }
}

/** A part's blob as 32-bit words: a view where it is aligned (a large blob is), else a copy. */
function words(b: Buffer): Uint32Array {
  return b.byteOffset % 4 === 0
    ? new Uint32Array(b.buffer, b.byteOffset, b.length >>> 2)
    : new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
}

/** Writes the parts of one layer: rows with a digest, rows without, ids gone. */
class PartWriter {
  private readonly full = new PartBuffer(3);
  private readonly bare = new PartBuffer(1);
  private readonly goneIds = new PartBuffer(1);
  private rows = 0;

  constructor(
    private readonly add: Statement,
    private readonly kind: ImportKind,
    private readonly layer: number,
    private n: number,
  ) {}

  row(id: number, d: LineDigest | null): void {
    this.rows++;
    if (d === null) this.put(this.bare, 'bare', id, 0, 0);
    else this.put(this.full, 'rows', id, d.hi, d.lo);
  }

  gone(id: number): void {
    this.put(this.goneIds, 'gone', id, 0, 0);
  }

  /** Writes what is still buffered; the rows written and the number of the next part. */
  end(): { rows: number; next: number } {
    this.flush(this.full, 'rows');
    this.flush(this.bare, 'bare');
    this.flush(this.goneIds, 'gone');
    return { rows: this.rows, next: this.n };
  }

  private put(b: PartBuffer, what: string, id: number, hi: number, lo: number): void {
    b.put(id, hi, lo);
    if (b.rows === PART_ROWS) this.flush(b, what);
  }

  private flush(b: PartBuffer, what: string): void {
    if (b.rows > 0) this.add.run(this.kind, this.n++, this.layer, what, b.take());
  }
}

/**
 * One part being filled: `width` 32-bit words a row (id, or id and the digest's halves), in the
 * machine's byte order — little-endian on every platform the desk is built for.
 */
class PartBuffer {
  private words: Uint32Array;
  rows = 0;
  constructor(private readonly width: number) {
    this.words = new Uint32Array(PART_ROWS * width);
  }
  put(id: number, hi: number, lo: number): void {
    const at = this.rows++ * this.width;
    this.words[at] = id;
    if (this.width === 3) {
      this.words[at + 1] = hi;
      this.words[at + 2] = lo;
    }
  }
  /** The filled rows as a blob; the buffer starts empty again. */
  take(): Buffer {
    const out = Buffer.from(this.words.buffer, 0, this.rows * this.width * 4);
    const copy = Buffer.from(out);
    this.rows = 0;
    return copy;
  }
}

/** Rows (id and digest, or none) in the order they were put, in growing typed arrays. */
export class RowList {
  private words: Uint32Array;
  private bare: Uint8Array;
  count = 0;

  /** `rows`: how many it will likely hold (it grows past that). */
  constructor(rows = 1024) {
    this.words = new Uint32Array(3 * Math.max(16, rows));
    this.bare = new Uint8Array(Math.max(16, rows));
  }

  push(id: number, d: LineDigest | null): void {
    if (this.count === this.bare.length) {
      const words = new Uint32Array(this.words.length * 2);
      words.set(this.words);
      this.words = words;
      const bare = new Uint8Array(this.bare.length * 2);
      bare.set(this.bare);
      this.bare = bare;
    }
    const at = this.count * 3;
    this.words[at] = id;
    this.words[at + 1] = d?.hi ?? 0;
    this.words[at + 2] = d?.lo ?? 0;
    this.bare[this.count++] = d === null ? 1 : 0;
  }

  each(visit: (id: number, d: LineDigest | null) => void): void {
    const d: LineDigest = { hi: 0, lo: 0 };
    for (let r = 0; r < this.count; r++) {
      d.hi = this.words[r * 3 + 1]!;
      d.lo = this.words[r * 3 + 2]!;
      visit(this.words[r * 3]!, this.bare[r] ? null : d);
    }
  }
}

/**
 * What a snapshot changed of the rows it compared with: those it closed or gave a new digest (no
 * longer as the index holds them) and those it wrote or re-digested (with the digest they have
 * now), in typed arrays — a first snapshot after the digests came in re-digests every row.
 */
export class CopyChanges {
  private readonly goneIds = new IdSet();
  private goneList = new Uint32Array(1024);
  goneCount = 0;
  anyOpened = false;
  private readonly written = new RowList();

  get writtenCount(): number {
    return this.written.count;
  }

  closed(id: number): void {
    this.goneIds.add(id);
    if (this.goneCount === this.goneList.length) {
      const next = new Uint32Array(this.goneList.length * 2);
      next.set(this.goneList);
      this.goneList = next;
    }
    this.goneList[this.goneCount++] = id;
  }

  opened(id: number, d: LineDigest | null): void {
    this.anyOpened = true;
    this.written.push(id, d);
  }

  redigested(id: number, d: LineDigest): void {
    this.closed(id);
    this.written.push(id, d);
  }

  gone(id: number): boolean {
    return this.goneIds.has(id);
  }

  none(): boolean {
    return this.goneCount === 0 && this.writtenCount === 0;
  }

  eachGone(visit: (id: number) => void): void {
    for (let i = 0; i < this.goneCount; i++) visit(this.goneList[i]!);
  }

  eachWritten(visit: (id: number, d: LineDigest | null) => void): void {
    this.written.each(visit);
  }
}
