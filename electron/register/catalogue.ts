import type { Authority, LegalBasis } from '../../shared/schemas/requests';
import { DeskError } from '../api/errors';
import type { Db } from '../vault/db';

interface BasisRow {
  code: string;
  article: string;
  short_name: string;
  issuers: string;
  categories: string;
  action: LegalBasis['action'];
  version_date: string;
  valid_from: string | null;
  valid_until: string | null;
  requires_rc: number;
  unverified: number;
  note: string;
}
interface AuthorityRow {
  code: string;
  name: string;
  kind: Authority['kind'];
  legacy: number;
  replaced_by: string;
  contacts: string;
  note: string;
}

const toBasis = (r: BasisRow): LegalBasis => ({
  code: r.code,
  article: r.article,
  shortName: r.short_name,
  issuers: JSON.parse(r.issuers) as LegalBasis['issuers'],
  categories: JSON.parse(r.categories) as LegalBasis['categories'],
  action: r.action,
  versionDate: r.version_date,
  validFrom: r.valid_from,
  validUntil: r.valid_until,
  requiresRcAuthorisation: r.requires_rc === 1,
  unverified: r.unverified === 1,
  note: r.note,
});

const toAuthority = (r: AuthorityRow): Authority => ({
  code: r.code,
  name: r.name,
  kind: r.kind,
  legacy: r.legacy === 1,
  replacedBy: JSON.parse(r.replaced_by) as string[],
  contacts: JSON.parse(r.contacts) as Authority['contacts'],
  note: r.note,
});

export const listLegalBases = (db: Db): LegalBasis[] =>
  (db.prepare('SELECT * FROM legal_basis ORDER BY sort, code').all() as BasisRow[]).map(toBasis);

export const listAuthorities = (db: Db): Authority[] =>
  (db.prepare('SELECT * FROM authority ORDER BY sort, code').all() as AuthorityRow[]).map(
    toAuthority,
  );

export function getLegalBasis(db: Db, code: string): LegalBasis {
  const r = db.prepare('SELECT * FROM legal_basis WHERE code = ?').get(code) as
    BasisRow | undefined;
  if (!r) throw new DeskError('NOT_FOUND', `Legal basis ${code} is not in the catalogue.`);
  return toBasis(r);
}

export function getAuthority(db: Db, code: string): Authority {
  const r = db.prepare('SELECT * FROM authority WHERE code = ?').get(code) as
    AuthorityRow | undefined;
  if (!r) throw new DeskError('NOT_FOUND', `Authority ${code} is not in the catalogue.`);
  return toAuthority(r);
}

const squash = (s: string) => s.toLowerCase().replace(/[\s.]+/g, '');

/** A basis by its code (`sv-126na-1`) or its article as written (`Sv 126na lid 1`). */
export function findLegalBasis(db: Db, given: string): LegalBasis {
  const all = listLegalBases(db);
  const hit =
    all.find((b) => b.code === given.trim().toLowerCase()) ??
    all.find((b) => squash(b.article) === squash(given));
  if (!hit) {
    const near = all.filter((b) => squash(b.article).includes(squash(given))).map((b) => b.code);
    throw new DeskError(
      'BAD_INPUT',
      `legalBasis: "${given.slice(0, 60)}" is not in the catalogue${
        near.length
          ? `; did you mean ${near.join(' or ')}?`
          : '. Use a code such as sv-126na-1 (see Settings → Legal bases).'
      }`,
    );
  }
  return hit;
}

/** An authority by its code (`pol-amsterdam`) or its exact catalogue name. */
export function findAuthority(db: Db, given: string): Authority {
  const all = listAuthorities(db);
  const g = given.trim().toLowerCase();
  const hit = all.find((a) => a.code === g) ?? all.find((a) => a.name.toLowerCase() === g);
  if (!hit) {
    throw new DeskError(
      'BAD_INPUT',
      `authority: "${given.slice(0, 60)}" is not in the catalogue. Use a code such as pol-amsterdam or the exact name (see Settings → Authorities).`,
    );
  }
  return hit;
}
