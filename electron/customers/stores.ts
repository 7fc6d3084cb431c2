import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { ImportKind } from '../../shared/schemas/customers';
import { maskIp, type IpFamily } from '../../shared/identifiers';
import type { Db } from '../core/db';
import { CurrentCopy, type CurrentFacts } from './current-copy';
import { DIGEST_HALVES, DIGEST_VALUE, type LineDigest } from './line-digest';
import type { CustomerRow, IpRow, NumberRow, Validity } from './rows';

/** Far future: the end of an open interval in comparisons. */
export const OPEN_END = 8_640_000_000_000_000;

/** What the vault holds for one identifier and period (the columns every kind has). */
export interface HeldRow {
  id: number;
  customer_id: string;
  valid_from: number;
  valid_to: number | null;
  import_id: number;
  source_line: number;
}

/**
 * The table of one kind of data, as the import sees it: find what overlaps a row, write a row,
 * close a period. One prepared statement per operation, prepared once per import.
 */
export interface KindStore<R extends Validity> {
  readonly kind: ImportKind;
  /** The column a conflict is reported on. */
  readonly keyColumn: string;
  /** "number", "address block", "customer": for messages. */
  readonly thing: string;
  /** What the vault holds of it for a period: "assignment", "version". */
  readonly held: string;
  /** Rows of the same identifier (or an overlapping address block) whose period overlaps [from, to). */
  overlapping(r: R, from: number, to: number): HeldRow[];
  /** The very same identifier (not merely overlapping). */
  sameKey(h: HeldRow, r: R): boolean;
  sameHolder(h: HeldRow, r: R): boolean;
  /** Same holder and same data: nothing to change. */
  sameData(h: HeldRow, r: R): boolean;
  /**
   * Writes a row with the digest of the line it was read from (null: none); throws
   * SQLITE_CONSTRAINT_FOREIGNKEY for an unknown customer_id.
   */
  insert(r: R, from: number, to: number | null, line: number, d: LineDigest | null): number;
  setValidTo(id: number, to: number): void;
  /** Stores the digest of a line found to be this row the exact way, for the next snapshot. */
  setDigest(id: number, d: LineDigest): void;
  /** Rows current at `at` that another import wrote, with id > after, in id order. */
  currentPage(
    at: number,
    importId: number,
    after: number,
    limit: number,
  ): { id: number; valid_from: number }[];
  /**
   * The latest valid_from held (null when the table is empty) and how many rows are current at
   * `at`: what a snapshot checks before it reads a row, in one pass over the table (asked twice
   * for the same moment, it answers from the first).
   */
  snapshotFacts(at: number): CurrentFacts;
  /**
   * The snapshot facts at `at` (as snapshotFacts, which then answers from them) from the same one
   * pass over the table that calls `visit` with the id, start and line digest (null: none stored)
   * of every row current at `at`, in no promised order. One pass, not two: a table larger than
   * the page cache is read from disk and decrypted once.
   */
  scanCurrent(
    at: number,
    visit: (id: number, validFrom: number, d: LineDigest | null) => void,
  ): CurrentFacts;
  /** The facts at `at` as the stored copy of the current rows gives them, for snapshotFacts. */
  rememberFacts(at: number, facts: CurrentFacts): void;
  /** The stored copy of what the last snapshot left current (current-copy.ts). */
  readonly copy: CurrentCopy;
  /** The highest row id (0: none): no more rows than that can be current. */
  maxId(): number;
  /** Called once before commit. */
  finish(): void;
}

/**
 * The rows current at a moment are handed to JavaScript by a SQL function SQLite calls once per
 * row (id, valid_from and the line digest's halves): 3–4 × faster than materialising the rows as
 * arrays, page by page or one by one (measured on 150,000 to 500,000 rows). One function per
 * connection, registered direct-only (no trigger or view can call it); each scan sets its target.
 */
const VISIT_CURRENT = 'naw_visit_current';
type CurrentVisit = (id: number, validFrom: number, hi: number | null, lo: number | null) => void;
const visitTargets = new WeakMap<Db, { visit: CurrentVisit | null }>();

