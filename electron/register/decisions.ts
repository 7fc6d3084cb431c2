import type { z } from 'zod';
import type { DataCategory, DecisionOutcome, RequestStatus } from '../../shared/schemas/terms';
import type { ApprovalView, DecisionView } from '../../shared/schemas/requests';
import type { Db } from '../core/db';

export type Approval = z.infer<typeof ApprovalView>;
export type DecisionState = z.infer<typeof DecisionView>['state'];
/** A decision of the register as the desk, the CLI and the letters read it, with its approval. */
export type Decision = z.infer<typeof DecisionView> & { approval: Approval | null };

interface DecisionRow {
  id: number;
  outcome: DecisionOutcome;
  items: string;
  categories: string;
  withheld: string;
  reasons: string;
  note: string | null;
  decided_by: string;
  decided_at: string;
  approval_id: number | null;
  approved: number | null;
  approved_by: string | null;
  approved_at: string | null;
  approval_note: string | null;
  one_person: number | null;
}

/**
 * Whether a decision took effect. No data, a refusal and a referral take effect when made; a
 * disclosure only once approved. A disclosure without approval is pending while it is the
 * request's latest decision and the request awaits approval; otherwise it was set aside.
 */
function stateOf(
  outcome: DecisionOutcome,
  approval: Approval | null,
  pending: boolean,
): DecisionState {
  if (outcome !== 'disclose') return 'in_effect';
  if (approval) return approval.approved ? 'in_effect' : 'rejected';
  return pending ? 'pending_approval' : 'rejected';
}

const json = <T>(s: string) => JSON.parse(s) as T;

/** The decisions of a request, oldest first, each with its approval and whether it took effect. */
export function loadDecisions(db: Db, request: { id: number; status: RequestStatus }): Decision[] {
  const rows = db
    .prepare(
      `SELECT d.id, d.outcome, d.items, d.categories, d.withheld, d.reasons, d.note, d.decided_by,
         d.decided_at, a.id AS approval_id, a.approved, a.approved_by, a.approved_at,
         a.note AS approval_note, a.one_person
       FROM decision d LEFT JOIN approval a ON a.decision_id = d.id
       WHERE d.request_id = ? ORDER BY d.id`,
    )
    .all(request.id) as DecisionRow[];
  return rows.map((d, i) => {
    const approval: Approval | null =
      d.approval_id === null
        ? null
        : {
            decisionId: d.id,
            approved: d.approved === 1,
            by: d.approved_by!,
            at: d.approved_at!,
            note: d.approval_note,
            onePerson: d.one_person === 1,
          };
    const latest = i === rows.length - 1;
    return {
      id: d.id,
      outcome: d.outcome,
      items: json<number[]>(d.items),
      categories: json<DataCategory[]>(d.categories),
      withheld: json<DataCategory[]>(d.withheld),
      reasons: json<string[]>(d.reasons),
      note: d.note,
      decidedBy: d.decided_by,
      decidedAt: d.decided_at,
      state: stateOf(d.outcome, approval, latest && request.status === 'awaiting_approval'),
      approval,
    };
  });
}

/** The request's latest decision (the one that counts), or null before it is decided. */
export const latestDecision = (
  db: Db,
  request: { id: number; status: RequestStatus },
): Decision | null => loadDecisions(db, request).at(-1) ?? null;
