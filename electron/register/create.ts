import type { z } from 'zod';
import type { NewRequestInput } from '../../shared/schemas/requests';
import type { RequestStatus } from '../../shared/schemas/terms';
import type { DeskContext } from '../core/context';
import { failWith } from '../core/errors';
import { findAuthority, findLegalBasis } from '../catalogue/catalogue';
import { callbackChannel } from './check-channel';
import { addHours, deadlineHoursFor, WRITTEN_CONFIRMATION_HOURS } from './deadlines';
import { storeDocument } from './document';
import { epocDeadline, storeEpoc } from './epoc';
import { addEvent } from './events';
import { instantOf } from './instant';
import { resolveItem } from './items';
import { runCheck } from './check';
import { loadRequest } from './store';

type Parsed = z.output<typeof NewRequestInput>;

/**
 * What the audit log keeps of a request read in from its document: the document's hash and
 * which fields it gave and which the officer changed (names only, never values).
 */
const intakeDetails = (intake: NonNullable<Parsed['intake']>, documentSha256?: string) => ({
  from: documentSha256 ? 'document' : 'pasted_text',
  sha256: documentSha256 ?? intake.textSha256 ?? null,
  extracted: intake.extracted,
  changed: intake.changed,
});

const yearIn = (iso: string, zone = 'Europe/Amsterdam'): number =>
  Number(new Intl.DateTimeFormat('en', { timeZone: zone, year: 'numeric' }).format(new Date(iso)));

/**
 * Logs a request: takes the next register number of its year (gap-free: in the same
 * transaction), stores the request, its items (as given, normalised, resolved to UTC) and, when
 * given, the original document. The checks run at once, in the same transaction, so the officer
 * sees them on opening the request and a request is never left unchecked (received → checked).
 */
export function createRequest(
  ctx: DeskContext,
  input: Parsed,
  /** What a caller stores with the request before it is checked (HI-1: its identifiers). */
  alsoStore?: (id: number, registerNo: string) => void,
): { id: number; registerNo: string; status: RequestStatus } {
  const db = ctx.db;
  const authority = findAuthority(db, input.authority);
  const basis = findLegalBasis(db, input.legalBasis);
  const receivedAt = instantOf('receivedAt', input.receivedAt);
  if (Date.parse(receivedAt) > ctx.now().getTime() + 5 * 60_000) {
    failWith('BAD_INPUT', 'register.receivedInFuture');
  }
  // An EPOC sets its own deadline and urgency (Art. 10); a deadline given as well holds if earlier.
  const byEpoc = input.epoc ? epocDeadline(receivedAt, input.epoc) : null;
  const urgency = byEpoc?.urgency ?? input.urgency;
  const given = input.deadline ? instantOf('deadline', input.deadline) : null;
  const deadline = byEpoc
    ? given && given < byEpoc.deadline
      ? given
      : byEpoc.deadline
    : (given ?? addHours(receivedAt, deadlineHoursFor(db, urgency)));
  const caseReference = input.caseReference || input.epoc?.issuingAuthority.fileReference || null;
  const verification = input.verification
    ? { ...input.verification, at: instantOf('verification.at', input.verification.at) }
    : null;
  // A named call-back channel must be the authority's. A call-back naming none (or a signed
  // document with no document) is logged as recorded but does not count: the checks fail
  // not_verified and the request waits for a verification that does, as an unverified one does.
  const channel = input.verification?.channel?.trim()
    ? callbackChannel(authority, input.verification)
    : null;
  const oral = input.channel === 'phone';
  const items = input.items.map(resolveItem);
  const year = yearIn(receivedAt);

  return db.transaction(() => {
    const { last } = db
      .prepare(
        `INSERT INTO register_counter (year, last) VALUES (?, 1)
         ON CONFLICT(year) DO UPDATE SET last = last + 1 RETURNING last`,
      )
      .get(year) as { last: number };
    const registerNo = `${year}-${String(last).padStart(4, '0')}`;
    const id = db
      .prepare(
        `INSERT INTO request (register_no, year, seq, received_at, channel, oral, written_confirmation_due,
           authority_code, requester_name, requester_function, requester_badge, requester_email,
           requester_phone, legal_basis_code, case_reference, urgency, deadline, categories,
           verification_method, verification_by, verification_at, verification_note,
           rc_authorisation, note, status, logged_by, logged_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?)`,
      )
      .run(
        registerNo,
        year,
        last,
        receivedAt,
        input.channel,
        oral ? 1 : 0,
        oral ? addHours(receivedAt, WRITTEN_CONFIRMATION_HOURS) : null,
        authority.code,
        input.requester.name,
        input.requester.function,
        input.requester.badge || null,
        input.requester.email || null,
        input.requester.phone || null,
        basis.code,
        caseReference,
        urgency,
        deadline,
        JSON.stringify(input.categories),
        verification?.method ?? null,
        verification?.by ?? null,
        verification?.at ?? null,
        verification?.note || null,
        input.rcAuthorisation || null,
        input.note || null,
        ctx.user.name,
        ctx.nowIso(),
      ).lastInsertRowid as number;
    const insertItem = db.prepare(
      `INSERT INTO request_item (request_id, idx, kind, value, normalised, port, input_problem, moment,
         time_zone, time_status, utc_ms, time_candidates, period_to, period_to_status,
         period_to_utc_ms, period_to_candidates)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    items.forEach((it, i) =>
      insertItem.run(
        id,
        i + 1,
        it.kind,
        it.value,
        it.normalised,
        it.port,
        it.inputProblem,
        it.moment,
        it.timeZone,
        it.timeStatus,
        it.utcMs,
        JSON.stringify(it.timeCandidates),
        it.periodTo?.moment ?? null,
        it.periodTo?.timeStatus ?? null,
        it.periodTo?.utcMs ?? null,
        it.periodTo ? JSON.stringify(it.periodTo.timeCandidates) : null,
      ),
    );
    if (input.epoc) storeEpoc(db, id, input.epoc);
    const stored = input.documentToken
      ? storeDocument(ctx, id, registerNo, input.documentToken)
      : null;
    alsoStore?.(id, registerNo);
    addEvent(ctx, id, 'logged', {
      items: items.length,
      verified: verification !== null,
      ...(channel ? { channel } : {}),
    });
    ctx.audit('request.created', `request:${registerNo}`, {
      authority: authority.code,
      legalBasis: basis.code,
      urgency,
      items: items.length,
      ...(input.epoc ? { epoc: { issuingState: input.epoc.issuingState } } : {}),
      legacyAuthority: authority.legacy,
      ...(input.intake ? { intake: intakeDetails(input.intake, stored?.sha256) } : {}),
    });
    const row = loadRequest(db, registerNo);
    runCheck(ctx, row);
    return { id, registerNo, status: row.status };
  })();
}
