import type { ImportIssue, ImportMode } from '../../shared/schemas/customers';
import { CopyChanges, RowList, type CurrentBase } from './current-copy';
import type { CurrentRows } from './current-index';
import { IdSet } from './id-set';
import { issueAt } from './issue-words';
import type { LineDigest } from './line-digest';
import type { Validity } from './rows';
import { OPEN_END, type HeldRow, type KindStore } from './stores';

export type Outcome = 'added' | 'changed' | 'closed' | 'unchanged';

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
  /**
   * Snapshot: current rows that an exact look-up has found near a row of this file. Such a row may
   * now overlap what this import wrote, so it is no longer let through on its digest alone.
   */
  private readonly looked = new IdSet();

  /** Snapshot: the rows current at asOf, by line digest (current-index.ts); null = look up all. */
  private readonly index: CurrentRows | null;
  /** Snapshot with an index: what it changed of the current rows, for the stored copy. */
  private readonly changes = new CopyChanges();
  /**
   * Snapshot with an index: the row each line leaves current, in the file's order — the order a
   * copy written whole keeps, which the next night's file will most likely follow.
   */
  private readonly order: RowList;

  constructor(
    private readonly store: KindStore<R>,
    private readonly importId: number,
    private readonly mode: ImportMode,
    private readonly asOf: number,
    /** Snapshot: the current rows and facts it compares with (current-index.ts). */
    private readonly base: CurrentBase | null = null,
  ) {
    this.index = base?.index ?? null;
    this.order = new RowList(base === null ? 0 : base.facts.current + 1024);
  }

  /** `d`: the digest of the line the row was read from, stored with what it writes. */
  apply(r: R, line: number, d: LineDigest | null): Outcome | ImportIssue {
    try {
      return this.mode === 'history' ? this.history(r, line, d) : this.snapshot(r, line, d);
    } catch (e) {
      if (isForeignKeyError(e)) {
        return issueAt(line, 'customer_id', 'unknown_customer', { id: r.customerId.slice(0, 64) });
      }
      throw e;
    }
  }

  /** A finding on the row's identifier whose wording names the kind of thing (issue-words.ts). */
  private issue(
    line: number,
    code:
      | 'own_overlap'
      | 'own_other_holder'
      | 'snapshot_twice'
      | 'snapshot_overlap'
      | 'changed_at_moment',
    params: Record<string, number> = {},
  ): ImportIssue {
    return issueAt(line, this.store.keyColumn, code, { ...params, kind: this.store.kind });
  }

  private ownConflict(r: R, held: HeldRow[], line: number): ImportIssue | null {
    const mine = held.find((h) => h.import_id === this.importId);
    if (!mine) return null;
    return this.issue(line, this.store.sameHolder(mine, r) ? 'own_overlap' : 'own_other_holder', {
      line: mine.source_line,
    });
  }

  private history(r: R, line: number, d: LineDigest | null): Outcome | ImportIssue {
    const s = this.store;
    const from = r.from!;
    const to = r.to;
    const held = s.overlapping(r, from, to ?? OPEN_END);
    const own = this.ownConflict(r, held, line);
    if (own) return own;
    if (held.length === 0) {
      s.insert(r, from, to, line, d);
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
        s.insert(r, from, to, line, d); // first: an unknown customer_id stops here, before any change
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

  /**
   * Snapshot, before the line is parsed: a line with the digest of a row the vault holds as
   * current, not yet named by this file and untouched by it, is that row unchanged, without
   * checks or a look-up: it passed them when it was written, current rows do not overlap one
   * another, and whatever this import wrote near it was found by an exact look-up that marked it.
   */
  unchangedLine(d: LineDigest): boolean {
    if (this.index === null) return false;
    const id = this.index.same(d);
    if (id === 0 || this.seen.has(id) || this.looked.has(id)) return false;
    this.seen.add(id);
    this.order.push(id, d);
    return true;
  }

  private snapshot(r: R, line: number, d: LineDigest | null): Outcome | ImportIssue {
    const s = this.store;
    const at = this.asOf;
    const held = s.overlapping(r, at, OPEN_END);
    if (this.index !== null) for (const h of held) this.looked.add(h.id);
    const own = this.ownConflict(r, held, line);
    if (own) return own;
    const twice = held.find((h) => this.seen.has(h.id));
    if (twice) {
      return this.issue(line, s.sameKey(twice, r) ? 'snapshot_twice' : 'snapshot_overlap');
    }
    const current = held.find((h) => h.valid_from <= at && s.sameKey(h, r));
    if (!current) {
      this.opened(s.insert(r, at, null, line, d), d);
      return 'added';
    }
    if (s.sameData(current, r)) {
      this.seen.add(current.id);
      if (d !== null) {
        s.setDigest(current.id, d); // the next snapshot knows this line by its digest
        this.changes.redigested(current.id, d);
      }
      if (this.index !== null) {
        this.index.strayed();
        this.order.push(current.id, d);
      }
      return 'unchanged';
    }
    if (current.valid_from === at) {
      return this.issue(line, 'changed_at_moment');
    }
    this.opened(s.insert(r, at, null, line, d), d);
    s.setValidTo(current.id, at);
    this.changes.closed(current.id);
    this.seen.add(current.id); // closed here; closeMissing must not count it again
    return 'changed';
  }

  /** A row this snapshot wrote, for the copy of what is current after it. */
  private opened(id: number, d: LineDigest | null): void {
    if (this.index === null) return;
    this.changes.opened(id, d);
    this.order.push(id, d);
  }

  /**
   * Snapshot only: closes at asOf what the vault holds as current but the file did not name.
   * Returns the number closed, and remarks for rows that cannot be closed at that very moment.
   */
  closeMissing(onPage?: () => void): { closed: number; warnings: ImportIssue[] } {
    const done = { closed: 0, warnings: [] as ImportIssue[] };
    if (this.index === null) {
      this.closeMissingPaged(done, onPage);
      return done;
    }
    // Every row current before this import is in the index; what it named (or changed) is seen.
    const missing = this.index.idsWithout((id) => this.seen.has(id));
    for (let i = 0; i < missing.length; i++) {
      const id = missing[i]!;
      this.closeOne(done, id, this.index.openedAtMoment.has(id));
      if ((i & 0x3fff) === 0x3fff) onPage?.();
    }
    return done;
  }

  /** Without an index: reads what is current, page by page, from the vault. */
  private closeMissingPaged(done: MissingDone, onPage?: () => void): void {
    let after = 0;
    for (;;) {
      const page = this.store.currentPage(this.asOf, this.importId, after, 10_000);
      if (page.length === 0) break;
      for (const p of page)
        if (!this.seen.has(p.id)) this.closeOne(done, p.id, p.valid_from === this.asOf);
      after = page.at(-1)!.id;
      onPage?.();
    }
  }

  /** Closes one row the file did not name, unless an earlier import opened it at this very moment. */
  private closeOne(done: MissingDone, id: number, openedAtMoment: boolean): void {
    if (openedAtMoment) {
      if (done.warnings.length < 100) {
        done.warnings.push(
          issueAt(0, this.store.keyColumn, 'left_open_at_moment', { kind: this.store.kind }),
        );
      }
      return;
    }
    this.store.setValidTo(id, this.asOf);
    this.changes.closed(id);
    done.closed++;
  }

  /**
   * Snapshot compared by index, just before commit: stores what is current now, for the next
   * night's snapshot (current-copy.ts): only touched when it came from the copy and changed
   * nothing, a layer of changes laid on it when it came from the copy, else written whole.
   */
  keepCopy(): void {
    if (this.mode !== 'snapshot' || this.base === null) return;
    const { index, copied, facts, layers } = this.base;
    const copy = this.store.copy;
    const { changes } = this;
    if (copied && changes.none() && !index.outOfOrder()) return copy.touch(this.asOf);
    // Rows this snapshot opened start at asOf, the latest start then; none of them ends.
    const latest = changes.anyOpened ? this.asOf : facts.latest;
    const maxId = this.store.maxId();
    // Written whole: the rows in the order of this file's lines, then those it did not name that
    // stay current (opened by an earlier import at this very moment).
    const whole = () =>
      copy.write(this.asOf, maxId, { latest, futureTo: facts.futureTo }, (put) => {
        this.order.each(put);
        index.each((id, d) => {
          if (!this.seen.has(id) && !changes.gone(id)) put(id, d);
        });
      });
    if (!copied || layers === null || index.outOfOrder()) return whole();
    // Every id gone was current; a re-digested one is gone and written again.
    const current = facts.current - changes.goneCount + changes.writtenCount;
    copy.lay(
      this.asOf,
      maxId,
      { latest, futureTo: facts.futureTo, current },
      layers,
      changes,
      whole,
    );
  }
}

interface MissingDone {
  closed: number;
  warnings: ImportIssue[];
}
