import type { z } from 'zod';
import { can } from '../../shared/roles';
import { FINAL_STATUSES } from '../../shared/schemas/terms';
import {
  type ListRequestsInput,
  type RequestDetail,
  type RequestSummary,
} from '../../shared/schemas/requests';
import type { DeskContext } from '../core/context';
import { getAuthority, getLegalBasis } from '../catalogue/catalogue';
import { verificationChannel } from './check-channel';
import { loadDecisions } from './decisions';
import { epocView } from './epoc';
import { expiringHolds, holdOf, preservationRegime } from './hold';
import {
  categoriesOf,
  currentRow,
  itemView,
  latestCheck,
  latestMatches,
  loadItems,
  loadRequest,
  summaryOf,
  writtenReceivedAt,
  type RequestRow,
} from './store';

const json = <T>(s: string) => JSON.parse(s) as T;

/** Roles that handle requests work with subscriber data; others see the register without it. */
export const seesSubscribers = (ctx: DeskContext): boolean => can(ctx.user.role, 'requests.handle');

/**
 * A request with everything under it. Subscriber data (NAW) is included only for roles that
 * handle or approve requests, and each time it is shown, that view is audited.
 */
export function requestDetail(ctx: DeskContext, registerNo: string): RequestDetail {
  const db = ctx.db;
  const r = loadRequest(db, registerNo);
  const sees = seesSubscribers(ctx);
  const matches = latestMatches(db, r.id).map((m) => (sees ? m : { ...m, subscribers: [] }));
  const shown = matches.filter((m) => m.subscribers.length > 0);
  if (shown.length > 0) {
    ctx.db.transaction(() =>
      ctx.audit('request.subscribers_viewed', `request:${r.register_no}`, {
        items: shown.map((m) => m.index),
        customers: shown.flatMap((m) => m.subscribers.map((s) => s.customerId)),
      }),
    )();
  }
  const decisions = loadDecisions(db, r);
  const document = db
    .prepare('SELECT name, mime, size, sha256 FROM request_document WHERE request_id = ?')
    .get(r.id) as RequestDetail['document'] | undefined;
  return {
    ...summaryOf(db, r, ctx.nowIso()),
    requester: {
      name: r.requester_name,
      function: r.requester_function,
      badge: r.requester_badge,
      email: r.requester_email,
      phone: r.requester_phone,
    },
    authority: getAuthority(db, r.authority_code),
    legalBasis: getLegalBasis(db, r.legal_basis_code),
    categories: categoriesOf(r),
    verification:
      r.verification_method === null
        ? null
        : {
            method: r.verification_method,
            by: r.verification_by ?? '',
            at: r.verification_at ?? '',
            note: r.verification_note,
            channel: verificationChannel(db, r.id),
          },
    rcAuthorisation: r.rc_authorisation,
    note: r.note,
    writtenConfirmationReceivedAt: r.oral === 1 ? writtenReceivedAt(db, r) : null,
    loggedBy: r.logged_by,
    loggedAt: r.logged_at,
    document: document ?? null,
    items: loadItems(db, r.id).map(itemView),
    check: latestCheck(db, r.id),
    matches,
    decisions: decisions.map(({ approval: _approval, ...d }) => d),
    approvals: decisions.flatMap((d) => (d.approval ? [d.approval] : [])),
    amendments: (
      db.prepare('SELECT * FROM amendment WHERE request_id = ? ORDER BY id').all(r.id) as {
        field: string;
        value: string;
        reason: string;
        amended_by: string;
        amended_at: string;
      }[]
    ).map((a) => ({
      field: a.field,
      value: a.value,
      reason: a.reason,
      by: a.amended_by,
      at: a.amended_at,
    })),
    events: (
      db
        .prepare(
          'SELECT at, user, kind, details FROM request_event WHERE request_id = ? ORDER BY id',
        )
        .all(r.id) as { at: string; user: string; kind: string; details: string }[]
    ).map((e) => ({ ...e, details: json<Record<string, unknown>>(e.details) })),
    epoc: epocView(db, r.id, r.received_at, ctx.nowIso()),
    hold: holdOf(ctx, r),
    preservation: preservationRegime(db, r) !== null,
  };
}

type ListFilter = z.output<typeof ListRequestsInput>;

/** The register, newest first (open ones by deadline), filtered and searched. */
export function listRequests(ctx: DeskContext, f: ListFilter): RequestSummary[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.year !== undefined) {
    where.push('year = ?');
    args.push(f.year);
  }
  if (f.status) {
    where.push('status = ?');
    args.push(f.status);
  }
  if (f.authority) {
    where.push('authority_code = ?');
    args.push(f.authority);
  }
  if (f.legalBasis) {
    where.push('legal_basis_code = ?');
    args.push(f.legalBasis);
  }
  if (f.urgency) {
    where.push('urgency = ?');
    args.push(f.urgency);
  }
  if (f.search) {
    // A corrected case reference is found too (the amendment holds, not the value as logged).
    where.push(
      `(register_no LIKE ? ESCAPE '\\' OR case_reference LIKE ? ESCAPE '\\' OR id IN (
         SELECT request_id FROM amendment WHERE field = 'caseReference' AND value LIKE ? ESCAPE '\\'))`,
    );
    const like = `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    args.push(like, like, like);
  }
  if (f.openOnly) {
    where.push(`status NOT IN (${FINAL_STATUSES.map(() => '?').join(', ')})`);
    args.push(...FINAL_STATUSES);
  }
  const rows = ctx.db
    .prepare(
      `SELECT * FROM request ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${f.openOnly ? 'deadline, year, seq' : 'year DESC, seq DESC'} LIMIT 1000`,
    )
    .all(...args) as RequestRow[];
  const now = ctx.nowIso();
  return rows.map((r) => summaryOf(ctx.db, currentRow(ctx.db, r), now));
}

/** Emergency EPOCs, decided or not, whose 48-hour validation is still to be recorded. */
function epocValidationsOpen(ctx: DeskContext): number {
  const rows = ctx.db
    .prepare(`SELECT * FROM request WHERE id IN (SELECT request_id FROM request_epoc)`)
    .all() as RequestRow[];
  const now = ctx.nowIso();
  return rows
    .map((r) => summaryOf(ctx.db, r, now).epocValidationState)
    .filter((st) => st === 'overdue' || st === 'due_soon' || st === 'open').length;
}

export function dashboard(ctx: DeskContext) {
  const holdsExpiring = expiringHolds(ctx);
  const open = listRequests(ctx, { openOnly: true });
  const all = ctx.db.prepare(`SELECT * FROM request WHERE oral = 1`).all() as RequestRow[];
  const now = ctx.nowIso();
  return {
    open,
    overdue: open.filter((r) => r.deadlineState === 'overdue').length,
    dueSoon: open.filter((r) => r.deadlineState === 'due_soon').length,
    awaitingApproval: open.filter((r) => r.status === 'awaiting_approval').length,
    confirmationsOverdue: all
      .map((r) => summaryOf(ctx.db, r, now))
      .filter((s) => s.writtenConfirmationState === 'overdue').length,
    epocValidationsOpen: epocValidationsOpen(ctx),
    holdsExpiring,
  };
}
