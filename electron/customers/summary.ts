import type { CustomersSummary, HistoryStart, LastImport } from '../../shared/schemas/customers';
import type { Db } from '../core/db';

const count = (db: Db, sql: string, ...args: unknown[]): number =>
  (db.prepare(sql).get(...args) as { n: number }).n;

const current = (table: string) =>
  `SELECT count(*) AS n FROM ${table} WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)`;

/** What the vault holds, as counts only — no record is read out (principle 1). */
export function customersSummary(db: Db, at: Date): Omit<CustomersSummary, 'running'> {
  const t = at.getTime();
  const last = db
    .prepare(
      `SELECT r.id, r.kind, r.mode, r.status, r.file_name, r.user, r.finished_at, r.added, r.changed, r.closed, r.rejected
         FROM import_run r
        WHERE r.id = (SELECT max(id) FROM import_run WHERE kind = r.kind AND status = 'committed')
        ORDER BY r.kind`,
    )
    .all() as {
    id: number;
    kind: LastImport['kind'];
    mode: LastImport['mode'];
    status: LastImport['status'] | 'running';
    file_name: string;
    user: string;
    finished_at: number | null;
    added: number;
    changed: number;
    closed: number;
    rejected: number;
  }[];
  return {
    at: at.toISOString(),
    customers: {
      total: count(db, 'SELECT count(*) AS n FROM customer'),
      current: count(db, current('customer_version'), t, t),
    },
    customerVersions: count(db, 'SELECT count(*) AS n FROM customer_version'),
    numbers: {
      total: count(db, 'SELECT count(*) AS n FROM number_assignment'),
      current: count(db, current('number_assignment'), t, t),
    },
    ips: {
      total: count(db, 'SELECT count(*) AS n FROM ip_assignment'),
      current: count(db, current('ip_assignment'), t, t),
    },
    lastImports: last
      .filter((r) => r.status !== 'running')
      .map((r) => ({
        importId: r.id,
        kind: r.kind,
        mode: r.mode,
        status: r.status as LastImport['status'],
        fileName: r.file_name,
        user: r.user,
        finishedAt: r.finished_at === null ? null : new Date(r.finished_at).toISOString(),
        added: r.added,
        changed: r.changed,
        closed: r.closed,
        rejected: r.rejected,
      })),
  };
}

const earliest = (db: Db, table: string): string | null => {
  const { t } = db.prepare(`SELECT min(valid_from) AS t FROM ${table}`).get() as {
    t: number | null;
  };
  return t === null ? null : new Date(t).toISOString();
};

/**
 * Where the vault's number and IP assignment history begins: the wizard says so when a request's
 * moment lies before it. Two dates only, no record is read out.
 */
export function historyStart(db: Db): HistoryStart {
  return { numbers: earliest(db, 'number_assignment'), ips: earliest(db, 'ip_assignment') };
}
