import { yearsBefore, type PurgeCategory } from './category';

/**
 * Audit events older than `retentionAuditYears` (never shorter than the request period). They are
 * shown but not purged: cutting the start of the hash chain needs a witnessed checkpoint that an
 * outside auditor can verify against, which is not built yet. So nothing is ever removed here.
 */
export const auditEventsCategory: PurgeCategory = {
  id: 'auditEvents',
  note: 'Kept: the hash chain must stay verifiable from its first event; purging it is not built yet.',
  available: () => false,
  rule: (s, asOf) => ({
    amount: s.retentionAuditYears,
    period: `${s.retentionAuditYears} years`,
    cutoff: yearsBefore(asOf, s.retentionAuditYears),
  }),
  countDue: (db, cutoff) =>
    (
      db
        .prepare('SELECT count(*) AS n FROM audit_event WHERE at < ?')
        .get(cutoff.toISOString()) as {
        n: number;
      }
    ).n,
  purge: () => ({ count: 0, rows: 0 }),
};
