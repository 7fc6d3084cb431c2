import type { Migration } from './types';

/** The tables that hold one row per period of an identifier: what a snapshot compares with. */
export const DIGESTED_TABLES = ['customer_version', 'number_assignment', 'ip_assignment'] as const;

/**
 * `line_digest`: a 64-bit digest of the CSV fields a row was read from (electron/customers/
 * line-digest.ts), so a nightly snapshot can tell an unchanged line before parsing or checking it,
 * and reads one narrow column per current row instead of all its data. Rows written before this
 * migration have none (NULL): a snapshot checks them the exact way once and fills it in.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'line digests of imported rows',
  up(db) {
    for (const t of DIGESTED_TABLES) db.exec(`ALTER TABLE ${t} ADD COLUMN line_digest INTEGER`);
  },
};
