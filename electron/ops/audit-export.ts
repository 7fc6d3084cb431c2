import type { ChainHead, CheckWitnessOutput, Witness } from '../../shared/schemas/audit';
import { chainHead, type AuditRow as Row } from '../audit/log';
import type { Db } from '../core/db';
import { csvCell } from '../../shared/csv';

export const CSV_COLUMNS = [
  'seq',
  'at',
  'user',
  'action',
  'subject',
  'details',
  'prev_hash',
  'hash',
];

const rows = (db: Db): IterableIterator<Row> =>
  db
    .prepare(
      'SELECT seq, at, user, action, subject, details, prev_hash, hash FROM audit_event ORDER BY seq',
    )
    .iterate() as IterableIterator<Row>;

/** The whole log as CSV; `details` is the canonical JSON the hash was computed over. */
export function auditCsv(db: Db): { content: string; count: number } {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows(db)) {
    lines.push(
      [r.seq, r.at, r.user, r.action, r.subject, r.details, r.prev_hash, r.hash]
        .map(csvCell)
        .join(','),
    );
  }
  return { content: lines.join('\r\n') + '\r\n', count: lines.length - 1 };
}

export interface AuditJsonExport {
  format: 'naw-desk-audit-export';
  version: 1;
  vaultId: string;
  exportedAt: string;
  head: ChainHead;
  hashRule: string;
  events: {
    seq: number;
    at: string;
    user: string;
    action: string;
    subject: string;
    details: unknown;
    prev_hash: string;
    hash: string;
  }[];
}

export const HASH_RULE =
  'hash = sha256_hex(prev_hash + canonical_json({seq, at, user, action, subject, details})); ' +
  'canonical_json sorts object keys at every level and has no whitespace; the first prev_hash is 64 zeros.';

/** The whole log as JSON (see docs/AUDIT.md for the stand-alone verification). */
export function auditJson(
  db: Db,
  vaultId: string,
  exportedAt: string,
): { content: string; count: number } {
  const events: AuditJsonExport['events'] = [];
  for (const r of rows(db)) {
    events.push({
      seq: r.seq,
      at: r.at,
      user: r.user,
      action: r.action,
      subject: r.subject,
      details: JSON.parse(r.details) as unknown,
      prev_hash: r.prev_hash,
      hash: r.hash,
    });
  }
  const doc: AuditJsonExport = {
    format: 'naw-desk-audit-export',
    version: 1,
    vaultId,
    exportedAt,
    head: chainHead(db),
    hashRule: HASH_RULE,
    events,
  };
  return { content: JSON.stringify(doc, null, 1) + '\n', count: events.length };
}

/**
 * Checks witnessed chain heads against the log: each witnessed sequence number must still be in
 * the chain with the witnessed hash. Reports the first witness (in the given order) that fails.
 */
export function checkWitnesses(db: Db, vaultId: string, witnesses: Witness[]): CheckWitnessOutput {
  const head = chainHead(db);
  const hashAt = db.prepare('SELECT hash FROM audit_event WHERE seq = ?');
  let checked = 0;
  for (const [index, w] of witnesses.entries()) {
    const mismatch = (found: string | null, reason: string): CheckWitnessOutput => ({
      ok: false,
      checked,
      head,
      firstMismatch: { index, seq: w.seq, witnessed: w.hash, found, reason },
    });
    if (w.vaultId !== vaultId) {
      return mismatch(null, `witness ${index + 1} belongs to another vault (${w.vaultId})`);
    }
    if (w.seq === 0) {
      if (w.hash !== '0'.repeat(64)) return mismatch(null, 'event #0 has the all-zero hash');
    } else {
      const row = hashAt.get(w.seq) as { hash: string } | undefined;
      if (!row) {
        return mismatch(
          null,
          `event #${w.seq} is no longer in the log (head is #${head.seq}): the log was cut back`,
        );
      }
      if (row.hash !== w.hash) {
        return mismatch(row.hash, `event #${w.seq} has a different hash: the chain was rewritten`);
      }
    }
    checked += 1;
  }
  return { ok: true, checked, head, firstMismatch: null };
}
