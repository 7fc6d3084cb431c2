import type { DeskContext } from '../core/context';
import { failWith } from '../core/errors';
import { Matcher } from '../matching/matcher';
import {
  amendTarget,
  REQUEST_FIELDS,
  REQUIRED_FIELDS,
  type AmendTarget,
  type ItemField,
} from './amend-fields';
import { runCheck } from './check';
import { epocFieldBefore, isEpocField, type EpocField } from './epoc';
import { addEvent } from './events';
import { instantOf } from './instant';
import { recordMatch } from './match';
import {
  isFinal,
  latestMatches,
  loadItems,
  loadRequest,
  requestSubject,
  type ItemRow,
  type RequestRow,
} from './store';

/** An amendment row: the record only grows, before or after the decision. */
function addAmendment(
  ctx: DeskContext,
  r: RequestRow,
  field: string,
  value: string,
  reason: string,
): void {
  ctx.db
    .prepare(
      `INSERT INTO amendment (request_id, field, value, reason, amended_by, amended_at) VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(r.id, field, value, reason, ctx.user.name, ctx.nowIso());
}

const ITEM_TEXT: Record<ItemField, (i: ItemRow) => string> = {
  value: (i) => i.value,
  port: (i) => i.port?.toString() ?? '',
  moment: (i) => i.moment,
  periodTo: (i) => i.period_to ?? '',
  timeZone: (i) => i.time_zone,
};

/** What the field holds now (amendments applied), as text. */
function currentText(ctx: DeskContext, r: RequestRow, t: AmendTarget, registerNo: string) {
  if (t.on === 'request') return { before: r[REQUEST_FIELDS[t.field]] ?? '', item: null };
  const item = loadItems(ctx.db, r.id).find((i) => i.idx === t.index);
  if (!item) return failWith('NOT_FOUND', 'amend.noItem', { no: registerNo, index: t.index });
  // Only a period has an end; a moment item is not turned into a period by a correction.
  if (t.field === 'periodTo' && item.period_to === null) {
    return failWith('BAD_INPUT', 'amend.notPeriod', { no: registerNo, index: t.index });
  }
  return { before: ITEM_TEXT[t.field](item), item };
}

/**
 * An open request follows its correction: the checks run again (a changed case reference can make
 * them pass), and a changed identifier that was matched is matched again, alone — the other
 * items keep their results. A decided request only records it: its decision stands on what it was.
 */
function follow(ctx: DeskContext, registerNo: string, index: number | null): void {
  const r = loadRequest(ctx.db, registerNo);
  if (isFinal(r.status) || r.status === 'received') return;
  const checked = runCheck(ctx, r);
  if (index === null || checked.outcome !== 'proceed') return;
  if (!latestMatches(ctx.db, r.id).some((m) => m.index === index)) return;
  const item = loadItems(ctx.db, r.id).find((i) => i.idx === index)!;
  recordMatch(ctx, r, item, new Matcher(ctx.db));
  const outcome = latestMatches(ctx.db, r.id).find((m) => m.index === index)?.status;
  addEvent(ctx, r.id, 'rematched', { index, ...(outcome ? { result: outcome } : {}) });
}

/**
 * A correction with who, when and why, before or after the decision; the record only grows (the
 * value as logged stays, the amendment holds from then on: amend-fields.ts). Not while a
 * disclosure awaits approval: the approver would approve something other than what was decided.
 */
export function amend(
  ctx: DeskContext,
  registerNo: string,
  field: string,
  value: string,
  reason: string,
): void {
  // A European Production Order's fields (epoc.ts): a validation recorded, a name corrected.
  const onEpoc = isEpocField(field);
  const target = onEpoc
    ? null
    : (amendTarget(field) ?? failWith('BAD_INPUT', 'amend.unknownField', { field }));
  if (target && value === '' && REQUIRED_FIELDS.has(target.field)) {
    failWith('BAD_INPUT', 'amend.required', { field });
  }
  ctx.db.transaction(() => {
    const r = loadRequest(ctx.db, registerNo);
    if (r.status === 'awaiting_approval') {
      failWith('CONFLICT', 'amend.awaitingApproval', { no: registerNo });
    }
    const before = target
      ? currentText(ctx, r, target, registerNo).before
      : epocFieldBefore(ctx.db, r.id, field as EpocField, value);
    if (before === value) failWith('BAD_INPUT', 'amend.unchanged', { field });
    addAmendment(ctx, r, field, value, reason);
    addEvent(ctx, r.id, 'amended', { field, from: before, to: value, reason });
    ctx.audit('request.amended', requestSubject(r), { field, reason });
    follow(ctx, registerNo, target?.on === 'item' ? target.index : null);
  })();
}

/**
 * The written confirmation of an oral (phone) request arrived: recorded on the request, or as an
 * amendment once the request is decided (a decided request is never edited in place).
 */
export function confirmWritten(ctx: DeskContext, registerNo: string, receivedAtText: string): void {
  const at = instantOf('receivedAt', receivedAtText);
  if (Date.parse(at) > ctx.now().getTime() + 5 * 60_000) {
    failWith('BAD_INPUT', 'register.receivedInFuture');
  }
  ctx.db.transaction(() => {
    const r = loadRequest(ctx.db, registerNo);
    if (r.oral !== 1) failWith('CONFLICT', 'amend.notOral', { no: registerNo });
    if (isFinal(r.status)) {
      addAmendment(
        ctx,
        r,
        'writtenConfirmationReceivedAt',
        at,
        'written confirmation of the oral request received',
      );
    } else {
      ctx.db.prepare('UPDATE request SET written_received_at = ? WHERE id = ?').run(at, r.id);
    }
    addEvent(ctx, r.id, 'written_confirmation', { receivedAt: at });
    ctx.audit('request.written_confirmation', requestSubject(r), { receivedAt: at });
  })();
}
