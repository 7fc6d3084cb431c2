import type { RequestStatus } from '../../shared/schemas/terms';
import type { DeskContext } from '../core/context';
import { wordedError } from '../core/errors';
import { isFinal, type RequestRow } from './store';
import { nextStatus, type RequestAction } from './transitions';

/** The status `action` leads the request to; CONFLICT when the transition table does not allow it. */
export function statusAfter(r: RequestRow, action: RequestAction): RequestStatus {
  const to = nextStatus(r.status, action);
  if (to) return to;
  if (action === 'approve' || action === 'reject') {
    throw wordedError('CONFLICT', 'register.nothingToApprove', {
      no: r.register_no,
      status: r.status,
    });
  }
  throw wordedError('CONFLICT', 'register.stepNotPossible', {
    no: r.register_no,
    status: r.status,
    action,
  });
}

/** The one place a request's status changes: only along the transition table. */
export function transition(ctx: DeskContext, r: RequestRow, action: RequestAction): void {
  const to = statusAfter(r, action);
  if (to === r.status) return;
  ctx.db.prepare('UPDATE request SET status = ? WHERE id = ?').run(to, r.id);
  r.status = to;
}

/** What a caller was about to do, and the part of its message key that says so in either language. */
const ACTIVITY = {
  'checking it again': 'checkAgain',
  'recording a verification': 'verify',
  'deciding again': 'decideAgain',
  'matching it again': 'matchAgain',
  'changing an item': 'changeItem',
} as const;
export type Activity = keyof typeof ACTIVITY;

/**
 * Refuses work on a request that is decided or awaits approval of its disclosure, saying what to
 * do instead of `what` (e.g. 'matching it again').
 */
export function notDecided(r: RequestRow, what: Activity): void {
  const params = { no: r.register_no, status: r.status };
  if (isFinal(r.status)) {
    throw wordedError('CONFLICT', `register.decidedInstead.${ACTIVITY[what]}`, params);
  }
  if (r.status === 'awaiting_approval') {
    throw wordedError('CONFLICT', `register.approvalBefore.${ACTIVITY[what]}`, params);
  }
}
