import { isNawCategory, type DataCategory, type DecisionOutcome } from '../../shared/schemas/terms';
import { type LegalBasis } from '../../shared/schemas/catalogue';
import { type CheckResult } from '../../shared/schemas/requests';
import type { DeskContext } from '../core/context';
import { DeskError } from '../core/errors';
import { getLegalBasis } from '../catalogue/catalogue';
import { currentCheck } from './check';
import { addEvent } from './events';
import { notDecided, transition } from './status';
import { categoriesOf, latestMatches, loadRequest, requestSubject, type RequestRow } from './store';
import { DECISION_STEP, nextStatus } from './transitions';

export interface DecideArgs {
  outcome: DecisionOutcome;
  items?: number[] | undefined;
  categories?: DataCategory[] | undefined;
  reasons?: string[] | undefined;
  note?: string | undefined;
}

/** What a decision gives out (nothing, unless it discloses). */
interface Scope {
  items: number[];
  categories: DataCategory[];
}

/** Disclose and no_data answer the request: only after passed checks, matching and verification. */
function mayAnswer(r: RequestRow, c: CheckResult | null, outcome: 'disclose' | 'no_data'): void {
  if (!c || c.outcome !== 'proceed') {
    throw new DeskError(
      'CONFLICT',
      `Request ${r.register_no} failed its checks (${c?.outcome ?? 'not checked'}); it can only be refused or referred.`,
    );
  }
  if (nextStatus(r.status, DECISION_STEP[outcome]) === null) {
    throw new DeskError('CONFLICT', `Match request ${r.register_no} before deciding ${outcome}.`);
  }
  if (r.verification_method === null) {
    throw new DeskError(
      'CONFLICT',
      `Request ${r.register_no} is not verified; it is never disclosed on.`,
    );
  }
}

/**
 * What a disclosure may give: the chosen items (default: all) that matched one subscriber, and
 * the chosen categories (default: all) that the request asks for, the basis allows and are NAW.
 */
function disclosureScope(
  r: RequestRow,
  a: DecideArgs,
  matched: number[],
  basis: LegalBasis,
): Scope {
  const allowed = categoriesOf(r).filter((x) => basis.categories.includes(x) && isNawCategory(x));
  const items = a.items ?? matched;
  const wrong = items.filter((i) => !matched.includes(i));
  if (items.length === 0 || wrong.length > 0) {
    throw new DeskError(
      'CONFLICT',
      items.length === 0
        ? `No item of ${r.register_no} matched one subscriber; decide no_data (or refuse) instead.`
        : `Only items that matched one subscriber can be disclosed; item ${wrong.join(', ')} did not.`,
    );
  }
  const categories = a.categories ?? allowed;
  const outside = categories.filter((x) => !allowed.includes(x));
  if (categories.length === 0 || outside.length > 0) {
    throw new DeskError(
      'CONFLICT',
      `Only categories the request asks for and ${basis.article} allows can be disclosed (${allowed.join(', ') || 'none'}); not ${outside.join(', ') || 'nothing'}.`,
    );
  }
  return { items, categories };
}

/** No data is only true when no item matched a subscriber. */
function nothingMatched(r: RequestRow, matched: number[]): void {
  if (matched.length === 0) return;
  throw new DeskError(
    'CONFLICT',
    `Item ${matched.join(', ')} of ${r.register_no} matched a subscriber; disclose or refuse instead of no_data.`,
  );
}

/** A refusal or referral carries the failed checks' messages first, then the officer's reasons. */
function reasonsOf(a: DecideArgs, c: CheckResult | null): string[] {
  const own = a.reasons ?? [];
  if (a.outcome !== 'refuse' && a.outcome !== 'referred') return own;
  const fromChecks = c && c.outcome !== 'proceed' ? c.failures.map((f) => f.message) : [];
  const reasons = [...fromChecks, ...own];
  if (a.outcome === 'refuse' && reasons.length === 0) {
    throw new DeskError('BAD_INPUT', 'Give the reason for the refusal.');
  }
  return reasons;
}

/** Stores the decision with its timeline line and audit event. */
function recordDecision(
  ctx: DeskContext,
  r: RequestRow,
  d: Scope & { outcome: DecisionOutcome; withheld: DataCategory[]; reasons: string[] },
  note: string | undefined,
): void {
  ctx.db
    .prepare(
      `INSERT INTO decision (request_id, outcome, items, categories, withheld, reasons, note, decided_by, decided_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      r.id,
      d.outcome,
      JSON.stringify(d.items),
      JSON.stringify(d.categories),
      JSON.stringify(d.withheld),
      JSON.stringify(d.reasons),
      note || null,
      ctx.user.name,
      ctx.nowIso(),
    );
  const { outcome, items, categories, withheld, reasons } = d;
  addEvent(ctx, r.id, 'decided', { outcome, items, categories, withheld, reasons });
  ctx.audit('request.decided', requestSubject(r), { outcome, items, categories, withheld });
}

/**
 * Records the decision. A disclosure waits for approval (four eyes); no_data, refuse and referred
 * take effect at once. Only items that matched one subscriber, and only NAW categories the basis
 * allows and the request asks for, can be disclosed; everything else is withheld.
 */
export function decide(ctx: DeskContext, registerNo: string, a: DecideArgs): void {
  ctx.db.transaction(() => {
    const r = loadRequest(ctx.db, registerNo);
    notDecided(r, 'deciding again');
    const c = currentCheck(ctx, r);
    const basis = getLegalBasis(ctx.db, r.legal_basis_code);
    if (a.outcome === 'disclose' || a.outcome === 'no_data') mayAnswer(r, c, a.outcome);
    const matched = latestMatches(ctx.db, r.id)
      .filter((m) => m.status === 'match')
      .map((m) => m.index);
    const scope: Scope =
      a.outcome === 'disclose'
        ? disclosureScope(r, a, matched, basis)
        : { items: [], categories: [] };
    if (a.outcome === 'no_data') nothingMatched(r, matched);
    const withheld = categoriesOf(r).filter((x) => !scope.categories.includes(x));
    recordDecision(
      ctx,
      r,
      { outcome: a.outcome, ...scope, withheld, reasons: reasonsOf(a, c) },
      a.note,
    );
    transition(ctx, r, DECISION_STEP[a.outcome]);
  })();
}
