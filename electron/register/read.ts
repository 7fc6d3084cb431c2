import type { z } from 'zod';
import type {
  DataCategory,
  ListRequestsInput,
  RequestDetail,
  RequestSummary,
} from '../../shared/schemas/requests';
import type { DeskContext } from '../core/context';
import { getAuthority, getLegalBasis } from '../catalogue/catalogue';
import {
  categoriesOf,
  isFinal,
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

/** Roles that work with subscriber data; others (admin) see the register without NAW data. */
export const seesSubscribers = (ctx: DeskContext): boolean =>
  ctx.user.role === 'officer' || ctx.user.role === 'approver';

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
  const decisions = (
    db.prepare('SELECT * FROM decision WHERE request_id = ? ORDER BY id').all(r.id) as {
      id: number;
      outcome: RequestDetail['decisions'][number]['outcome'];
      items: string;
      categories: string;
      withheld: string;
      reasons: string;
      note: string | null;
      decided_by: string;
      decided_at: string;
    }[]
  ).map((d) => ({ ...d, approval: approvalOf(ctx, d.id) }));
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
    decisions: decisions.map((d, i) => ({
      id: d.id,
      outcome: d.outcome,
      items: json<number[]>(d.items),
      categories: json<DataCategory[]>(d.categories),
      withheld: json<DataCategory[]>(d.withheld),
      reasons: json<string[]>(d.reasons),
      note: d.note,
      decidedBy: d.decided_by,
      decidedAt: d.decided_at,
      state:
        d.outcome !== 'disclose'
          ? 'in_effect'
          : d.approval === null
            ? i === decisions.length - 1 && r.status === 'awaiting_approval'
              ? 'pending_approval'
              : 'rejected'
            : d.approval.approved
              ? 'in_effect'
              : 'rejected',
    })),
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
  };
}

function approvalOf(
  ctx: DeskContext,
  decisionId: number,
): RequestDetail['approvals'][number] | null {
  const a = ctx.db.prepare('SELECT * FROM approval WHERE decision_id = ?').get(decisionId) as
    | {
        approved: number;
        approved_by: string;
        approved_at: string;
        note: string | null;
        one_person: number;
      }
    | undefined;
  return a
    ? {
        decisionId,
        approved: a.approved === 1,
        by: a.approved_by,
        at: a.approved_at,
        note: a.note,
        onePerson: a.one_person === 1,
      }
    : null;
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
    where.push(`(register_no LIKE ? ESCAPE '\\' OR case_reference LIKE ? ESCAPE '\\')`);
    const like = `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    args.push(like, like);
  }
  if (f.openOnly) where.push(`status NOT IN ('disclosed','no_data','refused','referred')`);
  const rows = ctx.db
    .prepare(
      `SELECT * FROM request ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${f.openOnly ? 'deadline, year, seq' : 'year DESC, seq DESC'} LIMIT 1000`,
    )
    .all(...args) as RequestRow[];
  const now = ctx.nowIso();
  return rows.map((r) => summaryOf(ctx.db, r, now));
}

export function dashboard(ctx: DeskContext) {
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
  };
}

export { isFinal };
