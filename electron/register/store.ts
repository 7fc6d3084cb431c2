import {
  FINAL_STATUSES,
  type DataCategory,
  type IssuerFunction,
  type RequestChannel,
  type RequestStatus,
  type Urgency,
} from '../../shared/schemas/terms';
import { type ItemMatch } from '../../shared/schemas/matching';
import {
  type CheckResult,
  type ItemView,
  type RequestSummary,
} from '../../shared/schemas/requests';
import { failWith } from '../core/errors';
import type { Db } from '../core/db';
import { deadlineState } from './deadlines';
import type { ResolvedItem } from './items';
import { amendedItem, amendedRequest, type Amended, type ItemColumns } from './amend-fields';

export interface RequestRow {
  id: number;
  register_no: string;
  year: number;
  seq: number;
  received_at: string;
  channel: RequestChannel;
  oral: number;
  written_confirmation_due: string | null;
  written_received_at: string | null;
  authority_code: string;
  requester_name: string;
  requester_function: IssuerFunction;
  requester_badge: string | null;
  requester_email: string | null;
  requester_phone: string | null;
  legal_basis_code: string;
  case_reference: string | null;
  urgency: Urgency;
  deadline: string;
  categories: string;
  verification_method: 'callback' | 'known_portal' | 'signed_document' | null;
  verification_by: string | null;
  verification_at: string | null;
  verification_note: string | null;
  rc_authorisation: string | null;
  note: string | null;
  status: RequestStatus;
  logged_by: string;
  logged_at: string;
}

/** An identifier's row: the columns an amendment can change (amend-fields.ts) and its keys. */
export interface ItemRow extends ItemColumns {
  id: number;
  request_id: number;
}

/**
 * A request is final once its latest decision took effect (decisions.ts): its status is then one
 * of FINAL_STATUSES, from which the transition table leads nowhere.
 */
export const isFinal = (s: RequestStatus) => FINAL_STATUSES.includes(s);
export const categoriesOf = (r: RequestRow) => JSON.parse(r.categories) as DataCategory[];

/** The corrections of a request, oldest first: the latest one of a field is what holds. */
const amendmentsOf = (db: Db, requestId: number): Amended[] =>
  db
    .prepare('SELECT field, value FROM amendment WHERE request_id = ? ORDER BY id')
    .all(requestId) as Amended[];

/** A request row as it holds now: as logged, with its amendments applied (amend-fields.ts). */
export const currentRow = (db: Db, r: RequestRow): RequestRow =>
  amendedRequest(r, amendmentsOf(db, r.id));

export function loadRequest(db: Db, registerNo: string): RequestRow {
  const r = db.prepare('SELECT * FROM request WHERE register_no = ?').get(registerNo) as
    RequestRow | undefined;
  if (!r) return failWith('NOT_FOUND', 'register.notFound', { no: registerNo });
  return currentRow(db, r);
}

/** The identifiers as they hold now, amendments applied. */
export function loadItems(db: Db, requestId: number): ItemRow[] {
  const amendments = amendmentsOf(db, requestId);
  return (
    db
      .prepare('SELECT * FROM request_item WHERE request_id = ? ORDER BY idx')
      .all(requestId) as ItemRow[]
  ).map((i) => amendedItem(i, amendments));
}

export const itemView = (i: ItemRow): ItemView => ({
  index: i.idx,
  kind: i.kind,
  value: i.value,
  normalised: i.normalised,
  port: i.port,
  moment: i.moment,
  timeZone: i.time_zone,
  utc: i.utc_ms === null ? null : new Date(i.utc_ms).toISOString(),
  timeStatus: i.time_status,
  timeCandidates: (JSON.parse(i.time_candidates) as ItemView['timeCandidates']).map((c) => ({
    offset: c.offset,
    offsetMinutes: c.offsetMinutes,
    utc: c.utc,
  })),
  inputProblem: i.input_problem,
});