function currentVisitor(db: Db): { visit: CurrentVisit | null } {
  let target = visitTargets.get(db);
  if (!target) {
    const t: { visit: CurrentVisit | null } = { visit: null };
    db.function(
      VISIT_CURRENT,
      { deterministic: false, directOnly: true },
      (id: unknown, validFrom: unknown, hi: unknown, lo: unknown) => {
        t.visit!(id as number, validFrom as number, hi as number | null, lo as number | null);
        return 0;
      },
    );
    visitTargets.set(db, t);
    target = t;
  }
  return target;
}

const currentScanSql = (table: string) =>
  `SELECT max(valid_from) AS latest,
          count(CASE WHEN valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)
                THEN ${VISIT_CURRENT}(id, valid_from, ${DIGEST_HALVES}) END) AS current,
          min(CASE WHEN valid_from <= ? AND valid_to > ? THEN valid_to END) AS futureTo
     FROM ${table}`;

const TABLE: Record<ImportKind, string> = {
  customers: 'customer_version',
  numbers: 'number_assignment',
  ips: 'ip_assignment',
};

const KIND_OF_TABLE: Record<string, ImportKind> = Object.fromEntries(
  Object.entries(TABLE).map(([kind, table]) => [table, kind as ImportKind]),
);

abstract class BaseStore<R extends Validity> implements KindStore<R> {
  abstract readonly kind: ImportKind;
  abstract readonly keyColumn: string;
  abstract readonly thing: string;
  readonly held: string = 'assignment';
  private readonly closeStmt: Statement;
  private readonly digestStmt: Statement;
  private readonly currentStmt: Statement;
  private readonly maxIdStmt: Statement;
  private readonly visitor: { visit: CurrentVisit | null };
  private readonly pageStmt: Statement;
  private facts: (CurrentFacts & { at: number }) | null = null;
  readonly copy: CurrentCopy;

  constructor(
    protected readonly db: Db,
    protected readonly importId: number,
    table: string,
  ) {
    this.closeStmt = db.prepare(`UPDATE ${table} SET valid_to = ? WHERE id = ?`);
    this.digestStmt = db.prepare(`UPDATE ${table} SET line_digest = ${DIGEST_VALUE} WHERE id = ?`);
    // The function first: the statement is compiled against it.
    this.visitor = currentVisitor(db);
    this.currentStmt = db.prepare(currentScanSql(table));
    this.maxIdStmt = db.prepare(`SELECT coalesce(max(id), 0) FROM ${table}`).pluck();
    this.copy = new CurrentCopy(db, KIND_OF_TABLE[table]!);
    this.pageStmt = db.prepare(
      `SELECT id, valid_from FROM ${table} WHERE id > ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) AND import_id <> ? ORDER BY id LIMIT ?`,
    );
  }

  abstract overlapping(r: R, from: number, to: number): HeldRow[];

  scanCurrent(
    at: number,
    visit: (id: number, validFrom: number, d: LineDigest | null) => void,
  ): CurrentFacts {
    const d: LineDigest = { hi: 0, lo: 0 };
    this.visitor.visit = (id, validFrom, hi, lo) => {
      if (hi === null) return visit(id, validFrom, null);
      d.hi = hi;
      d.lo = lo!;
      visit(id, validFrom, d);
    };
    try {
      const f = this.currentStmt.get(at, at, at, at) as CurrentFacts;
      this.facts = { at, latest: f.latest, current: f.current, futureTo: f.futureTo };
      return this.facts;
    } finally {
      this.visitor.visit = null;
    }
  }

  maxId(): number {
    return this.maxIdStmt.get() as number;
  }

  abstract sameKey(h: HeldRow, r: R): boolean;
  abstract sameData(h: HeldRow, r: R): boolean;
  abstract insert(
    r: R,
    from: number,
    to: number | null,
    line: number,
    d: LineDigest | null,
  ): number;

