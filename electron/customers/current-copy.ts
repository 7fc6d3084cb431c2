import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { ImportKind } from '../../shared/schemas/customers';
import type { Db } from '../core/db';
import { CurrentIndex } from './current-index';
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
  index: CurrentIndex;
  /** Read from the stored copy (not from a pass over the table). */
  copied: boolean;
  facts: CurrentFacts;
}

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
      'SELECT at, max_id, latest, current, future_to FROM current_copy WHERE kind = ?',
    );
    this.parts = db.prepare('SELECT bare, data FROM current_copy_part WHERE kind = ? ORDER BY n');
    this.dropHead = db.prepare('DELETE FROM current_copy WHERE kind = ?');
    this.dropParts = db.prepare('DELETE FROM current_copy_part WHERE kind = ?');
    this.touchHead = db.prepare('UPDATE current_copy SET at = ? WHERE kind = ?');
    this.addHead = db.prepare(
      'INSERT INTO current_copy (kind, at, max_id, latest, current, future_to) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.addPart = db.prepare(
      'INSERT INTO current_copy_part (kind, n, bare, data) VALUES (?, ?, ?, ?)',
    );
  }

  /** The index and facts at `at` from the copy, or null when it does not stand for the table. */
  read(
    at: number,
    maxId: number,
    pulse: () => void,
  ): { index: CurrentIndex; facts: CurrentFacts } | null {
    const h = this.head.get(this.kind) as
      | {
          at: number;
          max_id: number;
          latest: number | null;
          current: number;
          future_to: number | null;
        }
      | undefined;
    if (!h || h.max_id !== maxId || at <= h.at || (h.future_to !== null && at >= h.future_to)) {
      return null;
    }
    const index = new CurrentIndex(h.current);
    const d: LineDigest = { hi: 0, lo: 0 };
    let rows = 0;
    for (const p of this.parts.iterate(this.kind) as Iterable<{ bare: number; data: Buffer }>) {
      const u = new Uint32Array(
        p.data.buffer.slice(p.data.byteOffset, p.data.byteOffset + p.data.length),
      );
      if (p.bare) {
        for (let i = 0; i < u.length; i++) index.add(u[i]!, null);
        rows += u.length;
      } else {
        for (let i = 0; i < u.length; i += 3) {
          d.hi = u[i + 1]!;
          d.lo = u[i + 2]!;
          index.add(u[i]!, d);
        }
        rows += u.length / 3;
      }
      pulse();
    }
    // A copy that does not add up is not used (and the next committed snapshot replaces it).
    if (rows !== h.current) return null;
    return { index, facts: { latest: h.latest, current: h.current, futureTo: h.future_to } };
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
    let n = 0;
    let rows = 0;
    const full = new PartBuffer(3);
    const bare = new PartBuffer(1);
    const flush = (b: PartBuffer, isBare: number) => {
      if (b.rows > 0) this.addPart.run(this.kind, n++, isBare, b.take());
    };
    visit((id, d) => {
      rows++;
      const b = d === null ? bare : full;
      b.put(id, d?.hi ?? 0, d?.lo ?? 0);
      if (b.rows === PART_ROWS) flush(b, d === null ? 1 : 0);
    });
    flush(full, 0);
    flush(bare, 1);
    this.addHead.run(this.kind, at, maxId, facts.latest, rows, facts.futureTo);
  }

  /** A snapshot that changed nothing: the same copy now stands for its later moment. */
  touch(at: number): void {
    this.touchHead.run(at, this.kind);
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

/**
 * What a snapshot changed of the rows it compared with: those it closed or gave a new digest (no
 * longer as the index holds them) and those it wrote or re-digested (with the digest they have
 * now), in typed arrays — a first snapshot after the digests came in re-digests every row.
 */
export class CopyChanges {
  private readonly goneIds = new IdSet();
  private anyGone = false;
  anyOpened = false;
  private words = new Uint32Array(3 * 1024);
  private bare = new Uint8Array(1024);
  private rows = 0;

  closed(id: number): void {
    this.goneIds.add(id);
    this.anyGone = true;
  }

  opened(id: number, d: LineDigest | null): void {
    this.anyOpened = true;
    this.push(id, d);
  }

  redigested(id: number, d: LineDigest): void {
    this.closed(id);
    this.push(id, d);
  }

  gone(id: number): boolean {
    return this.goneIds.has(id);
  }

  none(): boolean {
    return !this.anyGone && this.rows === 0;
  }

  eachWritten(visit: (id: number, d: LineDigest | null) => void): void {
    const d: LineDigest = { hi: 0, lo: 0 };
    for (let r = 0; r < this.rows; r++) {
      d.hi = this.words[r * 3 + 1]!;
      d.lo = this.words[r * 3 + 2]!;
      visit(this.words[r * 3]!, this.bare[r] ? null : d);
    }
  }

  private push(id: number, d: LineDigest | null): void {
    if (this.rows === this.bare.length) {
      const words = new Uint32Array(this.words.length * 2);
      words.set(this.words);
      this.words = words;
      const bare = new Uint8Array(this.bare.length * 2);
      bare.set(this.bare);
      this.bare = bare;
    }
    const at = this.rows * 3;
    this.words[at] = id;
    this.words[at + 1] = d?.hi ?? 0;
    this.words[at + 2] = d?.lo ?? 0;
    this.bare[this.rows++] = d === null ? 1 : 0;
  }
}
