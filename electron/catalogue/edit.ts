import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { normalisePhone } from '../../shared/identifiers';
import type {
  AddAuthorityInput,
  AddContactInput,
  AddLegalBasisInput,
  CatalogueAuthority,
  CatalogueLegalBasis,
  RemoveContactInput,
  UpdateAuthorityInput,
  UpdateLegalBasisInput,
  VerifiedContact,
} from '../../shared/schemas/catalogue';
import type { DeskContext } from '../core/context';
import { wordedError } from '../core/errors';
import { catalogueAuthority, catalogueLegalBasis, catalogueView } from './catalogue';

/**
 * Admin edits of the authorities (with their verified contact channels) and the legal catalogue.
 * Each change runs in one transaction with its audit event, which records the fields before and
 * after. A row that a request refers to is never removed: deactivate it instead.
 */

type Out<S extends z.ZodType> = z.output<S>;

const nextSort = (ctx: DeskContext, table: 'authority' | 'legal_basis'): number =>
  (ctx.db.prepare(`SELECT coalesce(max(sort), 0) + 1 AS n FROM ${table}`).get() as { n: number }).n;

/** The fields of `next` that differ from `before`, as {before, after} for the audit event. */
function diff<T extends object>(before: T, next: Partial<T>) {
  const keys = (Object.keys(next) as (keyof T)[]).filter(
    (k) => next[k] !== undefined && JSON.stringify(next[k]) !== JSON.stringify(before[k]),
  );
  return {
    keys,
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, next[k]])),
  };
}

// ---------------------------------------------------------------- authorities

function assertNameFree(ctx: DeskContext, name: string, except?: string) {
  const clash = catalogueView(ctx.db).authorities.find(
    (a) => a.code !== except && a.name.toLowerCase() === name.toLowerCase(),
  );
  if (clash) {
    throw wordedError('CONFLICT', 'catalogue.authorityNameTaken', {
      name: clash.name,
      code: clash.code,
    });
  }
}

export function addAuthority(
  ctx: DeskContext,
  input: Out<typeof AddAuthorityInput>,
): CatalogueAuthority {
  const db = ctx.db;
  if (db.prepare('SELECT 1 FROM authority WHERE code = ?').get(input.code)) {
    throw wordedError('CONFLICT', 'catalogue.codeTaken', { code: input.code });
  }
  assertNameFree(ctx, input.name);
  db.transaction(() => {
    db.prepare(
      `INSERT INTO authority (code, name, kind, legacy, replaced_by, contacts, note, sort, active)
       VALUES (?, ?, ?, ?, '[]', '[]', ?, ?, 1)`,
    ).run(
      input.code,
      input.name,
      input.kind,
      input.legacy ? 1 : 0,
      input.note,
      nextSort(ctx, 'authority'),
    );
    ctx.audit('catalogue.authority.added', `authority:${input.code}`, {
      after: { name: input.name, kind: input.kind, legacy: input.legacy, note: input.note },
    });
  })();
  return catalogueAuthority(db, input.code);
}

export function updateAuthority(
  ctx: DeskContext,
  input: Out<typeof UpdateAuthorityInput>,
): CatalogueAuthority {
  const db = ctx.db;
  const before = catalogueAuthority(db, input.code);
  const { code, ...fields } = input;
  if (fields.name !== undefined) assertNameFree(ctx, fields.name, code);
  if (fields.replacedBy) {
    const known = new Set(catalogueView(db).authorities.map((a) => a.code));
    const unknown = fields.replacedBy.filter((c) => !known.has(c) || c === code);
    if (unknown.length) {
      throw wordedError('BAD_INPUT', 'catalogue.replacedByUnknown', { codes: unknown.join(', ') });
    }
  }
  const change = diff(before, fields);
  if (change.keys.length === 0) return before;
  const after = { ...before, ...fields };
  db.transaction(() => {
    db.prepare(
      `UPDATE authority SET name = ?, kind = ?, active = ?, legacy = ?, replaced_by = ?, note = ?
       WHERE code = ?`,
    ).run(
      after.name,
      after.kind,
      after.active ? 1 : 0,
      after.legacy ? 1 : 0,
      JSON.stringify(after.replacedBy),
      after.note,
      code,
    );
    ctx.audit('catalogue.authority.changed', `authority:${code}`, {
      before: change.before,
      after: change.after,
    });
  })();
  return catalogueAuthority(db, code);
}

export function removeAuthority(ctx: DeskContext, code: string): { done: true } {
  const before = catalogueAuthority(ctx.db, code);
  if (before.requestCount > 0) {
    throw wordedError('CONFLICT', 'catalogue.authorityInUse', {
      count: before.requestCount,
      name: before.name,
    });
  }
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM authority WHERE code = ?').run(code);
    const { requestCount: _n, ...row } = before;
    ctx.audit('catalogue.authority.removed', `authority:${code}`, { before: row, after: null });
  })();
  return { done: true };
}

// ---------------------------------------------------------------- contact channels

function contactValue(kind: VerifiedContact['kind'], value: string): string {
  if (kind !== 'phone') return value;
  const p = normalisePhone(value);
  if (!p.ok) throw wordedError('BAD_INPUT', 'catalogue.contactInvalid', { reason: p.reason });
  return p.value.e164;
}

const writeContacts = (ctx: DeskContext, code: string, contacts: VerifiedContact[]) =>
  ctx.db
    .prepare('UPDATE authority SET contacts = ? WHERE code = ?')
    .run(JSON.stringify(contacts), code);

