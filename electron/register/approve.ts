import type { DeskContext } from '../core/context';
import { wordedError } from '../core/errors';
import { readSetting } from '../core/settings';
import { isVerified } from './check-channel';
import { latestDecision, type Decision } from './decisions';
import { addEvent } from './events';
import { statusAfter, transition } from './status';
import { loadRequest, requestSubject, type RequestRow } from './store';

/** Reads the four-eyes setting (default on); off allows a one-person desk, marked as such. */
export const fourEyes = (ctx: DeskContext): boolean => readSetting(ctx.db, 'fourEyes') !== false;

/**
 * Whether the approver is the one who decided (a one-person approval). Refused while four eyes
 * is on; an approval never lets a disclosure out on an unverified request.
 */
function onePersonApproval(
  ctx: DeskContext,
  r: RequestRow,
  d: Decision,
  approved: boolean,
): boolean {
  const same = d.decidedBy === ctx.user.name;
  if (same && fourEyes(ctx)) {
    throw wordedError('FORBIDDEN', 'register.ownDecision');
  }
  if (approved && !isVerified(ctx.db, r)) {
    throw wordedError('CONFLICT', 'register.notVerified', { no: r.register_no });
  }
  return same;
}

/** Approves (the disclosure takes effect) or rejects (back to matched) the pending disclosure. */
export function approve(
  ctx: DeskContext,
  registerNo: string,
  approved: boolean,
  note: string | undefined,
): { onePerson: boolean } {
  return ctx.db.transaction(() => {
    const r = loadRequest(ctx.db, registerNo);
    const step = approved ? 'approve' : 'reject';
    statusAfter(r, step);
    const d = latestDecision(ctx.db, r)!; // awaiting approval: its disclosure is the latest
    const same = onePersonApproval(ctx, r, d, approved);
    ctx.db
      .prepare(
        `INSERT INTO approval (decision_id, approved, approved_by, approved_at, note, one_person)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(d.id, approved ? 1 : 0, ctx.user.name, ctx.nowIso(), note || null, same ? 1 : 0);
    addEvent(ctx, r.id, approved ? 'approved' : 'approval_rejected', {
      onePerson: same,
      note: note ?? null,
    });
    ctx.audit(approved ? 'request.approved' : 'request.approval_rejected', requestSubject(r), {
      decision: d.id,
      decidedBy: d.decidedBy,
      onePerson: same,
    });
    transition(ctx, r, step);
    return { onePerson: same };
  })();
}
