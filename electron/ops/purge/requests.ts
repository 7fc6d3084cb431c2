import { FINAL_STATUSES } from '../../../shared/schemas/terms';
import { rowsChangedBy, tableExists, yearsBefore, type PurgeCategory } from './category';

/**
 * Requests closed (final decision in effect) more than `retentionRequestYears` ago, with everything
 * under them: items, checks, matches, decisions, approvals, amendments, events, the original
 * document and letters (all ON DELETE CASCADE from request). Open requests are never purged.
 *
 * A request whose preservation hold still lives is kept with it (the hold is its answer).
 *
 * Closed at = the latest decision or approval of a request in a final status (else logged_at).
 */
const DUE = `
  SELECT r.id FROM request r
  WHERE r.status IN (${FINAL_STATUSES.map((st) => `'${st}'`).join(',')})
    AND max(
      r.logged_at,
      COALESCE((SELECT max(d.decided_at) FROM decision d WHERE d.request_id = r.id), ''),
      COALESCE((SELECT max(a.approved_at) FROM approval a JOIN decision d ON d.id = a.decision_id
                WHERE d.request_id = r.id), '')
    ) < ?
    AND r.id NOT IN (SELECT request_id FROM preservation_hold WHERE state IN ('active','converted'))`;

export const requestsCategory: PurgeCategory = {
  id: 'requests',
  note: 'Closed requests with their items, matches, decisions, approvals, documents and letters.',
  available: (db) => tableExists(db, 'request'),
  rule: (s, asOf) => ({
    amount: s.retentionRequestYears,
    period: `${s.retentionRequestYears} years after closing`,
    cutoff: yearsBefore(asOf, s.retentionRequestYears),
  }),
  countDue: (db, cutoff) =>
    (db.prepare(`SELECT count(*) AS n FROM (${DUE})`).get(cutoff.toISOString()) as { n: number }).n,
  purge: (db, cutoff) => {
    let count = 0;
    const rows = rowsChangedBy(db, () => {
      count = db
        .prepare(`DELETE FROM request WHERE id IN (${DUE})`)
        .run(cutoff.toISOString()).changes;
    });
    return { count, rows };
  },
};
