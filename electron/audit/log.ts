import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/canonical-json';
import type { AuditEvent, AuditVerifyOutput, ChainHead } from '../../shared/schemas/audit';
import type { Db } from '../core/db';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  at: string;
  user: string;
  action: string;
  subject: string;
  details?: Record<string, unknown>;
}

/**
 * hash = SHA-256( prev_hash ‖ canonical JSON of {seq, at, user, action, subject, details} ).
 * The same function verifies, so the documented procedure (docs/AUDIT.md) is this code.
 */
export function eventHash(
  prevHash: string,
  e: { seq: number; at: string; user: string; action: string; subject: string; details: unknown },
): string {
  const body = canonicalJson({
    seq: e.seq,
    at: e.at,
    user: e.user,
    action: e.action,
    subject: e.subject,
    details: e.details,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/** An audit_event row as stored. */
export interface AuditRow {
  seq: number;
  at: string;
  user: string;
  action: string;
  subject: string;
  details: string;
  prev_hash: string;
  hash: string;
}

const toEvent = (r: AuditRow): AuditEvent => ({
  seq: r.seq,
  at: r.at,
  user: r.user,
  action: r.action,
  subject: r.subject,
  details: JSON.parse(r.details) as Record<string, unknown>,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export function chainHead(db: Db): ChainHead {
  const row = db.prepare('SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  return row ?? { seq: 0, hash: GENESIS_HASH };
}

/**
 * Appends one event. Call inside the same transaction as the change it records; called alone, it
 * runs in its own (immediate) transaction so reading the head and inserting cannot be split.
 */
export function appendAudit(db: Db, entry: AuditEntry): ChainHead {
  if (!db.inTransaction) return db.transaction(() => appendAudit(db, entry))();
  const head = chainHead(db);
  const seq = head.seq + 1;
  const details = JSON.parse(canonicalJson(entry.details ?? {})) as Record<string, unknown>;
  const hash = eventHash(head.hash, { ...entry, seq, details });
  db.prepare(
    `INSERT INTO audit_event (seq, at, user, action, subject, details, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    seq,
    entry.at,
    entry.user,
    entry.action,
    entry.subject,
    canonicalJson(details),
    head.hash,
    hash,
  );
  return { seq, hash };
}

/** Walks the whole chain; reports the first broken link. */
export function verifyChain(db: Db): AuditVerifyOutput {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  const rows = db
    .prepare(
      'SELECT seq, at, user, action, subject, details, prev_hash, hash FROM audit_event ORDER BY seq',
    )
    .iterate() as IterableIterator<AuditRow>;
  for (const r of rows) {
    const broken = (reason: string): AuditVerifyOutput => ({
      intact: false,
      checked,
      head: chainHead(db),
      brokenAt: { seq: r.seq, reason },
    });
    if (r.seq !== expectedSeq)
      return broken(`sequence gap: expected ${expectedSeq}, found ${r.seq}`);
    if (r.prev_hash !== prev)
      return broken('prev_hash does not match the hash of the event before');
    let details: unknown;
    try {
      details = JSON.parse(r.details);
    } catch {
      return broken('details are not valid JSON');
    }
    if (eventHash(prev, { ...r, details }) !== r.hash)
      return broken('hash does not match the event content');
    prev = r.hash;
    expectedSeq += 1;
    checked += 1;
  }
  return { intact: true, checked, head: chainHead(db), brokenAt: null };
}

export interface AuditFilter {
  user?: string | undefined;
  action?: string | undefined;
  subject?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  offset: number;
}

export function listAudit(db: Db, f: AuditFilter): { events: AuditEvent[]; total: number } {
  const conditions: [string, unknown][] = [];
  if (f.user) conditions.push(['user = ?', f.user]);
  if (f.action) conditions.push(['action LIKE ?', `${f.action}%`]);
  if (f.subject) conditions.push(['subject LIKE ?', `%${f.subject}%`]);
  if (f.from) conditions.push(['at >= ?', new Date(f.from).toISOString()]);
  if (f.to) conditions.push(['at < ?', new Date(f.to).toISOString()]);
  const where = conditions.map(([c]) => c);
  const args = conditions.map(([, a]) => a);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (
    db.prepare(`SELECT count(*) AS n FROM audit_event ${clause}`).get(...args) as { n: number }
  ).n;
  const rows = db
    .prepare(`SELECT * FROM audit_event ${clause} ORDER BY seq DESC LIMIT ? OFFSET ?`)
    .all(...args, f.limit, f.offset) as AuditRow[];
  return { events: rows.map(toEvent), total };
}

/** Every action the log holds, for the viewer's action filter. */
export const distinctActions = (db: Db): string[] =>
  (
    db.prepare('SELECT DISTINCT action FROM audit_event ORDER BY action').all() as {
      action: string;
    }[]
  ).map((r) => r.action);
