import { createHash } from 'node:crypto';
import type { AuditExportOutput, ChainHead } from '../../shared/schemas/audit';
import type { FileTarget } from '../../shared/schemas/files';
import { chainHead, type AuditRow as Row } from './log';
import type { DeskContext } from '../core/context';
import type { Db } from '../core/db';
import { FileDelivery, fileStamp } from '../core/deliver';
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
 * The whole log with hashes, for an outside auditor (docs/AUDIT.md). Read and audited in one
 * transaction: the export is exactly the log up to its own `audit.exported` event, and a file that
 * cannot be written records no export.
 */
export async function exportAudit(
  ctx: DeskContext,
  input: { format: 'csv' | 'json'; target: FileTarget },
): Promise<AuditExportOutput> {
  const at = ctx.nowIso();
  const fileName = `naw-desk-audit-${fileStamp(at)}.${input.format}`;
  const to = await FileDelivery.choose(ctx, input.target, {
    title: 'Save the audit log',
    fileName,
    extensions: [input.format],
  });
  const { content, count, head, sha256 } = to.write(ctx, () => {
    const head = chainHead(ctx.db);
    const made =
      input.format === 'csv' ? auditCsv(ctx.db) : auditJson(ctx.db, ctx.vault.vaultId, at);
    const sha256 = createHash('sha256').update(made.content).digest('hex');
    ctx.audit('audit.exported', 'audit:chain', {
      format: input.format,
      events: made.count,
      head: head.seq,
      sha256,
      to: to.path ?? 'inline',
    });
    return { ...made, head, sha256 };
  });
  return {
    fileName,
    format: input.format,
    count,
    head,
    sha256,
    bytes: Buffer.byteLength(content),
    content: to.inline(content),
    savedTo: to.path,
  };
}
