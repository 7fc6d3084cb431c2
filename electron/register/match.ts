import type { ItemMatch } from '../../shared/schemas/matching';
import type { CheckResult } from '../../shared/schemas/requests';
import type { DeskContext } from '../core/context';
import { DeskError, wordedError } from '../core/errors';
import { matchItem } from '../matching/match-item';
import { Matcher } from '../matching/matcher';
import { currentCheck } from './check';
import { addEvent } from './events';
import { placeHold } from './hold';
import { notDecided, transition } from './status';
import {
  latestMatches,
  loadItems,
  loadRequest,
  requestSubject,
  resolvedOf,
  type ItemRow,
  type RequestRow,
} from './store';

/** A request whose checks say refuse or refer (or that has none) is never matched. */
function checksProceed(registerNo: string, c: CheckResult | null): void {
  if (c && c.outcome === 'proceed') return;
  throw wordedError(
    'CONFLICT',
    c?.outcome === 'refer' ? 'register.notMatchedRefer' : 'register.notMatchedRefuse',
    {
      no: registerNo,
      outcome: c?.outcome ?? 'nothing yet',
      failures: (c?.failures ?? []).map((f) => f.message).join(' '),
    },
    { failures: c?.failures ?? [] },
  );
}

/** Looks one item up at its moment or over its period and records the result; audited. */
export function recordMatch(
  ctx: DeskContext,
  r: RequestRow,
  item: ItemRow,
  matcher: Matcher,
): void {
  const o = matchItem(matcher, resolvedOf(item), ctx.now().getTime());
  ctx.db
    .prepare(
      `INSERT INTO match_result (request_id, item_id, status, reason, reason_key, reason_params,
         subscribers, evidence, matched_by, matched_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      r.id,
      item.id,
      o.status,
      o.reason,
      o.reasonKey,
      JSON.stringify(o.reasonParams),
      JSON.stringify(o.subscribers),
      JSON.stringify(o.evidence),
      ctx.user.name,
      ctx.nowIso(),
    );
  ctx.audit('request.matched', requestSubject(r), {
    item: item.idx,
    kind: item.kind,
    outcome: o.status,
    customers: [...new Set(o.subscribers.map((s) => s.customerId))],
  });
}

/** Looks every item up at its moment and records the results. */
function matchItems(ctx: DeskContext, r: RequestRow): void {
  const matcher = new Matcher(ctx.db);
  for (const item of loadItems(ctx.db, r.id)) recordMatch(ctx, r, item, matcher);
}

/**
 * Matches every item at its moment. Checks run first when they have not; a request whose checks
 * say refuse or refer is never matched. A refused attempt changes nothing but is audited
 * (`request.match.refused`), like a refusal by role (`access.denied`, in the handler table).
 */
export function match(ctx: DeskContext, registerNo: string): ItemMatch[] {
  try {
    return matchNow(ctx, registerNo);
  } catch (e) {
    if (e instanceof DeskError) auditRefusal(ctx, registerNo, e);
    throw e;
  }
}

/**
 * Records why a match was refused: the error code, the message and, for failed checks, their
 * codes. A vault that could not write (busy, disk full, locked) refused nothing: not recorded.
 */
function auditRefusal(ctx: DeskContext, registerNo: string, e: DeskError): void {
  const details = e.details as { reason?: string; failures?: { code: string }[] } | undefined;
  if (e.code === 'LOCKED' || details?.reason === 'vault_busy' || details?.reason === 'disk_full') {
    return;
  }
  try {
    ctx.audit('request.match.refused', `request:${registerNo}`, {
      code: e.code,
      reason: e.message,
      ...(details?.failures ? { failures: details.failures.map((f) => f.code) } : {}),
    });
  } catch {
    // The refusal itself is what the caller must hear.
    console.error('[naw-desk] a refused match could not be recorded in the audit log');
  }
}

function matchNow(ctx: DeskContext, registerNo: string): ItemMatch[] {
  return ctx.db.transaction(() => {
    const r = loadRequest(ctx.db, registerNo);
    notDecided(r, 'matching it again');
    checksProceed(registerNo, currentCheck(ctx, r));
    matchItems(ctx, r);
    transition(ctx, r, 'match');
    const all = latestMatches(ctx.db, r.id);
    addEvent(ctx, r.id, 'matched', {
      outcomes: Object.fromEntries(all.map((m) => [m.index, m.status])),
    });
    // A preservation order's answer: the records it matched are held, not disclosed.
    placeHold(ctx, r);
    return all;
  })();
}