  sameHolder(h: HeldRow, r: R & { customerId: string }): boolean {
    return h.customer_id === r.customerId;
  }

  setValidTo(id: number, to: number): void {
    this.closeStmt.run(to, id);
  }

  setDigest(id: number, d: LineDigest): void {
    this.digestStmt.run(d.hi, d.lo, id);
  }

  currentPage(at: number, importId: number, after: number, limit: number) {
    return this.pageStmt.all(after, at, at, importId, limit) as {
      id: number;
      valid_from: number;
    }[];
  }

  rememberFacts(at: number, facts: CurrentFacts): void {
    this.facts = { at, ...facts };
  }

  snapshotFacts(at: number): CurrentFacts {
    // Asked without a scan at this moment: the same pass, visiting nothing.
    return this.facts?.at === at ? this.facts : this.scanCurrent(at, () => {});
  }

  finish(): void {}
}

interface CustomerHeld extends HeldRow {
  name: string;
  street: string | null;
  house_number: string | null;
  house_number_addition: string | null;
  postcode: string | null;
  city: string | null;
  country: string;
  email: string | null;
  customer_type: string | null;
  kvk_number: string | null;
}

export class CustomerStore extends BaseStore<CustomerRow> {
  readonly kind = 'customers';
  readonly keyColumn = 'customer_id';
  readonly thing = 'customer';
  override readonly held = 'version';
  private readonly find: Statement;
  private readonly addCustomer: Statement;
  private readonly addVersion: Statement;

  constructor(db: Db, importId: number) {
    super(db, importId, TABLE.customers);
    this.find = db.prepare(
      `SELECT id, customer_id, name, street, house_number, house_number_addition, postcode, city, country,
              email, customer_type, kvk_number, valid_from, valid_to, import_id, source_line
         FROM customer_version
        WHERE customer_id = ? AND valid_from < ? AND (valid_to IS NULL OR valid_to > ?)`,
    );
    this.addCustomer = db.prepare(
      `INSERT INTO customer (customer_id, import_id) VALUES (?, ?) ON CONFLICT DO NOTHING`,
    );
    this.addVersion = db.prepare(
      `INSERT INTO customer_version (customer_id, name, street, house_number, house_number_addition, postcode,
              city, country, email, customer_type, kvk_number, valid_from, valid_to, import_id, source_line,
              line_digest)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${DIGEST_VALUE})`,
    );
  }

  overlapping(r: CustomerRow, from: number, to: number): HeldRow[] {
    return this.find.all(r.customerId, to, from) as CustomerHeld[];
  }

  sameKey(h: HeldRow, r: CustomerRow): boolean {
    return h.customer_id === r.customerId;
  }

  sameData(held: HeldRow, r: CustomerRow): boolean {
    const h = held as CustomerHeld;
    return (
      h.customer_id === r.customerId &&
      h.name === r.name &&
      h.street === r.street &&
      h.house_number === r.houseNumber &&
      h.house_number_addition === r.addition &&
      h.postcode === r.postcode &&
      h.city === r.city &&
      h.country === r.country &&
      h.email === r.email &&
      h.customer_type === r.type &&
      h.kvk_number === r.kvk
    );
  }

  insert(
    r: CustomerRow,
    from: number,
    to: number | null,
    line: number,
    d: LineDigest | null,
  ): number {
    this.addCustomer.run(r.customerId, this.importId);
    return Number(
      this.addVersion.run(
        r.customerId,
        r.name,
        r.street,
        r.houseNumber,
        r.addition,
        r.postcode,
        r.city,
        r.country,
        r.email,
        r.type,
        r.kvk,
        from,
        to,
        this.importId,
        line,
        d?.hi ?? null,
        d?.lo ?? null,
      ).lastInsertRowid,
    );
  }
}

interface NumberHeld extends HeldRow {
  service: string | null;
}

export class NumberStore extends BaseStore<NumberRow> {
  readonly kind = 'numbers';
  readonly keyColumn = 'number';
  readonly thing = 'number';
  private readonly find: Statement;
  private readonly add: Statement;

