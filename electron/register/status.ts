import type { RequestStatus } from '../../shared/schemas/terms';
import type { DeskContext } from '../core/context';
import { DeskError } from '../core/errors';
import { isFinal, type RequestRow } from './store';
import { nextStatus, type RequestAction } from './transitions';

/** The status `action` leads the request to; CONFLICT when the transition table does not allow it. */
export function statusAfter(r: RequestRow, action: RequestAction): RequestStatus {
  const to = nextStatus(r.status, action);
  if (to) return to;
  if (action === 'approve' || action === 'reject') {
    throw new DeskError(
      'CONFLICT',
      `Request ${r.register_no} has no disclosure awaiting approval (${r.status}).`,
    );
  }
  throw new DeskError(
    'CONFLICT',
    `Request ${r.register_no} is ${r.status}; the step "${action}" is not possible from there.`,
  );
}

/** The one place a request's status changes: only along the transition table. */
export function transition(ctx: DeskContext, r: RequestRow, action: RequestAction): void {
  const to = statusAfter(r, action);
  if (to === r.status) return;
  ctx.db.prepare('UPDATE request SET status = ? WHERE id = ?').run(to, r.id);
  r.status = to;
}

/**
 * Refuses work on a request that is decided or awaits approval of its disclosure, saying what to
 * do instead of `what` (e.g. 'matching it again').
 */
export function notDecided(r: RequestRow, what: string): void {
  if (isFinal(r.status)) {
    throw new DeskError(
      'CONFLICT',
      `Request ${r.register_no} is decided (${r.status}); it is never edited in place. Add an amendment instead of ${what}.`,
    );
  }
  if (r.status === 'awaiting_approval') {
    throw new DeskError(
      'CONFLICT',
      `Request ${r.register_no} awaits approval of its disclosure; the approver must approve or reject it before ${what}.`,
    );
  }
}