/** The stored item in the shape the matcher takes. */
export const resolvedOf = (i: ItemRow): ResolvedItem => ({
  kind: i.kind,
  value: i.value,
  normalised: i.normalised,
  port: i.port,
  inputProblem: i.input_problem,
  moment: i.moment,
  timeZone: i.time_zone,
  timeStatus: i.time_status,
  utcMs: i.utc_ms,
  timeCandidates: JSON.parse(i.time_candidates) as ResolvedItem['timeCandidates'],
  timeProblem:
    i.time_status === 'ok'
      ? null
      : i.time_status === 'ambiguous_time'
        ? `${i.moment} occurred twice in ${i.time_zone} (the clocks went back); choose the offset the requester meant.`
        : i.time_status === 'invalid_time'
          ? `${i.moment} does not exist in ${i.time_zone} (the clocks skipped that hour, or no such date).`
          : `${i.moment} in ${i.time_zone} is not a readable date-time or zone.`,
});

interface CheckRow {
  outcome: CheckResult['outcome'];
  failures: string;
  warnings: string;
  checked_by: string;
  checked_at: string;
}
export function latestCheck(db: Db, requestId: number): CheckResult | null {
  const r = db
    .prepare('SELECT * FROM request_check WHERE request_id = ? ORDER BY id DESC LIMIT 1')
    .get(requestId) as CheckRow | undefined;
  return r
    ? {
        outcome: r.outcome,
        failures: JSON.parse(r.failures) as CheckResult['failures'],
        warnings: JSON.parse(r.warnings) as CheckResult['warnings'],
        checkedBy: r.checked_by,
        checkedAt: r.checked_at,
      }
    : null;
}

interface MatchRow {
  idx: number;
  status: ItemMatch['status'];
  reason: string;
  subscribers: string;
  evidence: string;
  matched_by: string;
  matched_at: string;
}
/** The latest match result of every item that has one. */
export function latestMatches(db: Db, requestId: number): ItemMatch[] {
  const rows = db
    .prepare(
      `SELECT i.idx, m.status, m.reason, m.subscribers, m.evidence, m.matched_by, m.matched_at
       FROM request_item i JOIN match_result m ON m.id = (
         SELECT max(id) FROM match_result WHERE item_id = i.id)
       WHERE i.request_id = ? ORDER BY i.idx`,
    )
    .all(requestId) as MatchRow[];
  return rows.map((r) => ({
    index: r.idx,
    status: r.status,
    reason: r.reason,
    subscribers: JSON.parse(r.subscribers) as ItemMatch['subscribers'],
    evidence: JSON.parse(r.evidence) as ItemMatch['evidence'],
    matchedBy: r.matched_by,
    matchedAt: r.matched_at,
  }));
}

/** Written confirmation of an oral request: the column, or an amendment after the decision. */
export function writtenReceivedAt(db: Db, r: RequestRow): string | null {
  if (r.written_received_at) return r.written_received_at;
  const a = db
    .prepare(
      `SELECT value FROM amendment WHERE request_id = ? AND field = 'writtenConfirmationReceivedAt'
       ORDER BY id DESC LIMIT 1`,
    )
    .get(r.id) as { value: string } | undefined;
  return a?.value ?? null;
}

export function summaryOf(db: Db, r: RequestRow, nowIso: string): RequestSummary {
  const meta = db
    .prepare(
      `SELECT a.name AS authority_name, b.article,
         (SELECT count(*) FROM request_item WHERE request_id = ?) AS items
       FROM authority a, legal_basis b WHERE a.code = ? AND b.code = ?`,
    )
    .get(r.id, r.authority_code, r.legal_basis_code) as {
    authority_name: string;
    article: string;
    items: number;
  };
  const closed = isFinal(r.status);
  const written = r.oral === 1 ? writtenReceivedAt(db, r) : null;
  return {
    registerNo: r.register_no,
    receivedAt: r.received_at,
    channel: r.channel,
    urgency: r.urgency,
    authorityCode: r.authority_code,
    authorityName: meta.authority_name,
    legalBasisCode: r.legal_basis_code,
    legalBasisArticle: meta.article,
    caseReference: r.case_reference,
    status: r.status,
    deadline: r.deadline,
    deadlineState: deadlineState(r.deadline, nowIso, closed),
    oral: r.oral === 1,
    writtenConfirmationDue: r.written_confirmation_due,
    writtenConfirmationState:
      r.oral === 1 ? deadlineState(r.written_confirmation_due, nowIso, written !== null) : null,
    itemCount: meta.items,
    verified: r.verification_method !== null,
  };
}

/** The audit subject of a request. */
export const requestSubject = (r: RequestRow) => `request:${r.register_no}`;
