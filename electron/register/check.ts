import type { CheckResult, Verification } from '../../shared/schemas/requests';
import type { DeskContext } from '../core/context';
import { getAuthority, getLegalBasis } from '../catalogue/catalogue';
import { callbackChannel, hasDocument, verificationOf } from './check-channel';
import { checkRequest } from './checks';
import { epocView } from './epoc';
import { hi1SenderFact } from '../hi1/sender-state';
import { addEvent } from './events';
import { failWith } from '../core/errors';
import { instantOf } from './instant';
import { notDecided, transition } from './status';
import {
  categoriesOf,
  latestCheck,
  loadItems,
  loadRequest,
  requestSubject,
  type RequestRow,
} from './store';

/** The checks as they stand for the request (checks.ts), from what the register holds. */
function verdictOf(ctx: DeskContext, r: RequestRow) {
  return checkRequest({
    receivedAt: r.received_at,
    channel: r.channel,
    urgency: r.urgency,
    authority: getAuthority(ctx.db, r.authority_code),
    basis: getLegalBasis(ctx.db, r.legal_basis_code),
    requesterName: r.requester_name,
    requesterFunction: r.requester_function,
    caseReference: r.case_reference,
    categories: categoriesOf(r),
    verification: verificationOf(ctx.db, r),
    rcAuthorisation: r.rc_authorisation,
    items: loadItems(ctx.db, r.id).map((i) => ({ kind: i.kind, port: i.port })),
    epoc: epocView(ctx.db, r.id, r.received_at, ctx.nowIso()),
    hi1: hi1SenderFact(ctx.db, r.id),
  });
}

/** Runs the checks and records them; received → checked. */
export function runCheck(ctx: DeskContext, r: RequestRow): CheckResult {
  notDecided(r, 'checking it again');
  const verdict = verdictOf(ctx, r);
  const at = ctx.nowIso();
  ctx.db
    .prepare(
      `INSERT INTO request_check (request_id, outcome, failures, warnings, checked_by, checked_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(
      r.id,
      verdict.outcome,
      JSON.stringify(verdict.failures),
      JSON.stringify(verdict.warnings),
      ctx.user.name,
      at,
    );
  transition(ctx, r, 'check');
  addEvent(ctx, r.id, 'checked', {
    outcome: verdict.outcome,
    failures: verdict.failures.map((f) => f.code),
    warnings: verdict.warnings.map((w) => w.code),
  });
  ctx.audit('request.checked', requestSubject(r), {
    outcome: verdict.outcome,
    failures: verdict.failures.map((f) => f.code),
  });
  return { ...verdict, checkedAt: at, checkedBy: ctx.user.name };
}

/** The checks a step relies on: run now for a request just received, else the latest. */
export const currentCheck = (ctx: DeskContext, r: RequestRow): CheckResult | null =>
  r.status === 'received' ? runCheck(ctx, r) : latestCheck(ctx.db, r.id);

export function check(ctx: DeskContext, registerNo: string): CheckResult {
  return ctx.db.transaction(() => runCheck(ctx, loadRequest(ctx.db, registerNo)))();
}

/** Records how the requester was verified, then checks the request again. */
export function verify(ctx: DeskContext, registerNo: string, v: Verification): void {
  ctx.db.transaction(() => {
    const r = loadRequest(ctx.db, registerNo);
    notDecided(r, 'recording a verification');
    const at = instantOf('verification.at', v.at);
    const channel = callbackChannel(getAuthority(ctx.db, r.authority_code), v);
    // A signed document is only a verification with the document itself on the request.
    if (v.method === 'signed_document' && !hasDocument(ctx.db, r.id)) {
      failWith('BAD_INPUT', 'verification.documentRequired', { no: r.register_no });
    }
    ctx.db
      .prepare(
        `UPDATE request SET verification_method = ?, verification_by = ?, verification_at = ?,
           verification_note = ? WHERE id = ?`,
      )
      .run(v.method, v.by, at, v.note || null, r.id);
    r.verification_method = v.method;
    const seen = { method: v.method, by: v.by, at, ...(channel ? { channel } : {}) };
    addEvent(ctx, r.id, 'verified', seen);
    ctx.audit('request.verified', requestSubject(r), seen);
    runCheck(ctx, r);
  })();
}
