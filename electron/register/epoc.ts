import {
  Epoc,
  EpocAuthority,
  isTrafficOrContent,
  JUDGES,
  type EpocCategory,
  type EpocFunction,
  type EpocValidation,
  type EpocView,
} from '../../shared/schemas/epoc';
import type { Urgency } from '../../shared/schemas/terms';
import type { Db } from '../core/db';
import { failWith } from '../core/errors';
import { addHours } from './deadlines';

/**
 * A European Production Order on the register: stored once as received (migration 0008), read
 * back with its amendments applied, with its statutory deadline and its 48-hour validation.
 */

/** Art. 10(3) and (4): within 10 days, within 8 hours in an emergency. */
export const EPOC_DEADLINE_HOURS = { normal: 10 * 24, emergency: 8 } as const;
/** Art. 4(5): an emergency order issued without validation is validated within 48 hours. */
export const EPOC_VALIDATION_HOURS = 48;

/** The answer deadline and urgency the certificate sets, from receipt. */
export function epocDeadline(receivedAt: string, e: Epoc): { deadline: string; urgency: Urgency } {
  return e.emergency
    ? { deadline: addHours(receivedAt, EPOC_DEADLINE_HOURS.emergency), urgency: 'emergency' }
    : { deadline: addHours(receivedAt, EPOC_DEADLINE_HOURS.normal), urgency: 'normal' };
}

/**
 * Whether an order by `issuer` for these categories needs a validating authority (Art. 4):
 * traffic or content data unless a judge, court or investigating judge issued it; subscriber and
 * identification data only when another competent authority (not a judge or prosecutor) did.
 */
export const needsValidation = (issuer: EpocFunction, categories: readonly EpocCategory[]) =>
  categories.some(isTrafficOrContent) ? !JUDGES.includes(issuer) : issuer === 'other_competent';

/** Who may validate such an order: a judge, court or investigating judge; a prosecutor too for
 * subscriber and identification data. */
export const mayValidate = (validator: EpocFunction, categories: readonly EpocCategory[]) =>
  JUDGES.includes(validator) ||
  (validator === 'prosecutor' && !categories.some(isTrafficOrContent));

