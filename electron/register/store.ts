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
import { coreText } from '../../shared/messages';
import { failWith } from '../core/errors';
import type { Db } from '../core/db';
import { isVerified } from './check-channel';
import { deadlineState } from './deadlines';
import { validationOf } from './epoc';
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

const candidatesOf = (json: string | null): ItemView['timeCandidates'] =>
  (JSON.parse(json ?? '[]') as ItemView['timeCandidates']).map((c) => ({
    offset: c.offset,
    offsetMinutes: c.offsetMinutes,
    utc: c.utc,
  }));
const isoOf = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export const itemView = (i: ItemRow): ItemView => ({
  index: i.idx,
  kind: i.kind,
  value: i.value,
  normalised: i.normalised,
  port: i.port,
  moment: i.moment,
  timeZone: i.time_zone,
  utc: isoOf(i.utc_ms),
  timeStatus: i.time_status,
  timeCandidates: candidatesOf(i.time_candidates),
  inputProblem: i.input_problem,
  ...(i.period_to !== null
    ? {
        period: {
          to: i.period_to,
          toUtc: isoOf(i.period_to_utc_ms),
          toTimeStatus: i.period_to_status ?? 'invalid_input',
          toTimeCandidates: candidatesOf(i.period_to_candidates),
        },
      }
    : {}),
});

/** Why a stored moment (or end of a period) could not be resolved, by its status. */
export const TIME_PROBLEM_KEYS = {
  ambiguous_time: 'matching.timeTwice',
  invalid_time: 'matching.timeInvalid',
  invalid_input: 'matching.timeUnreadable',
} as const;
const timeProblemOf = (status: ItemColumns['time_status'], moment: string, zone: string) =>
  status === 'ok' ? null : coreText('en', TIME_PROBLEM_KEYS[status], { moment, zone });

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
  timeProblem: timeProblemOf(i.time_status, i.moment, i.time_zone),
  periodTo:
    i.period_to === null
      ? null
      : {
          moment: i.period_to,
          timeStatus: i.period_to_status ?? 'invalid_input',
          utcMs: i.period_to_utc_ms,
          timeCandidates: JSON.parse(
            i.period_to_candidates ?? '[]',
          ) as ResolvedItem['timeCandidates'],
          timeProblem: timeProblemOf(
            i.period_to_status ?? 'invalid_input',
            i.period_to,
            i.time_zone,
          ),
        },
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
  reason_key: string | null;
  reason_params: string | null;
  subscribers: string;
  evidence: string;
  matched_by: string;
  matched_at: string;
}
/** The latest match result of every item that has one. */
export function latestMatches(db: Db, requestId: number): ItemMatch[] {
  const rows = db
    .prepare(
      `SELECT i.idx, m.status, m.reason, m.reason_key, m.reason_params, m.subscribers, m.evidence, m.matched_by, m.matched_at
       FROM request_item i JOIN match_result m ON m.id = (
         SELECT max(id) FROM match_result WHERE item_id = i.id)
       WHERE i.request_id = ? ORDER BY i.idx`,
    )
    .all(requestId) as MatchRow[];
  return rows.map((r) => ({
    index: r.idx,
    status: r.status,
    reason: r.reason,
    ...(r.reason_key
      ? {
          reasonKey: r.reason_key,
          reasonParams: JSON.parse(r.reason_params ?? '{}') as ItemMatch['reasonParams'],
        }
      : {}),
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
  // A preservation order is answered once its hold is placed: its deadline is no longer chased.
  const held = db.prepare('SELECT 1 FROM preservation_hold WHERE request_id = ?').get(r.id);
  const written = r.oral === 1 ? writtenReceivedAt(db, r) : null;
  const validation = validationOf(db, r.id, r.received_at, nowIso);
  const validationDue = validation?.due ?? null;
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
    deadlineState: deadlineState(r.deadline, nowIso, closed || held !== undefined),
    oral: r.oral === 1,
    writtenConfirmationDue: r.written_confirmation_due,
    writtenConfirmationState:
      r.oral === 1 ? deadlineState(r.written_confirmation_due, nowIso, written !== null) : null,
    epocValidationDue: validationDue,
    epocValidationState: validationDue
      ? deadlineState(validationDue, nowIso, validation!.state === 'validated')
      : null,
    itemCount: meta.items,
    verified: isVerified(db, r),
  };
}

/** The audit subject of a request. */
export const requestSubject = (r: RequestRow) => `request:${r.register_no}`;
