import { z } from 'zod';
import { BasisAction, DataCategory, ISSUER_FUNCTIONS } from './terms';

// The catalogue as the register reads it: legal bases and authorities with verified channels.

export const LegalBasis = z.object({
  code: z.string(),
  article: z.string(),
  shortName: z.string(),
  issuers: z.array(z.enum(ISSUER_FUNCTIONS)),
  categories: z.array(DataCategory),
  action: BasisAction,
  /** Date of the text this row was checked against (YYYY-MM-DD). */
  versionDate: z.string(),
  /** The basis can be used for requests received from this date (e.g. EPOC from 2026-08-18). */
  validFrom: z.string().nullable(),
  /** The basis ends (e.g. renumbered by the new Wetboek van Strafvordering). */
  validUntil: z.string().nullable(),
  requiresRcAuthorisation: z.boolean(),
  unverified: z.boolean(),
  note: z.string(),
});
export type LegalBasis = z.infer<typeof LegalBasis>;

export const AuthorityContact = z.object({
  kind: z.enum(['phone', 'email', 'portal', 'address']),
  value: z.string(),
  verifiedAt: z.string().nullable(),
  note: z.string(),
});
export const Authority = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['police', 'kmar', 'bod', 'om', 'intelligence', 'intermediary', 'foreign', 'other']),
  /** Abolished name kept as an alias (e.g. Landelijke Eenheid, split into LO and LX on 2024-01-01). */
  legacy: z.boolean(),
  replacedBy: z.array(z.string()),
  /** Verified contact channels, entered and verified by the provider; never taken from a request. */
  contacts: z.array(AuthorityContact),
  note: z.string(),
});
export type Authority = z.infer<typeof Authority>;

