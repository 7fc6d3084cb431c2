import { parseOffset } from '../../shared/moment';
import {
  isNawCategory,
  type CheckResult,
  type DataCategory,
  type DecisionOutcome,
  type ItemMatch,
  type Verification,
} from '../../shared/schemas/requests';
import type { DeskContext } from '../core/context';
import { DeskError } from '../core/errors';
import { matchItem } from '../matching/match-item';
import { Matcher } from '../matching/matcher';
import { getAuthority, getLegalBasis } from '../catalogue/catalogue';
import { checkRequest } from './checks';
import { instantOf } from './instant';
import { addEvent } from './events';
import {
  categoriesOf,
  isFinal,
  latestCheck,
  latestMatches,
  loadItems,
  loadRequest,
  resolvedOf,
  type RequestRow,
} from './store';

const subject = (r: RequestRow) => `request:${r.register_no}`;

function notDecided(r: RequestRow, what: string): void {
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

const setStatus = (ctx: DeskContext, r: RequestRow, status: RequestRow['status']) => {
  ctx.db.prepare('UPDATE request SET status = ? WHERE id = ?').run(status, r.id);
  r.status = status;
};

/** Runs the checks and records them; received → checked. */
export function runCheck(ctx: DeskContext, r: RequestRow): CheckResult {
  notDecided(r, 'checking it again');
  const verdict = checkRequest({
    receivedAt: r.received_at,
    channel: r.channel,
    urgency: r.urgency,
    authority: getAuthority(ctx.db, r.authority_code),
    basis: getLegalBasis(ctx.db, r.legal_basis_code),
    requesterName: r.requester_name,
    requesterFunction: r.requester_function,
    caseReference: r.case_reference,
    categories: categoriesOf(r),
    verified: r.verification_method !== null,
    rcAuthorisation: r.rc_authorisation,
    items: loadItems(ctx.db, r.id).map((i) => ({ kind: i.kind, port: i.port })),
  });
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
  if (r.status === 'received') setStatus(ctx, r, 'checked');
  addEvent(ctx, r.id, 'checked', {
    outcome: verdict.outcome,
    failures: verdict.failures.map((f) => f.code),
    warnings: verdict.warnings.map((w) => w.code),
  });
  ctx.audit('request.checked', subject(r), {
    outcome: verdict.outcome,
    failures: verdict.failures.map((f) => f.code),
  });
  return { ...verdict, checkedAt: at, checkedBy: ctx.user.name };
}

export function check(ctx: DeskContext, registerNo: string): CheckResult {
  return ctx.db.transaction(() => runCheck(ctx, loadRequest(ctx.db, registerNo)))();
}

export function verify(ctx: DeskContext, registerNo: string, v: Verification): void {
  ctx.db.transaction(() => {
    const r = loadRequest(ctx.db, registerNo);
    notDecided(r, 'recording a verification');
    const at = instantOf('verification.at', v.at);
    ctx.db
      .prepare(
        `UPDATE request SET verification_method = ?, verification_by = ?, verification_at = ?,
           verification_note = ? WHERE id = ?`,
      )
      .run(v.method, v.by, at, v.note || null, r.id);
    r.verification_method = v.method;
    addEvent(ctx, r.id, 'verified', { method: v.method, by: v.by, at });
    ctx.audit('request.verified', subject(r), { method: v.method, by: v.by, at });
    runCheck(ctx, r);
  })();
}

/** The officer chooses the offset of an item whose local time occurred twice. */
export function resolveTime(
  ctx: DeskContext,
  registerNo: string,
  index: number,
  offset: string,
): void {
  ctx.db.transaction(() => {
    const r = loadRequest(ctx.db, registerNo);
    notDecided(r, 'changing an item');
    const item = loadItems(ctx.db, r.id).find((i) => i.idx === index);
    if (!item) throw new DeskError('NOT_FOUND', `Request ${registerNo} has no item ${index}.`);
    const minutes = parseOffset(offset);
    const candidates = resolvedOf(item).timeCandidates;
    const chosen = candidates.find((c) => c.offsetMinutes === minutes);
    if (item.time_status !== 'ambiguous_time' || !chosen) {
      throw new DeskError(
        'CONFLICT',
        item.time_status !== 'ambiguous_time'
          ? `Item ${index} has no ambiguous time to resolve.`
          : `Choose one of ${candidates.map((c) => c.offset).join(' or ')} for item ${index}.`,
      );
    }
    ctx.db
      .prepare(`UPDATE request_item SET time_status = 'ok', utc_ms = ? WHERE id = ?`)
      .run(chosen.utcMs, item.id);
    addEvent(ctx, r.id, 'time_resolved', { index, offset: chosen.offset, utc: chosen.utc });
    ctx.audit('request.time_resolved', subject(r), { index, offset: chosen.offset });
  })();
}

/**
 * Matches every item at its moment. Checks run first when they have not; a request whose checks
 * say refuse or refer is never matched.
 */
export function match(ctx: DeskContext, registerNo: string): ItemMatch[] {
  return ctx.db.transaction(() => {
    const r = loadRequest(ctx.db, registerNo);
    notDecided(r, 'matching it again');
    const c = r.status === 'received' ? runCheck(ctx, r) : latestCheck(ctx.db, r.id);
    if (!c || c.outcome !== 'proceed') {
      throw new DeskError(
        'CONFLICT',
        `Request ${registerNo} is not matched: the checks say ${c?.outcome ?? 'nothing yet'} (${(
          c?.failures ?? []
        )
          .map((f) => f.message)
          .join(' ')}) Decide to ${c?.outcome === 'refer' ? 'refer' : 'refuse'} it.`,
        { failures: c?.failures ?? [] },
      );
    }
    const matcher = new Matcher(ctx.db);
    const nowMs = ctx.now().getTime();
    const at = ctx.nowIso();
    const insert = ctx.db.prepare(
      `INSERT INTO match_result (request_id, item_id, status, reason, subscribers, evidence, matched_by, matched_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const item of loadItems(ctx.db, r.id)) {
      const o = matchItem(matcher, resolvedOf(item), nowMs);
      insert.run(
        r.id,
        item.id,
        o.status,
        o.reason,
        JSON.stringify(o.subscribers),
        JSON.stringify(o.evidence),
        ctx.user.name,
        at,
      );
      ctx.audit('request.matched', subject(r), {
        item: item.idx,
        kind: item.kind,
        outcome: o.status,
        customers: o.subscribers.map((s) => s.customerId),
      });
    }
    setStatus(ctx, r, 'matched');
    const all = latestMatches(ctx.db, r.id);
    addEvent(ctx, r.id, 'matched', {
      outcomes: Object.fromEntries(all.map((m) => [m.index, m.status])),
    });
    return all;
  })();
}

export interface DecideArgs {
  outcome: DecisionOutcome;
  items?: number[] | undefined;
  categories?: DataCategory[] | undefined;
  reasons?: string[] | undefined;
  note?: string | undefined;
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
    const c = r.status === 'received' ? runCheck(ctx, r) : latestCheck(ctx.db, r.id);
    const requested = categoriesOf(r);
    const basis = getLegalBasis(ctx.db, r.legal_basis_code);
    const allowed = requested.filter((x) => basis.categories.includes(x) && isNawCategory(x));
    const matches = latestMatches(ctx.db, r.id);
    let items: number[] = [];
    let categories: DataCategory[] = [];
    let reasons = a.reasons ?? [];

    if (a.outcome === 'disclose' || a.outcome === 'no_data') {
      if (!c || c.outcome !== 'proceed') {
        throw new DeskError(
          'CONFLICT',
          `Request ${registerNo} failed its checks (${c?.outcome ?? 'not checked'}); it can only be refused or referred.`,
        );
      }
      if (r.status !== 'matched') {
        throw new DeskError(
          'CONFLICT',
          `Match request ${registerNo} before deciding ${a.outcome}.`,
        );
      }
      if (r.verification_method === null) {
        throw new DeskError(
          'CONFLICT',
          `Request ${registerNo} is not verified; it is never disclosed on.`,
        );
      }
    }
    const matched = matches.filter((m) => m.status === 'match').map((m) => m.index);
    if (a.outcome === 'disclose') {
      items = a.items ?? matched;
      const wrong = items.filter((i) => !matched.includes(i));
      if (items.length === 0 || wrong.length > 0) {
        throw new DeskError(
          'CONFLICT',
          items.length === 0
            ? `No item of ${registerNo} matched one subscriber; decide no_data (or refuse) instead.`
            : `Only items that matched one subscriber can be disclosed; item ${wrong.join(', ')} did not.`,
        );
      }
      categories = a.categories ?? allowed;
      const outside = categories.filter((x) => !allowed.includes(x));
      if (categories.length === 0 || outside.length > 0) {
        throw new DeskError(
          'CONFLICT',
          `Only categories the request asks for and ${basis.article} allows can be disclosed (${allowed.join(', ') || 'none'}); not ${outside.join(', ') || 'nothing'}.`,
        );
      }
    }
    if (a.outcome === 'no_data' && matched.length > 0) {
      throw new DeskError(
        'CONFLICT',
        `Item ${matched.join(', ')} of ${registerNo} matched a subscriber; disclose or refuse instead of no_data.`,
      );
    }
    if (a.outcome === 'refuse' || a.outcome === 'referred') {
      const fromChecks = c && c.outcome !== 'proceed' ? c.failures.map((f) => f.message) : [];
      reasons = [...fromChecks, ...reasons];
      if (a.outcome === 'refuse' && reasons.length === 0) {
        throw new DeskError('BAD_INPUT', 'Give the reason for the refusal.');
      }
    }
    const withheld = requested.filter((x) => !categories.includes(x));
    ctx.db
      .prepare(
        `INSERT INTO decision (request_id, outcome, items, categories, withheld, reasons, note, decided_by, decided_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        r.id,
        a.outcome,
        JSON.stringify(items),
        JSON.stringify(categories),
        JSON.stringify(withheld),
        JSON.stringify(reasons),
        a.note || null,
        ctx.user.name,
        ctx.nowIso(),
      );
    const status =
      a.outcome === 'disclose'
        ? 'awaiting_approval'
        : a.outcome === 'no_data'
          ? 'no_data'
          : a.outcome === 'refuse'
            ? 'refused'
            : 'referred';
    addEvent(ctx, r.id, 'decided', { outcome: a.outcome, items, categories, withheld, reasons });
    ctx.audit('request.decided', subject(r), { outcome: a.outcome, items, categories, withheld });
    setStatus(ctx, r, status);
  })();
}

/** Reads the four-eyes setting (default on); off allows a one-person desk, marked as such. */
export function fourEyes(ctx: DeskContext): boolean {
  const row = ctx.db.prepare(`SELECT value FROM setting WHERE key = 'fourEyes'`).get() as
    { value: string } | undefined;
  return row ? JSON.parse(row.value) !== false : true;
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
    if (r.status !== 'awaiting_approval') {
      throw new DeskError(
        'CONFLICT',
        `Request ${registerNo} has no disclosure awaiting approval (${r.status}).`,
      );
    }
    const d = ctx.db
      .prepare('SELECT id, decided_by FROM decision WHERE request_id = ? ORDER BY id DESC LIMIT 1')
      .get(r.id) as { id: number; decided_by: string };
    const same = d.decided_by === ctx.user.name;
    if (same && fourEyes(ctx)) {
      throw new DeskError(
        'FORBIDDEN',
        `You decided this disclosure yourself; a different approver must approve it (four eyes).`,
      );
    }
    if (approved && r.verification_method === null) {
      throw new DeskError(
        'CONFLICT',
        `Request ${registerNo} is not verified; it is never disclosed on.`,
      );
    }
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
    ctx.audit(approved ? 'request.approved' : 'request.approval_rejected', subject(r), {
      decision: d.id,
      decidedBy: d.decided_by,
      onePerson: same,
    });
    setStatus(ctx, r, approved ? 'disclosed' : 'matched');
    return { onePerson: same };
  })();
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
    ctx.db
      .prepare(
        `INSERT INTO amendment (request_id, field, value, reason, amended_by, amended_at) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(r.id, field, value, reason, ctx.user.name, ctx.nowIso());
    addEvent(ctx, r.id, 'amended', { field, reason });
    ctx.audit('request.amended', subject(r), { field, reason });
  })();
}

/** The written confirmation of an oral (phone) request arrived. */
export function confirmWritten(
  ctx: DeskContext,
  registerNo: string,
  receivedAtText: string,
): void {
  const at = instantOf('receivedAt', receivedAtText);
  ctx.db.transaction(() => {
    const r = loadRequest(ctx.db, registerNo);
    if (r.oral !== 1) throw new DeskError('CONFLICT', `Request ${registerNo} was not oral.`);
    if (isFinal(r.status)) {
      ctx.db
        .prepare(
          `INSERT INTO amendment (request_id, field, value, reason, amended_by, amended_at)
           VALUES (?, 'writtenConfirmationReceivedAt', ?, 'written confirmation of the oral request received', ?, ?)`,
        )
        .run(r.id, at, ctx.user.name, ctx.nowIso());
    } else {
      ctx.db.prepare('UPDATE request SET written_received_at = ? WHERE id = ?').run(at, r.id);
    }
    addEvent(ctx, r.id, 'written_confirmation', { receivedAt: at });
    ctx.audit('request.written_confirmation', subject(r), { receivedAt: at });
  })();
}
