import type { RequestSummary } from '../../shared/schemas/requests';
import { can } from '../../shared/roles';
import type { DeskContext } from '../core/context';
import { listRequests } from './read';

/**
 * The approver's queue: disclosures awaiting approval that someone else decided (four eyes: the
 * approver's own decision is for a different approver), most urgent deadline first. Empty for
 * a role that does not approve.
 */
export function approvalQueue(ctx: DeskContext): RequestSummary[] {
  if (!can(ctx.user.role, 'requests.approve')) return [];
  const decider = ctx.db.prepare(
    `SELECT d.decided_by AS by FROM decision d JOIN request r ON r.id = d.request_id
     WHERE r.register_no = ? ORDER BY d.id DESC LIMIT 1`,
  );
  return listRequests(ctx, { status: 'awaiting_approval', openOnly: true }).filter(
    (r) => (decider.get(r.registerNo) as { by: string } | undefined)?.by !== ctx.user.name,
  );
}
