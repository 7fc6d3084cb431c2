import type { ImportIssue, ImportMode } from '../../shared/schemas/customers';
import type { Validity } from './rows';
import { OPEN_END, type HeldRow, type KindStore } from './stores';

export type Outcome = 'added' | 'changed' | 'closed' | 'unchanged';

/** A set of row ids in one bit each (a 10-million-row snapshot needs ~1.2 MB). */
class IdSet {
  private bits = new Uint8Array(1 << 16);
  add(id: number): void {
    if (id >> 3 >= this.bits.length) {
      const next = new Uint8Array(Math.max(this.bits.length * 2, (id >> 3) + 1));
      next.set(this.bits);
      this.bits = next;
    }
    this.bits[id >> 3]! |= 1 << (id & 7);
  }
  has(id: number): boolean {
    return id >> 3 < this.bits.length && (this.bits[id >> 3]! & (1 << (id & 7))) !== 0;
  }
}

export const showTime = (ms: number | null): string =>
  ms === null ? 'open end' : new Date(ms).toISOString().replace('.000Z', 'Z');

const isForeignKeyError = (e: unknown): boolean =>
  (e as { code?: string } | null)?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';

/**
 * Applies validated rows of one import to the vault, inside the import's transaction.
 *
 * History (rows with valid_from/valid_to): a row the vault already has is unchanged; a row that
 * closes the vault's open period of the same data closes it; a row that starts after the vault's
 * open period of the same holder ends that period and starts a new one (changed); anything else that
 * overlaps — another customer holding the same number or address block, or a rewrite of earlier
 * history, or another row of the same file — is rejected.
 *
 * Snapshot (current state at `asOf`): the same data as the vault's current row is unchanged; other
 * data closes the current row at asOf and opens a new one (changed); a new identifier opens at asOf
 * (added); what the vault holds as current but the file no longer has is closed at asOf (finish()).
 *
 * Every decision is made before anything is written for the row, so a rejected row leaves no trace.
 */
export class RowApplier<R extends Validity & { customerId: string }> {
  private readonly seen = new IdSet();

  constructor(
    private readonly store: KindStore<R>,
    private readonly importId: number,
    private readonly mode: ImportMode,
    private readonly asOf: number,
  ) {}

  apply(r: R, line: number): Outcome | ImportIssue {
    try {
      return this.mode === 'history' ? this.history(r, line) : this.snapshot(r, line);
    } catch (e) {
      if (isForeignKeyError(e)) {
        return this.issue(
          line,
          'customer_id',
          `unknown customer_id "${r.customerId.slice(0, 64)}": import the customers file first`,
        );
      }
      throw e;
    }
  }

  private issue(line: number, column: string, reason: string): ImportIssue {
    return { line, column, reason };
  }

  private ownConflict(r: R, held: HeldRow[], line: number): ImportIssue | null {
    const mine = held.find((h) => h.import_id === this.importId);
    if (!mine) return null;
    const s = this.store;
    return this.issue(
      line,
      s.keyColumn,
      s.sameHolder(mine, r)
        ? `overlaps line ${mine.source_line} of this file (the same ${s.thing} for an overlapping period)`
        : `the same ${s.thing} is held by another customer at the same time on line ${mine.source_line} of this file`,
    );
  }

  private history(r: R, line: number): Outcome | ImportIssue {
    const s = this.store;
    const from = r.from!;
    const to = r.to;
    const held = s.overlapping(r, from, to ?? OPEN_END);
    const own = this.ownConflict(r, held, line);
    if (own) return own;
    if (held.length === 0) {
      s.insert(r, from, to, line);
      return 'added';
    }
    const h = held[0]!;
    if (held.length === 1 && s.sameKey(h, r) && s.sameHolder(h, r)) {
      if (h.valid_from === from && s.sameData(h, r)) {
        if (h.valid_to === to) return 'unchanged';
        if (h.valid_to === null && to !== null) {
          s.setValidTo(h.id, to);
          return 'closed';
        }
      }
      if (h.valid_to === null && h.valid_from < from) {
        s.insert(r, from, to, line); // first: an unknown customer_id stops here, before any change
        s.setValidTo(h.id, from);
        return 'changed';
      }
    }
    // Only what the row itself says: who else holds it, and when, is other customers' data, and
    // telling another holder from the same one would answer "whose is this number?".
    return {
      line,
      column: s.keyColumn,
      code: 'overlaps_held',
      params: { from: showTime(from), to: to === null ? '…' : showTime(to) },
      reason: `this ${s.thing} (${showTime(from)} to ${showTime(to)}, as this line gives it) overlaps an existing ${s.held} in the vault; a history file may add later periods or close the current one, not change or overlap what is held`,
    };
  }

  private snapshot(r: R, line: number): Outcome | ImportIssue {
    const s = this.store;
    const at = this.asOf;
    const held = s.overlapping(r, at, OPEN_END);
    const own = this.ownConflict(r, held, line);
    if (own) return own;
    const twice = held.find((h) => this.seen.has(h.id));
    if (twice) {
      return this.issue(
        line,
        s.keyColumn,
        s.sameKey(twice, r)
          ? `this ${s.thing} appears more than once in this snapshot`
          : `overlaps another ${s.thing} in this snapshot held at the same time`,
      );
    }
    const current = held.find((h) => h.valid_from <= at && s.sameKey(h, r));
    if (!current) {
      s.insert(r, at, null, line);
      return 'added';
    }
    if (s.sameData(current, r)) {
      this.seen.add(current.id);
      return 'unchanged';
    }
    if (current.valid_from === at) {
      return this.issue(
        line,
        s.keyColumn,
        `this ${s.thing} was already changed at exactly this moment by an earlier import; use a later as-of time`,
      );
    }
    s.insert(r, at, null, line);
    s.setValidTo(current.id, at);
    return 'changed';
  }

  /**
   * Snapshot only: closes at asOf what the vault holds as current but the file did not name.
   * Returns the number closed, and remarks for rows that cannot be closed at that very moment.
   */
  closeMissing(onPage?: () => void): { closed: number; warnings: ImportIssue[] } {
    const s = this.store;
    let closed = 0;
    const warnings: ImportIssue[] = [];
    let after = 0;
    for (;;) {
      const page = s.currentPage(this.asOf, this.importId, after, 10_000);
      if (page.length === 0) break;
      for (const p of page) {
        if (this.seen.has(p.id)) continue;
        if (p.valid_from === this.asOf) {
          if (warnings.length < 100) {
            warnings.push({
              line: 0,
              column: s.keyColumn,
              reason: `a ${s.thing} that an earlier import opened at exactly this moment is not in this file and was left open; use a later as-of time to close it`,
            });
          }
          continue;
        }
        s.setValidTo(p.id, this.asOf);
        closed++;
      }
      after = page.at(-1)!.id;
      onPage?.();
    }
    return { closed, warnings };
  }
}
