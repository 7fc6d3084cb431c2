import type { Db } from '../core/db';

/**
 * Counts per kind of data, for `status` and the summary page. Each later domain adds its tables
 * here; a table that does not exist yet (older schema) counts as absent.
 */
const COUNTED: Record<string, string> = {
  users: 'user',
  auditEvents: 'audit_event',
  customers: 'customer', // one row per distinct customer_id
  customerVersions: 'customer_version',
  numberAssignments: 'number_assignment',
  ipAssignments: 'ip_assignment',
  requests: 'request',
};

export function vaultCounts(db: Db): Record<string, number> {
  const tables = new Set(
    (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]
    ).map((r) => r.name),
  );
  const out: Record<string, number> = {};
  for (const [label, table] of Object.entries(COUNTED)) {
    if (tables.has(table)) {
      out[label] = (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    }
  }
  return out;
}
