import { z } from 'zod';
import type { DataCategory } from './terms';

/**
 * A European Production Order Certificate (EPOC, Regulation (EU) 2023/1543, Annex I) as the desk
 * records it: who issued it (section B/I), who validated it or why no one had to, the addressee
 * (section A), the deadline option and emergency (section C), the data categories (section E).
 * The identifiers with their moments or periods and zones (section F) are the request's items.
 * Read by the checks, the deadline, the request page and, later, preservation, the Annex III form
 * and the yearly figures: everything here is typed, nothing is free text that must be parsed.
 */

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * Member States bound by the Regulation (ISO 3166-1 alpha-2): the 27 less Denmark, which does not
 * take part (Protocol No 22); Ireland opted in (Protocol No 21). Greece is GR (the EU writes EL;
 * EL is read as GR).
 */
export const EPOC_STATES = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
] as const;
export type EpocState = (typeof EPOC_STATES)[number];
export const isEpocState = (s: string): s is EpocState =>
  (EPOC_STATES as readonly string[]).includes(s);

/** Two capitals (`DE`); `el` / `EL` is Greece as ISO writes it (`GR`). */
export const IssuingState = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    const s = v.trim().toUpperCase();
    return s === 'EL' ? 'GR' : s;
  },
  z.string().refine((s) => /^[A-Z]{2}$/.test(s), { message: 'epoc.stateFormat' }),
);

/**
 * Who issues or validates (Art. 4): a judge, a court, an investigating judge, a public
 * prosecutor, or another competent authority of the issuing State (whose order is validated).
 */
export const EPOC_FUNCTIONS = [
  'judge',
  'court',
  'investigating_judge',
  'prosecutor',
  'other_competent',
] as const;
export type EpocFunction = (typeof EPOC_FUNCTIONS)[number];
export const EpocFunction = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .trim()
          .toLowerCase()
          .replace(/[\s-]+/g, '_')
          .replace(/^public_prosecutor$/, 'prosecutor')
          .replace(/^other_competent_authority$/, 'other_competent')
      : v,
  z.enum(EPOC_FUNCTIONS),
);
/** Judicial in the sense of Art. 4(2)(a): may order traffic and content data without validation. */
export const JUDGES: readonly EpocFunction[] = ['judge', 'court', 'investigating_judge'];

export const EpocAuthority = z.object({
  name: text(200),
  function: EpocFunction,
  fileReference: text(100),
  /** As the certificate gives them: address, phone, e-mail (section I / J). */
  contact: z.string().trim().max(500).optional(),
});
export type EpocAuthority = z.infer<typeof EpocAuthority>;

/** Section C: as soon as possible and at the latest within 10 days; at the end of 10 days (only
 * for traffic / content when the enforcing State was notified, Art. 10(2)); 8 hours (emergency). */
export const EPOC_DEADLINES = ['asap_10_days', 'end_of_10_days', 'emergency_8_hours'] as const;
export const EpocDeadline = z.enum(EPOC_DEADLINES);
export type EpocDeadline = z.infer<typeof EpocDeadline>;

/** Why no validating authority is named: the issuer needs none, or the emergency validation follows. */
export const NO_VALIDATION_REASONS = ['not_required', 'emergency_pending_validation'] as const;
export const NoValidationReason = z.enum(NO_VALIDATION_REASONS);

/**
 * Section E. Subscriber data (Art. 3(9)) in the sub-categories the certificate ticks; data
 * requested for the sole purpose of identifying the user (Art. 3(10): an IP address, with source
 * port and time, to find who used it); traffic and content data (Art. 3(11), 3(12)), which this
 * desk never matches: they are referred.
 */
export const EPOC_CATEGORIES = [
  'subscriber_identity',
  'subscriber_service',
  'subscriber_registration',
  'subscriber_payment',
  'identification',
  'traffic',
  'content',
] as const;
export type EpocCategory = (typeof EPOC_CATEGORIES)[number];
export const EpocCategory = z.enum(EPOC_CATEGORIES);

