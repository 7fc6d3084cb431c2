import type { PurgeCategoryId, PurgeOutput, PurgePreview } from '../../shared/schemas/ops';
import type { Settings } from '../../shared/schemas/settings';
import { wordedError } from '../core/errors';
import { appendAudit, chainHead } from '../audit/log';
import type { Db } from '../core/db';
import { purgeHolds, settleHolds } from '../register/hold';
import { auditEventsCategory } from './purge/audit-events';
import type { PurgeCategory } from './purge/category';
import { formerCustomersCategory, RETENTION_DUE } from './purge/former-customers';
import { requestsCategory } from './purge/requests';

/**
 * Retention and purge. Each kind of data is a small module (purge/*.ts) with its own rule; this
 * file previews them, purges them in ONE transaction with a tombstone audit event per category
 * (category, count, period, cutoff, who — never personal data), then VACUUMs and truncates the
 * WAL so the deleted data is gone from the file bytes (secure_delete also zeroes freed space).
 * Preservation holds are settled first (a hold past its end no longer protects, and is audited
 * as expired once); the records of a live hold are never purged, and the preview lists them.
 */
export const PURGE_CATEGORIES: readonly PurgeCategory[] = [
  requestsCategory,
  formerCustomersCategory,
  auditEventsCategory,
];

/** Rows the purge of one category would delete in all tables (cascades included), then undone. */
function rowsFor(db: Db, c: PurgeCategory, cutoff: Date): number {
  db.exec('SAVEPOINT purge_preview');
  try {
    return c.purge(db, cutoff).rows;
  } finally {
    db.exec('ROLLBACK TO purge_preview');
    db.exec('RELEASE purge_preview');
  }
}

export function previewPurge(
  db: Db,
  settings: Settings,
  asOf: Date,
  user = 'system',
): PurgePreview {
  settleHolds(db, asOf.toISOString(), user);
  const categories = PURGE_CATEGORIES.map((c) => {
    const { period, amount, cutoff } = c.rule(settings, asOf);
    const available = c.available(db);
    const count = available || c.id === 'auditEvents' ? c.countDue(db, cutoff) : 0;
    return {
      category: c.id,
      count,
      rows: available && count > 0 ? rowsFor(db, c, cutoff) : 0,
      period,
      amount,
      cutoff: cutoff.toISOString(),
      available,
      note: c.note,
    };
  });
  const customerCutoff = formerCustomersCategory.rule(settings, asOf).cutoff.getTime();
  return {
    asOf: asOf.toISOString(),
    categories,
    total: categories.filter((c) => c.available).reduce((n, c) => n + c.count, 0),
    held: purgeHolds(db, RETENTION_DUE, [customerCutoff]),
  };
}

/** Cheap: only the counts, for "offered at start-up when due". */
export function purgeDue(db: Db, settings: Settings, asOf: Date) {
  const categories = PURGE_CATEGORIES.filter((c) => c.available(db)).map((c) => ({
    category: c.id,
    count: c.countDue(db, c.rule(settings, asOf).cutoff),
  }));
  const total = categories.reduce((n, c) => n + c.count, 0);
  return { due: total > 0, total, categories: categories.filter((c) => c.count > 0) };
}

export interface PurgeOptions {
  asOf: Date;
  user: string;
  categories?: PurgeCategoryId[] | undefined;
  /** Counts the user confirmed in the preview; refuse when the data changed since. */
  expect?: Record<string, number> | undefined;
}

export function runPurge(db: Db, settings: Settings, o: PurgeOptions): PurgeOutput {
  const chosen = PURGE_CATEGORIES.filter(
    (c) => c.available(db) && (!o.categories || o.categories.includes(c.id)),
  );
  const at = o.asOf.toISOString();
  settleHolds(db, at, o.user);
  if (db.pragma('secure_delete', { simple: true }) !== 1) db.pragma('secure_delete = ON');
  const purged = db.transaction(() => {
    const out: PurgeOutput['purged'] = [];
    for (const c of chosen) {
      const { period, cutoff } = c.rule(settings, o.asOf);
      const due = c.countDue(db, cutoff);
      const expected = o.expect?.[c.id];
      if (expected !== undefined && expected !== due) {
        throw wordedError('CONFLICT', 'ops.purgeChanged', { id: c.id, expected, due });
      }
      if (due === 0) continue;
      const { count, rows } = c.purge(db, cutoff);
      appendAudit(db, {
        at,
        user: o.user,
        action: 'retention.purged',
        subject: `purge:${c.id}`,
        details: { category: c.id, count, rows, period, cutoff: cutoff.toISOString() },
      });
      out.push({ category: c.id, count, rows });
    }
    return out;
  })();
  let vacuumed = false;
  if (purged.length > 0) {
    // Deleted pages may still sit in the WAL or on the free list: fold the WAL in, rebuild the
    // file without free pages, and truncate the WAL again.
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
    vacuumed = true;
  }
  return {
    asOf: at,
    purged,
    total: purged.reduce((n, p) => n + p.count, 0),
    vacuumed,
    auditHead: chainHead(db),
  };
}
