import type { Db } from '../core/db';
import type { VersionRow } from './evidence';

export const IMPORT_COLUMNS = 'r.file_name, r.file_sha256, r.finished_at';
const VERSION_COLUMNS = `x.id, x.customer_id, x.name, x.street, x.house_number, x.house_number_addition,
       x.postcode, x.city, x.country, x.valid_from, x.valid_to, x.import_id, ${IMPORT_COLUMNS}`;
const FROM_VERSIONS = 'FROM customer_version x LEFT JOIN import_run r ON r.id = x.import_id';

/** A customer's NAW data as it was: at an instant, nearest to it, or every version in a period. */
export class VersionReader {
  private readonly atStmt;
  private readonly nearestStmt;
  private readonly duringStmt;

  constructor(db: Db) {
    this.atStmt = db.prepare(
      `SELECT ${VERSION_COLUMNS}
       ${FROM_VERSIONS}
       WHERE x.customer_id = @customer AND x.valid_from <= @at AND (x.valid_to IS NULL OR x.valid_to > @at)
       ORDER BY x.valid_from DESC, x.id DESC LIMIT 1`,
    );
    // When no NAW version covers the moment: the last one before it, else the first after it.
    this.nearestStmt = db.prepare(
      `SELECT ${VERSION_COLUMNS}
       ${FROM_VERSIONS}
       WHERE x.customer_id = @customer
       ORDER BY (x.valid_from > @at), abs(x.valid_from - @at) LIMIT 1`,
    );
    this.duringStmt = db.prepare(
      `SELECT ${VERSION_COLUMNS}
       ${FROM_VERSIONS}
       WHERE x.customer_id = @customer AND x.valid_from < @to AND (x.valid_to IS NULL OR x.valid_to > @from)
       ORDER BY x.valid_from, x.id`,
    );
  }

  at(customer: string, atMs: number): VersionRow | null {
    return (this.atStmt.get({ customer, at: atMs }) as VersionRow | undefined) ?? null;
  }

  /** The version at the instant, else the nearest one (the last before it, else the first after). */
  asAt(customer: string, atMs: number): VersionRow | null {
    return (
      this.at(customer, atMs) ??
      (this.nearestStmt.get({ customer, at: atMs }) as VersionRow | undefined) ??
      null
    );
  }

  during(customer: string, fromMs: number, toMs: number): VersionRow[] {
    return this.duringStmt.all({ customer, from: fromMs, to: toMs }) as VersionRow[];
  }
}