/** What each EPOC category asks of the register's categories (shared/schemas/terms.ts). */
export const EPOC_REGISTER_CATEGORIES: Record<EpocCategory, readonly DataCategory[]> = {
  subscriber_identity: ['name', 'address', 'postcode', 'city'],
  subscriber_service: ['number', 'service_type'],
  // Registration details and payment data are subscriber data the NAW desk does not hold.
  subscriber_registration: [],
  subscriber_payment: [],
  // Who used the IP address at that time: the subscriber's name and address.
  identification: ['name', 'address', 'postcode', 'city'],
  traffic: ['traffic'],
  content: ['content'],
};
export const isTrafficOrContent = (c: EpocCategory) => c === 'traffic' || c === 'content';

/** The register categories an EPOC's categories come to (deduplicated, in the register's order). */
export function registerCategoriesOf(categories: readonly EpocCategory[]): DataCategory[] {
  const out: DataCategory[] = [];
  for (const c of categories)
    for (const r of EPOC_REGISTER_CATEGORIES[c]) if (!out.includes(r)) out.push(r);
  return out;
}

/**
 * A production order (EPOC, Annex I) asks for the data; a preservation order (EPOC-PR, Annex II)
 * asks the desk to keep them (Art. 11): its outcome is a hold on the records, never a disclosure.
 */
export const EPOC_KINDS = ['production', 'preservation'] as const;
export const EpocKind = z.enum(EPOC_KINDS);
export type EpocKind = z.infer<typeof EpocKind>;

export const Epoc = z
  .object({
    kind: EpocKind.default('production'),
    issuingState: IssuingState,
    issuingAuthority: EpocAuthority,
    validatingAuthority: EpocAuthority.nullable().default(null),
    noValidationReason: NoValidationReason.nullable().default(null),
    /** The service provider's designated establishment or legal representative addressed. */
    addressee: text(300),
    deadline: EpocDeadline,
    emergency: z.boolean().default(false),
    categories: z.array(EpocCategory).min(1, 'epoc.noCategories').max(EPOC_CATEGORIES.length),
    /** The enforcing State was notified (Art. 8): only for traffic and content data. */
    enforcingStateNotified: z.boolean().default(false),
    /** The date of issue the certificate gives (section L), when it gives one: YYYY-MM-DD. */
    issuedOn: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'epoc.issuedOnFormat')
      .optional(),
  })
  .refine((e) => e.emergency === (e.deadline === 'emergency_8_hours'), {
    message: 'epoc.emergencyDeadline',
    path: ['deadline'],
  })
  .refine((e) => (e.validatingAuthority === null) !== (e.noValidationReason === null), {
    message: 'epoc.validationOrReason',
    path: ['noValidationReason'],
  })
  .refine((e) => e.noValidationReason !== 'emergency_pending_validation' || e.emergency, {
    message: 'epoc.pendingOnlyInEmergency',
    path: ['noValidationReason'],
  })
  .refine((e) => new Set(e.categories).size === e.categories.length, {
    message: 'epoc.categoryTwice',
    path: ['categories'],
  });
export type Epoc = z.output<typeof Epoc>;
export type EpocInput = z.input<typeof Epoc>;

/**
 * The 48-hour validation of an emergency order issued without it (Art. 4(5)), as it stands:
 * `pending` until a validating authority is recorded, `overdue` past the 48 hours, `validated`
 * once recorded (`late` when after the 48 hours); `none` when no validation was owed.
 */
export const EpocValidation = z.object({
  state: z.enum(['none', 'pending', 'overdue', 'validated']),
  due: z.string().nullable(),
  validatedAt: z.string().nullable(),
  late: z.boolean(),
});
export type EpocValidation = z.infer<typeof EpocValidation>;

/** The EPOC of a request as it holds now (amendments applied), with its validation. */
export const EpocView = z.object({
  certificate: z.object({
    kind: EpocKind,
    issuingState: z.string(),
    issuingAuthority: EpocAuthority,
    validatingAuthority: EpocAuthority.nullable(),
    noValidationReason: NoValidationReason.nullable(),
    addressee: z.string(),
    deadline: EpocDeadline,
    emergency: z.boolean(),
    categories: z.array(EpocCategory),
    enforcingStateNotified: z.boolean(),
    issuedOn: z.string().optional(),
  }),
  validation: EpocValidation,
});
export type EpocView = z.infer<typeof EpocView>;
