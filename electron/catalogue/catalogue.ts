import type {
  CatalogueAuthority,
  CatalogueLegalBasis,
  CatalogueView,
  VerifiedContact,
} from '../../shared/schemas/catalogue';
import type { Authority, LegalBasis } from '../../shared/schemas/catalogue';
import { wordedError } from '../core/errors';
import type { Db } from '../core/db';

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
  active: number;
}
interface AuthorityRow {
  code: string;
  name: string;
  kind: Authority['kind'];
  legacy: number;
  replaced_by: string;
  contacts: string;
  note: string;
  active: number;
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

/**
 * The catalogue rows a new request may use: active ones only (a deactivated row stays readable
 * through getLegalBasis/getAuthority for the requests that refer to it).
 */
export const listLegalBases = (db: Db): LegalBasis[] =>
  (
    db.prepare('SELECT * FROM legal_basis WHERE active = 1 ORDER BY sort, code').all() as BasisRow[]
  ).map(toBasis);

export const listAuthorities = (db: Db): Authority[] =>
  (
    db
      .prepare('SELECT * FROM authority WHERE active = 1 ORDER BY sort, code')
      .all() as AuthorityRow[]
  ).map(toAuthority);

const countsBy = (db: Db, column: 'authority_code' | 'legal_basis_code'): Map<string, number> =>
  new Map(
    (
      db
        .prepare(`SELECT ${column} AS code, count(*) AS n FROM request GROUP BY ${column}`)
        .all() as {
        code: string;
        n: number;
      }[]
    ).map((r) => [r.code, r.n]),
  );

/** Everything, active or not, with how many requests refer to each row (Settings, admins). */
export function catalogueView(db: Db): CatalogueView {
  const byAuthority = countsBy(db, 'authority_code');
  const byBasis = countsBy(db, 'legal_basis_code');
  return {
    authorities: (
      db.prepare('SELECT * FROM authority ORDER BY sort, code').all() as AuthorityRow[]
    ).map((r) => ({
      ...toAuthority(r),
      contacts: JSON.parse(r.contacts) as VerifiedContact[],
      active: r.active === 1,
      requestCount: byAuthority.get(r.code) ?? 0,
    })),
    legalBases: (
      db.prepare('SELECT * FROM legal_basis ORDER BY sort, code').all() as BasisRow[]
    ).map((r) => ({
      ...toBasis(r),
      active: r.active === 1,
      requestCount: byBasis.get(r.code) ?? 0,
    })),
  };
}

export const catalogueAuthority = (db: Db, code: string): CatalogueAuthority => {
  const a = catalogueView(db).authorities.find((x) => x.code === code);
  if (!a) throw wordedError('NOT_FOUND', 'catalogue.authorityUnknown', { code });
  return a;
};

export const catalogueLegalBasis = (db: Db, code: string): CatalogueLegalBasis => {
  const b = catalogueView(db).legalBases.find((x) => x.code === code);
  if (!b) throw wordedError('NOT_FOUND', 'catalogue.basisUnknown', { code });
  return b;
};

export function getLegalBasis(db: Db, code: string): LegalBasis {
  const r = db.prepare('SELECT * FROM legal_basis WHERE code = ?').get(code) as
    BasisRow | undefined;
  if (!r) throw wordedError('NOT_FOUND', 'catalogue.basisUnknown', { code });
  return toBasis(r);
}

export function getAuthority(db: Db, code: string): Authority {
  const r = db.prepare('SELECT * FROM authority WHERE code = ?').get(code) as
    AuthorityRow | undefined;
  if (!r) throw wordedError('NOT_FOUND', 'catalogue.authorityUnknown', { code });
  return toAuthority(r);
}

const squash = (s: string) => s.toLowerCase().replace(/[\s.]+/g, '');

/** A basis by its code (`sv-126na-1`) or its article as written (`Sv 126na lid 1`). */
export function findLegalBasis(db: Db, given: string): LegalBasis {
  const inactive = catalogueView(db).legalBases.find(
    (b) =>
      !b.active && (b.code === given.trim().toLowerCase() || squash(b.article) === squash(given)),
  );
  if (inactive) {
    throw wordedError('BAD_INPUT', 'catalogue.basisInactive', {
      article: inactive.article,
      code: inactive.code,
    });
  }
  const all = listLegalBases(db);
  const hit =
    all.find((b) => b.code === given.trim().toLowerCase()) ??
    all.find((b) => squash(b.article) === squash(given));
  if (!hit) {
    const near = all.filter((b) => squash(b.article).includes(squash(given))).map((b) => b.code);
    throw near.length
      ? wordedError('BAD_INPUT', 'catalogue.basisNotFoundNear', {
          given: given.slice(0, 60),
          near: near.join(' or '),
        })
      : wordedError('BAD_INPUT', 'catalogue.basisNotFound', { given: given.slice(0, 60) });
  }
  return hit;
}

/** An authority by its code (`pol-amsterdam`) or its exact catalogue name. */
export function findAuthority(db: Db, given: string): Authority {
  const g = given.trim().toLowerCase();
  const inactive = catalogueView(db).authorities.find(
    (a) => !a.active && (a.code === g || a.name.toLowerCase() === g),
  );
  if (inactive) {
    throw wordedError('BAD_INPUT', 'catalogue.authorityInactive', {
      name: inactive.name,
      code: inactive.code,
    });
  }
  const all = listAuthorities(db);
  const hit = all.find((a) => a.code === g) ?? all.find((a) => a.name.toLowerCase() === g);
  if (!hit) {
    throw wordedError('BAD_INPUT', 'catalogue.authorityNotFound', { given: given.slice(0, 60) });
  }
  return hit;
}