export function storeEpoc(db: Db, requestId: number, e: Epoc): void {
  db.prepare(
    `INSERT INTO request_epoc (request_id, issuing_state, deadline_option, emergency, issuer_function, certificate, kind)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    requestId,
    e.issuingState,
    e.deadline,
    e.emergency ? 1 : 0,
    e.issuingAuthority.function,
    JSON.stringify(e),
    e.kind,
  );
}

// ---------------------------------------------------------------- amendments

/** The EPOC fields an amendment may correct, by path: a validation recorded, a name or reference. */
export const EPOC_FIELDS = [
  'epoc.validatingAuthority',
  'epoc.issuingAuthority.name',
  'epoc.issuingAuthority.fileReference',
  'epoc.addressee',
] as const;
export type EpocField = (typeof EPOC_FIELDS)[number];
export const isEpocField = (f: string): f is EpocField =>
  (EPOC_FIELDS as readonly string[]).includes(f);

interface Amendment {
  field: string;
  value: string;
  amended_at: string;
}

/** The validating authority an amendment names: JSON `{name, function, fileReference}`; '' clears. */
function validatorOf(value: string): EpocAuthority | null {
  if (value === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return failWith('BAD_INPUT', 'epoc.validatorJson');
  }
  const v = EpocAuthority.safeParse(parsed);
  return v.success ? v.data : failWith('BAD_INPUT', 'epoc.validatorJson');
}

const textOf = (e: Epoc, field: EpocField): string =>
  field === 'epoc.validatingAuthority'
    ? e.validatingAuthority
      ? JSON.stringify(e.validatingAuthority)
      : ''
    : field === 'epoc.addressee'
      ? e.addressee
      : field === 'epoc.issuingAuthority.name'
        ? e.issuingAuthority.name
        : e.issuingAuthority.fileReference;

/** `e` with amendment `a`; an emptied validator brings back the reason the certificate gave. */
function applied(e: Epoc, a: { field: EpocField; value: string }, logged: Epoc): Epoc {
  switch (a.field) {
    case 'epoc.validatingAuthority': {
      const v = validatorOf(a.value);
      return {
        ...e,
        validatingAuthority: v,
        noValidationReason: v ? null : logged.noValidationReason,
      };
    }
    case 'epoc.addressee':
      return { ...e, addressee: a.value };
    case 'epoc.issuingAuthority.name':
      return { ...e, issuingAuthority: { ...e.issuingAuthority, name: a.value } };
    case 'epoc.issuingAuthority.fileReference':
      return { ...e, issuingAuthority: { ...e.issuingAuthority, fileReference: a.value } };
  }
}

const loggedEpoc = (db: Db, requestId: number): Epoc | null => {
  const row = db
    .prepare('SELECT certificate FROM request_epoc WHERE request_id = ?')
    .get(requestId) as { certificate: string } | undefined;
  return row ? Epoc.parse(JSON.parse(row.certificate)) : null;
};

const epocAmendments = (db: Db, requestId: number) =>
  (
    db
      .prepare(
        `SELECT field, value, amended_at FROM amendment WHERE request_id = ? AND field LIKE 'epoc.%' ORDER BY id`,
      )
      .all(requestId) as Amendment[]
  ).filter((a): a is Amendment & { field: EpocField } => isEpocField(a.field));

/**
 * The text an EPOC field holds now, for an amendment about to change it; refuses a request that
 * came without a certificate, an emptied required field and a validator that is not one.
 */
export function epocFieldBefore(
  db: Db,
  requestId: number,
  field: EpocField,
  value: string,
): string {
  const e = currentEpoc(db, requestId);
  if (!e) return failWith('BAD_INPUT', 'epoc.amendNoEpoc');
  if (field === 'epoc.validatingAuthority') validatorOf(value);
  else if (value === '') failWith('BAD_INPUT', 'amend.required', { field });
  return textOf(e, field);
}

/** The EPOC as it holds now: as logged, with its amendments applied (null: none was logged). */
export function currentEpoc(db: Db, requestId: number): Epoc | null {
  const logged = loggedEpoc(db, requestId);
  if (!logged) return null;
  return epocAmendments(db, requestId).reduce((e, a) => applied(e, a, logged), logged);
}

/**
 * The 48-hour validation of the order: owed when it came as an emergency order without a
 * validating authority whose issuer needs one; met by the amendment that records one.
 */
export function validationOf(
  db: Db,
  requestId: number,
  receivedAt: string,
  nowIso: string,
): EpocValidation | null {
  const logged = loggedEpoc(db, requestId);
  if (!logged) return null;
  const owed =
    logged.emergency &&
    logged.validatingAuthority === null &&
    needsValidation(logged.issuingAuthority.function, logged.categories);
  if (!owed) return { state: 'none', due: null, validatedAt: null, late: false };
  const due = addHours(receivedAt, EPOC_VALIDATION_HOURS);
  const now = currentEpoc(db, requestId)!;
  const recorded = now.validatingAuthority
    ? (epocAmendments(db, requestId)
        .filter((a) => a.field === 'epoc.validatingAuthority' && a.value !== '')
        .at(-1)?.amended_at ?? null)
    : null;
  if (recorded) {
    return { state: 'validated', due, validatedAt: recorded, late: recorded > due };
  }
  return { state: nowIso > due ? 'overdue' : 'pending', due, validatedAt: null, late: false };
}

export function epocView(
  db: Db,
  requestId: number,
  receivedAt: string,
  nowIso: string,
): EpocView | null {
  const certificate = currentEpoc(db, requestId);
  if (!certificate) return null;
  return { certificate, validation: validationOf(db, requestId, receivedAt, nowIso)! };
}
