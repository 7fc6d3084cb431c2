import { isNawCategory, type DataCategory, type DecisionOutcome } from '../../shared/schemas/terms';
import { type LegalBasis } from '../../shared/schemas/catalogue';
import { type CheckResult } from '../../shared/schemas/requests';
import type { DeskContext } from '../core/context';
import { wordedError } from '../core/errors';
import { getLegalBasis } from '../catalogue/catalogue';
import { currentCheck } from './check';
import { isVerified } from './check-channel';
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
function mayAnswer(
  ctx: DeskContext,
  r: RequestRow,
  c: CheckResult | null,
  outcome: 'disclose' | 'no_data',
): void {
  if (!c || c.outcome !== 'proceed') {
    throw wordedError('CONFLICT', 'register.checksFailed', {
      no: r.register_no,
      outcome: c?.outcome ?? 'not checked',
    });
  }
  if (nextStatus(r.status, DECISION_STEP[outcome]) === null) {
    throw wordedError('CONFLICT', 'register.matchFirst', { no: r.register_no, outcome });
  }
  if (!isVerified(ctx.db, r)) {
    throw wordedError('CONFLICT', 'register.notVerified', { no: r.register_no });
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
    throw items.length === 0
      ? wordedError('CONFLICT', 'register.nothingMatched', { no: r.register_no })
      : wordedError('CONFLICT', 'register.onlyMatchedItems', { items: wrong.join(', ') });
  }
  const categories = a.categories ?? allowed;
  const outside = categories.filter((x) => !allowed.includes(x));
  if (categories.length === 0 || outside.length > 0) {
    throw wordedError('CONFLICT', 'register.categoriesOutside', {
      article: basis.article,
      allowed: allowed.join(', ') || 'none',
      outside: outside.join(', ') || 'nothing',
    });
  }
  return { items, categories };
}

/** No data is only true when no item matched a subscriber. */
function nothingMatched(r: RequestRow, matched: number[]): void {
  if (matched.length === 0) return;
  throw wordedError('CONFLICT', 'register.matchedNotNoData', {
    items: matched.join(', '),
    no: r.register_no,
  });
}

/** A refusal or referral carries the failed checks' messages first, then the officer's reasons. */
function reasonsOf(a: DecideArgs, c: CheckResult | null): string[] {
  const own = a.reasons ?? [];
  if (a.outcome !== 'refuse' && a.outcome !== 'referred') return own;
  const fromChecks = c && c.outcome !== 'proceed' ? c.failures.map((f) => f.message) : [];
  const reasons = [...fromChecks, ...own];
  if (a.outcome === 'refuse' && reasons.length === 0) {
    throw wordedError('BAD_INPUT', 'register.refusalReason');
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
    if (a.outcome === 'disclose' || a.outcome === 'no_data') mayAnswer(ctx, r, c, a.outcome);
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