/**
 * Editing the legal catalogue and the authorities (Settings, admins). A row a request refers to
 * is never deleted, only deactivated; an inactive row stays readable for the requests that use it
 * but cannot be chosen for a new request. Verified contact channels are entered by the provider
 * after verifying them independently (official directory, a known colleague, a letter on file …),
 * never copied from a request: hijacked police mailboxes send convincing fake "emergencies".
 */

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} can be at most ${max} characters.`);
const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `${label} can be at most ${max} characters.`);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (v: string) =>
  DATE.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v;
export const IsoDate = z.string().trim().refine(isRealDate, 'input.dateFormat');
const OptionalDate = z.preprocess((v) => (v === '' ? null : v), IsoDate.nullable());

/** A code: lower-case letters, digits and dashes (`sv-2-7-3`, `pol-lo`). Never changes once made. */
export const CatalogueCode = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, 'A code needs at least 2 characters.')
  .max(40, 'A code can be at most 40 characters.')
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Use lower-case letters, digits and dashes in a code.');

export const CONTACT_KINDS = AuthorityContact.shape.kind.options;
export const ContactKind = AuthorityContact.shape.kind;
export type ContactKind = z.infer<typeof ContactKind>;

export const AUTHORITY_KINDS = Authority.shape.kind.options;
export const AuthorityKind = Authority.shape.kind;

/** A verified contact channel as stored: who verified it, when and how. */
export const VerifiedContact = AuthorityContact.extend({
  id: z.string(),
  verifiedBy: z.string(),
  verifiedHow: z.string(),
  addedBy: z.string(),
  addedAt: z.string(),
});
export type VerifiedContact = z.infer<typeof VerifiedContact>;

export const CatalogueAuthority = Authority.extend({
  contacts: z.array(VerifiedContact),
  active: z.boolean(),
  /** How many requests refer to it (then it can be deactivated, never removed). */
  requestCount: z.number().int(),
});
export type CatalogueAuthority = z.infer<typeof CatalogueAuthority>;

export const CatalogueLegalBasis = LegalBasis.extend({
  active: z.boolean(),
  requestCount: z.number().int(),
});
export type CatalogueLegalBasis = z.infer<typeof CatalogueLegalBasis>;

export const CatalogueView = z.object({
  authorities: z.array(CatalogueAuthority),
  legalBases: z.array(CatalogueLegalBasis),
});
export type CatalogueView = z.infer<typeof CatalogueView>;

// ---------------------------------------------------------------- authorities

export const AddAuthorityInput = z.object({
  code: CatalogueCode,
  name: text('The name', 200),
  kind: AuthorityKind,
  legacy: z.boolean().default(false),
  note: optionalText('The note', 1000).default(''),
});

export const UpdateAuthorityInput = z.object({
  code: CatalogueCode,
  name: text('The name', 200).optional(),
  kind: AuthorityKind.optional(),
  active: z.boolean().optional(),
  legacy: z.boolean().optional(),
  replacedBy: z.array(CatalogueCode).max(20).optional(),
  note: optionalText('The note', 1000).optional(),
});

export const ByCode = z.object({ code: CatalogueCode });

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const AddContactInput = z
  .object({
    authority: CatalogueCode,
    kind: ContactKind,
    value: text('The contact value', 300),
    verifiedBy: text('Who verified it', 100),
    /** When it was verified: YYYY-MM-DD (not in the future). */
    verifiedAt: IsoDate,
    /** How it was verified, e.g. "official website politie.nl, called the switchboard". */
    verifiedHow: text('How it was verified', 500),
    note: optionalText('The note', 500).default(''),
    /** The admin confirms the channel was verified independently, never taken from a request. */
    independent: z.literal(true, {
      error: 'Confirm that the channel was verified independently, never taken from a request.',
    }),
  })
  .superRefine((c, ctx) => {
    if (c.kind === 'email' && !EMAIL.test(c.value))
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: 'catalogue.emailFormat',
      });
    if (c.kind === 'portal' && !/^https:\/\/[^\s/]+\.[^\s]+$/i.test(c.value))
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: 'catalogue.portalFormat',
      });
  });
export type AddContactInput = z.input<typeof AddContactInput>;

export const RemoveContactInput = z.object({
  authority: CatalogueCode,
  contactId: z.string().min(1).max(40),
  reason: text('The reason', 500),
});

// ---------------------------------------------------------------- legal bases

const Issuers = z
  .array(z.enum(ISSUER_FUNCTIONS))
  .min(1, 'Name at least one function that may issue this basis.');
const Categories = z.array(DataCategory).min(1, 'Name at least one data category.');

const basisFields = {
  article: text('The article', 100),
  shortName: text('The short name', 200),
  issuers: Issuers,
  categories: Categories,
  action: BasisAction,
  versionDate: IsoDate,
  validFrom: OptionalDate,
  validUntil: OptionalDate,
  requiresRcAuthorisation: z.boolean(),
  unverified: z.boolean(),
  /** The text/notes shown with the basis (what it covers, where to route it). */
  note: optionalText('The text', 2000),
};

const datesInOrder = (b: { validFrom?: string | null; validUntil?: string | null }) =>
  !b.validFrom || !b.validUntil || b.validFrom < b.validUntil;
const DATES_IN_ORDER = {
  message: 'catalogue.basisPeriod',
  path: ['validUntil'],
};

export const AddLegalBasisInput = z
  .object({
    code: CatalogueCode,
    ...basisFields,
    validFrom: basisFields.validFrom.default(null),
    validUntil: basisFields.validUntil.default(null),
    requiresRcAuthorisation: z.boolean().default(false),
    unverified: z.boolean().default(false),
    note: basisFields.note.default(''),
  })
  .refine(datesInOrder, DATES_IN_ORDER);
export type AddLegalBasisInput = z.input<typeof AddLegalBasisInput>;

export const UpdateLegalBasisInput = z
  .object({
    code: CatalogueCode,
    ...(Object.fromEntries(Object.entries(basisFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof basisFields]: z.ZodOptional<(typeof basisFields)[K]>;
    }),
    active: z.boolean().optional(),
  })
  .refine(datesInOrder, DATES_IN_ORDER);
export type UpdateLegalBasisInput = z.input<typeof UpdateLegalBasisInput>;