  constructor(db: Db, importId: number) {
    super(db, importId, TABLE.numbers);
    this.find = db.prepare(
      `SELECT id, customer_id, service, valid_from, valid_to, import_id, source_line
         FROM number_assignment
        WHERE e164 = ? AND valid_from < ? AND (valid_to IS NULL OR valid_to > ?)`,
    );
    this.add = db.prepare(
      `INSERT INTO number_assignment (e164, number_given, customer_id, service, valid_from, valid_to, import_id,
              source_line, line_digest)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ${DIGEST_VALUE})`,
    );
  }

  overlapping(r: NumberRow, from: number, to: number): HeldRow[] {
    return this.find.all(r.e164, to, from) as NumberHeld[];
  }

  sameKey(): boolean {
    return true; // overlapping() only finds the same number
  }

  sameData(h: HeldRow, r: NumberRow): boolean {
    return h.customer_id === r.customerId && (h as NumberHeld).service === r.service;
  }

  insert(
    r: NumberRow,
    from: number,
    to: number | null,
    line: number,
    d: LineDigest | null,
  ): number {
    return Number(
      this.add.run(
        r.e164,
        r.given,
        r.customerId,
        r.service,
        from,
        to,
        this.importId,
        line,
        d?.hi ?? null,
        d?.lo ?? null,
      ).lastInsertRowid,
    );
  }
}

interface IpHeld extends HeldRow {
  family: number;
  prefix_length: number;
  ip_from: Buffer;
  port_from: number | null;
  port_to: number | null;
}

const IP_COLUMNS = `id, customer_id, family, prefix_length, ip_from, port_from, port_to, valid_from, valid_to, import_id, source_line`;
/**
 * The rows a port block on one address can overlap: the whole-address rows and the blocks that
 * start at most the widest held block below it, in one statement (one call instead of two per
 * block) of two index searches — an OR of the two would leave the plan to the planner, which
 * without statistics reads every entry of the address. Exported for the test of its plan.
 */
export const PORT_BLOCK_SQL = `SELECT ${IP_COLUMNS} FROM ip_assignment
  WHERE ip_from = ? AND port_from IS NULL AND valid_from < ? AND (valid_to IS NULL OR valid_to > ?)
  UNION ALL
  SELECT ${IP_COLUMNS} FROM ip_assignment
  WHERE ip_from = ? AND port_from BETWEEN ? AND ? AND port_to >= ?
    AND valid_from < ? AND (valid_to IS NULL OR valid_to > ?)`;

const TIME_AND_PORTS = `valid_from < ? AND (valid_to IS NULL OR valid_to > ?)
  AND (port_from IS NULL OR ? IS NULL OR (port_from <= ? AND port_to >= ?))`;

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => Buffer.compare(a, b) === 0;

/**
 * IP assignments. Prefixes are CIDR-aligned, so two overlap only when one contains the other:
 * the ones inside (or equal to) a new prefix start within it (a range on ip_from), and the ones
 * around it start at the new prefix masked to one of the few prefix lengths in use.
 */
export class IpStore extends BaseStore<IpRow> {
  readonly kind = 'ips';
  readonly keyColumn = 'prefix';
  readonly thing = 'address block';
  private readonly inside: Statement;
  private readonly around: Statement;
  private readonly portBlock: Statement;
  /** The widest port block held (port_to - port_from), to bound the search near a port. */
  private portSpan: number;
  private readonly heldPortSpan: number;
  private readonly setPortSpan: Statement;
  private readonly add: Statement;
  private readonly addLength: Statement;
  private readonly lengths: Record<IpFamily, Set<number>> = { 4: new Set(), 6: new Set() };
  private readonly newLengths: [IpFamily, number][] = [];