export function addContact(
  ctx: DeskContext,
  input: Out<typeof AddContactInput>,
): CatalogueAuthority {
  const before = catalogueAuthority(ctx.db, input.authority);
  // The desk's own calendar day (a date typed just after midnight in Amsterdam is not "future").
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
    ctx.now(),
  );
  if (input.verifiedAt > today) {
    throw wordedError('BAD_INPUT', 'catalogue.verifiedInFuture');
  }
  const value = contactValue(input.kind, input.value);
  if (before.contacts.some((c) => c.kind === input.kind && c.value === value)) {
    throw wordedError('CONFLICT', 'catalogue.contactExists', {
      name: before.name,
      kind: input.kind,
    });
  }
  const contact: VerifiedContact = {
    id: randomUUID().slice(0, 8),
    kind: input.kind,
    value,
    verifiedAt: input.verifiedAt,
    verifiedBy: input.verifiedBy,
    verifiedHow: input.verifiedHow,
    note: input.note,
    addedBy: ctx.user.name,
    addedAt: ctx.nowIso(),
  };
  ctx.db.transaction(() => {
    writeContacts(ctx, input.authority, [...before.contacts, contact]);
    ctx.audit('catalogue.contact.added', `authority:${input.authority}`, {
      before: null,
      after: contact,
    });
  })();
  return catalogueAuthority(ctx.db, input.authority);
}

export function removeContact(
  ctx: DeskContext,
  input: Out<typeof RemoveContactInput>,
): CatalogueAuthority {
  const before = catalogueAuthority(ctx.db, input.authority);
  const contact = before.contacts.find((c) => c.id === input.contactId);
  if (!contact) {
    throw wordedError('NOT_FOUND', 'catalogue.contactUnknown', { name: before.name });
  }
  ctx.db.transaction(() => {
    writeContacts(
      ctx,
      input.authority,
      before.contacts.filter((c) => c.id !== contact.id),
    );
    ctx.audit('catalogue.contact.removed', `authority:${input.authority}`, {
      before: contact,
      after: null,
      reason: input.reason,
    });
  })();
  return catalogueAuthority(ctx.db, input.authority);
}

// ---------------------------------------------------------------- legal bases

const squash = (s: string) => s.toLowerCase().replace(/[\s.]+/g, '');

function assertArticleFree(ctx: DeskContext, article: string, except?: string) {
  const clash = catalogueView(ctx.db).legalBases.find(
    (b) => b.code !== except && b.active && squash(b.article) === squash(article),
  );
  if (clash) {
    throw wordedError('CONFLICT', 'catalogue.articleTaken', {
      article: clash.article,
      code: clash.code,
    });
  }
}

const BASIS_COLUMNS = `article = ?, short_name = ?, issuers = ?, categories = ?, action = ?,
  version_date = ?, valid_from = ?, valid_until = ?, requires_rc = ?, unverified = ?, note = ?,
  active = ?`;
const basisValues = (b: Omit<CatalogueLegalBasis, 'code' | 'requestCount'>) => [
  b.article,
  b.shortName,
  JSON.stringify(b.issuers),
  JSON.stringify(b.categories),
  b.action,
  b.versionDate,
  b.validFrom,
  b.validUntil,
  b.requiresRcAuthorisation ? 1 : 0,
  b.unverified ? 1 : 0,
  b.note,
  b.active ? 1 : 0,
];

export function addLegalBasis(
  ctx: DeskContext,
  input: Out<typeof AddLegalBasisInput>,
): CatalogueLegalBasis {
  const db = ctx.db;
  if (db.prepare('SELECT 1 FROM legal_basis WHERE code = ?').get(input.code)) {
    throw wordedError('CONFLICT', 'catalogue.codeTaken', { code: input.code });
  }
  assertArticleFree(ctx, input.article);
  const { code, ...row } = { ...input, active: true };
  db.transaction(() => {
    db.prepare(
      `INSERT INTO legal_basis (code, sort, article, short_name, issuers, categories, action,
         version_date, valid_from, valid_until, requires_rc, unverified, note, active)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(code, nextSort(ctx, 'legal_basis'), ...basisValues(row));
    ctx.audit('catalogue.legalBasis.added', `legal_basis:${code}`, { before: null, after: row });
  })();
  return catalogueLegalBasis(db, code);
}

export function updateLegalBasis(
  ctx: DeskContext,
  input: Out<typeof UpdateLegalBasisInput>,
): CatalogueLegalBasis {
  const db = ctx.db;
  const before = catalogueLegalBasis(db, input.code);
  const { code, ...fields } = input;
  const after = {
    ...before,
    ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)),
  } as CatalogueLegalBasis;
  if (after.validFrom && after.validUntil && after.validFrom >= after.validUntil) {
    throw wordedError('BAD_INPUT', 'catalogue.basisEndsBeforeStart');
  }
  if (fields.article !== undefined || (fields.active && !before.active)) {
    assertArticleFree(ctx, after.article, code);
  }
  const change = diff(before, fields);
  if (change.keys.length === 0) return before;
  db.transaction(() => {
    db.prepare(`UPDATE legal_basis SET ${BASIS_COLUMNS} WHERE code = ?`).run(
      ...basisValues(after),
      code,
    );
    ctx.audit('catalogue.legalBasis.changed', `legal_basis:${code}`, {
      before: change.before,
      after: change.after,
    });
  })();
  return catalogueLegalBasis(db, code);
}

export function removeLegalBasis(ctx: DeskContext, code: string): { done: true } {
  const before = catalogueLegalBasis(ctx.db, code);
  if (before.requestCount > 0) {
    throw wordedError('CONFLICT', 'catalogue.basisInUse', {
      count: before.requestCount,
      article: before.article,
    });
  }
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM legal_basis WHERE code = ?').run(code);
    const { requestCount: _n, ...row } = before;
    ctx.audit('catalogue.legalBasis.removed', `legal_basis:${code}`, { before: row, after: null });
  })();
  return { done: true };
}
