import type { DeskContext } from '../core/context';
import { DeskError } from '../core/errors';
import { addEvent } from './events';
import { instantOf } from './instant';
import { isFinal, loadRequest, requestSubject, type RequestRow } from './store';

/** An amendment row: the record only grows, before or after the decision. */
function addAmendment(
  ctx: DeskContext,
  r: RequestRow,
  field: string,
  value: string,
  reason: string,
): void {
  ctx.db
    .prepare(
      `INSERT INTO amendment (request_id, field, value, reason, amended_by, amended_at) VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(r.id, field, value, reason, ctx.user.name, ctx.nowIso());
}

/** After (or before) a decision: a correction with who, when and why; the record only grows. */
export function amend(
  ctx: DeskContext,
  registerNo: string,
  field: string,
  value: string,
  reason: string,
): void {
  ctx.db.transaction(() => {
    const r = loadRequest(ctx.db, registerNo);
    addAmendment(ctx, r, field, value, reason);
    addEvent(ctx, r.id, 'amended', { field, reason });
    ctx.audit('request.amended', requestSubject(r), { field, reason });
  })();
}

/**
 * The written confirmation of an oral (phone) request arrived: recorded on the request, or as an
 * amendment once the request is decided (a decided request is never edited in place).
 */
export function confirmWritten(ctx: DeskContext, registerNo: string, receivedAtText: string): void {
  const at = instantOf('receivedAt', receivedAtText);
  ctx.db.transaction(() => {
    const r = loadRequest(ctx.db, registerNo);
    if (r.oral !== 1) throw new DeskError('CONFLICT', `Request ${registerNo} was not oral.`);
    if (isFinal(r.status)) {
      addAmendment(
        ctx,
        r,
        'writtenConfirmationReceivedAt',
        at,
        'written confirmation of the oral request received',
      );
    } else {
      ctx.db.prepare('UPDATE request SET written_received_at = ? WHERE id = ?').run(at, r.id);
    }
    addEvent(ctx, r.id, 'written_confirmation', { receivedAt: at });
    ctx.audit('request.written_confirmation', requestSubject(r), { receivedAt: at });
  })();
}
