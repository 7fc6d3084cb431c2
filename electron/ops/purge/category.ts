import type { PurgeCategoryId } from '../../../shared/schemas/ops';
import type { Settings } from '../../../shared/schemas/settings';
import type { Db } from '../../core/db';

/** One kind of data with a retention period: what is due, and how to delete it. */
export interface PurgeCategory {
  id: PurgeCategoryId;
  /** False when this vault has no tables for it (yet) or it is never purged. */
  available(db: Db): boolean;
  /** The retention rule in words and the cutoff instant for `asOf`. */
  rule(settings: Settings, asOf: Date): { period: string; amount: number; cutoff: Date };
  /** How many records are due (requests, customers …). */
  countDue(db: Db, cutoff: Date): number;
  /** Deletes every due record with everything under it: records, and rows in all tables. */
  purge(db: Db, cutoff: Date): { count: number; rows: number };
  note: string;
}

export const tableExists = (db: Db, name: string): boolean =>
  db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !==
  undefined;

export const yearsBefore = (d: Date, years: number): Date => {
  const c = new Date(d);
  c.setUTCFullYear(c.getUTCFullYear() - years);
  return c;
};

export const monthsBefore = (d: Date, months: number): Date => {
  const c = new Date(d);
  c.setUTCMonth(c.getUTCMonth() - months);
  return c;
};

/** Rows changed by `fn`, cascades and triggers included (sqlite3_total_changes). */
export function rowsChangedBy(db: Db, fn: () => void): number {
  const total = () => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const before = total();
  fn();
  return total() - before;
}