  constructor(db: Db, importId: number) {
    super(db, importId, TABLE.ips);
    this.inside = db.prepare(
      `SELECT ${IP_COLUMNS} FROM ip_assignment WHERE ip_from BETWEEN ? AND ? AND ${TIME_AND_PORTS}`,
    );
    this.around = db.prepare(
      `SELECT ${IP_COLUMNS} FROM ip_assignment
        WHERE ip_from = ? AND prefix_length = ? AND family = ? AND ${TIME_AND_PORTS}`,
    );
    this.portBlock = db.prepare(PORT_BLOCK_SQL);
    this.add = db.prepare(
      `INSERT INTO ip_assignment (family, prefix, prefix_length, ip_from, ip_to, port_from, port_to, customer_id,
              valid_from, valid_to, import_id, source_line, line_digest)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${DIGEST_VALUE})`,
    );
    this.addLength = db.prepare(
      `INSERT INTO ip_prefix_length (family, prefix_length) VALUES (?, ?) ON CONFLICT DO NOTHING`,
    );
    this.heldPortSpan = db.prepare(`SELECT span FROM ip_port_span`).pluck().get() as number;
    this.portSpan = this.heldPortSpan;
    this.setPortSpan = db.prepare(`UPDATE ip_port_span SET span = ?`);
    for (const r of db.prepare(`SELECT family, prefix_length FROM ip_prefix_length`).all() as {
      family: IpFamily;
      prefix_length: number;
    }[]) {
      this.lengths[r.family].add(r.prefix_length);
    }
  }

  overlapping(r: IpRow, from: number, to: number): HeldRow[] {
    const pf = r.portFrom;
    const pt = r.portTo;
    let found: IpHeld[];
    if (pf !== null && pt !== null) {
      // A port block on one address: the whole-address rows, and the blocks that can reach it.
      const low = pf - this.portSpan;
      found = this.portBlock.all(r.ipFrom, to, from, r.ipFrom, low, pt, pf, to, from) as IpHeld[];
    } else {
      found = this.inside.all(r.ipFrom, r.ipTo, to, from, pf, pt, pf) as IpHeld[];
    }
    for (const len of this.lengths[r.family]) {
      if (len >= r.prefixLength) continue;
      const start = maskIp(r.ipFrom, r.family, len);
      for (const h of this.around.all(start, len, r.family, to, from, pf, pt, pf) as IpHeld[]) {
        if (!found.some((f) => f.id === h.id)) found.push(h);
      }
    }
    return found;
  }

  sameKey(held: HeldRow, r: IpRow): boolean {
    const h = held as IpHeld;
    return (
      h.prefix_length === r.prefixLength &&
      h.family === r.family &&
      h.port_from === r.portFrom &&
      h.port_to === r.portTo &&
      sameBytes(h.ip_from, r.ipFrom)
    );
  }

  sameData(h: HeldRow, r: IpRow): boolean {
    return h.customer_id === r.customerId;
  }

  insert(r: IpRow, from: number, to: number | null, line: number, d: LineDigest | null): number {
    const id = Number(
      this.add.run(
        r.family,
        r.prefix,
        r.prefixLength,
        r.ipFrom,
        r.ipTo,
        r.portFrom,
        r.portTo,
        r.customerId,
        from,
        to,
        this.importId,
        line,
        d?.hi ?? null,
        d?.lo ?? null,
      ).lastInsertRowid,
    );
    if (r.portFrom !== null && r.portTo !== null) {
      this.portSpan = Math.max(this.portSpan, r.portTo - r.portFrom);
    }
    if (!this.lengths[r.family].has(r.prefixLength)) {
      this.lengths[r.family].add(r.prefixLength);
      this.newLengths.push([r.family, r.prefixLength]);
    }
    return id;
  }

  override finish(): void {
    for (const [family, len] of this.newLengths) this.addLength.run(family, len);
    if (this.portSpan > this.heldPortSpan) this.setPortSpan.run(this.portSpan);
  }
}

export function storeFor(kind: ImportKind, db: Db, importId: number): KindStore<Validity> {
  const store =
    kind === 'customers'
      ? new CustomerStore(db, importId)
      : kind === 'numbers'
        ? new NumberStore(db, importId)
        : new IpStore(db, importId);
  return store as unknown as KindStore<Validity>;
}
