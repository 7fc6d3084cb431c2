import { z } from 'zod';

/**
 * The register's vocabulary, shared by the catalogue, the request register and matching: data
 * categories, issuer functions, channels, urgencies, verification methods, statuses and outcomes.
 */

/** Gebruikersgegevens (Sv 126na lid 1): the only categories this desk ever discloses. */
export const NAW_CATEGORIES = [
  'name',
  'address',
  'postcode',
  'city',
  'number',
  'service_type',
] as const;
/** Categories a request may ask for that the NAW desk never matches (refer or refuse). */
export const OTHER_CATEGORIES = [
  'identifying',
  'traffic',
  'location',
  'content',
  'sensitive',
] as const;
export const DATA_CATEGORIES = [...NAW_CATEGORIES, ...OTHER_CATEGORIES] as const;
export const DataCategory = z.enum(DATA_CATEGORIES);
export type DataCategory = z.infer<typeof DataCategory>;
export const isNawCategory = (c: string): boolean =>
  (NAW_CATEGORIES as readonly string[]).includes(c);

/** Shorthands accepted in a category list; each stands for all six NAW categories. */
const NAW_ALIASES = ['naw', 'gebruikersgegevens', 'subscriber'];

/** A list of categories: `["naw"]`, `["name","address"]` or `"name,address"`; deduplicated. */
export const CategoryList = z.preprocess(
  (v) => {
    const list = typeof v === 'string' ? v.split(',') : v;
    if (!Array.isArray(list)) return v;
    const out: unknown[] = [];
    for (const raw of list) {
      const c =
        typeof raw === 'string'
          ? raw
              .trim()
              .toLowerCase()
              .replace(/[\s-]+/g, '_')
          : raw;
      if (c === '') continue;
      for (const x of typeof c === 'string' && NAW_ALIASES.includes(c) ? NAW_CATEGORIES : [c])
        if (!out.includes(x)) out.push(x);
    }
    return out;
  },
  z.array(DataCategory).min(1, 'Name at least one data category.'),
);

export const ISSUER_FUNCTIONS = [
  'opsporingsambtenaar',
  'officier_van_justitie',
  'rechter_commissaris',
  'intelligence_service',
  'foreign_judicial_authority',
] as const;
const ISSUER_ALIASES: Record<string, (typeof ISSUER_FUNCTIONS)[number]> = {
  ovj: 'officier_van_justitie',
  officier: 'officier_van_justitie',
  prosecutor: 'officier_van_justitie',
  public_prosecutor: 'officier_van_justitie',
  rc: 'rechter_commissaris',
  investigating_judge: 'rechter_commissaris',
  police_officer: 'opsporingsambtenaar',
  investigating_officer: 'opsporingsambtenaar',
  aivd: 'intelligence_service',
  mivd: 'intelligence_service',
};
export const IssuerFunction = z.preprocess((v) => {
  if (typeof v !== 'string') return v;
  const k = v
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return ISSUER_ALIASES[k] ?? k;
}, z.enum(ISSUER_FUNCTIONS));
export type IssuerFunction = (typeof ISSUER_FUNCTIONS)[number];

export const REQUEST_CHANNELS = ['email', 'portal', 'post', 'phone', 'epoc'] as const;
export const RequestChannel = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase().replace('e-mail', 'email') : v),
  z.enum(REQUEST_CHANNELS),
);
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

export const URGENCIES = ['normal', 'urgent', 'emergency'] as const;
export const Urgency = z.enum(URGENCIES);
export type Urgency = z.infer<typeof Urgency>;

export const VERIFICATION_METHODS = ['callback', 'known_portal', 'signed_document'] as const;
export const VerificationMethod = z.enum(VERIFICATION_METHODS);

export const REQUEST_STATUSES = [
  'received',
  'checked',
  'matched',
  'awaiting_approval',
  'disclosed',
  'no_data',
  'refused',
  'referred',
] as const;
export const RequestStatus = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.infer<typeof RequestStatus>;
export const FINAL_STATUSES: readonly RequestStatus[] = [
  'disclosed',
  'no_data',
  'refused',
  'referred',
];

export const ItemKind = z.enum(['phone', 'ip']);
export type ItemKind = z.infer<typeof ItemKind>;

export const MATCH_STATUSES = [
  'match',
  'no_match',
  'ambiguous',
  'needs_port',
  'invalid_input',
  'invalid_time',
  'ambiguous_time',
] as const;
export const MatchStatus = z.enum(MATCH_STATUSES);
export type MatchStatus = z.infer<typeof MatchStatus>;

export const BasisAction = z.enum(['HANDLE', 'REFER', 'REFUSE']);
export type BasisAction = z.infer<typeof BasisAction>;

export const DecisionOutcome = z.enum(['disclose', 'no_data', 'refuse', 'referred']);
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;
