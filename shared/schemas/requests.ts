import { z } from 'zod';

/**
 * The request register: what crosses the boundary for logging, checking, matching, deciding and
 * approving a request for subscriber data. The request JSON of `naw-desk request new` is
 * NewRequestInput (documented in docs/REQUEST-JSON.md).
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

const text = (max: number) => z.string().trim().min(1).max(max);

// ---------------------------------------------------------------- catalogue

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

// ---------------------------------------------------------------- request JSON (logging)

export const Requester = z.object({
  name: text(200),
  function: IssuerFunction,
  badge: z.string().trim().max(100).optional(),
  email: z.string().trim().max(200).optional(),
  phone: z.string().trim().max(50).optional(),
});

export const Verification = z.object({
  method: VerificationMethod,
  by: text(100),
  /** When it was verified: an ISO date-time, or local time in Europe/Amsterdam. */
  at: text(40),
  note: z.string().trim().max(2000).optional(),
});
export type Verification = z.infer<typeof Verification>;

export const NewItem = z.object({
  kind: ItemKind,
  value: text(200),
  port: z.union([z.number().int(), z.string().trim().min(1).max(10)]).optional(),
  /** Local date-time (`2025-10-26T02:30`) or with an explicit offset (`…+01:00`). */
  moment: text(40),
  /** IANA zone (default Europe/Amsterdam) or a fixed offset. Ignored when moment has an offset. */
  timeZone: z.string().trim().max(64).optional(),
});
export type NewItem = z.infer<typeof NewItem>;

export const NewRequestInput = z.object({
  /** Catalogue code (e.g. `pol-amsterdam`) or the exact catalogue name. */
  authority: text(200),
  requester: Requester,
  /** Catalogue code (e.g. `sv-126na-1`) or the article (e.g. `Sv 126na lid 1`). */
  legalBasis: text(100),
  caseReference: z.string().trim().max(100).optional(),
  /** ISO date-time with offset, or local time in Europe/Amsterdam. */
  receivedAt: text(40),
  channel: RequestChannel,
  urgency: Urgency.default('normal'),
  deadline: z.string().trim().max(40).optional(),
  categories: CategoryList,
  verification: Verification.optional(),
  rcAuthorisation: z.string().trim().max(100).optional(),
  note: z.string().trim().max(4000).optional(),
  items: z.array(NewItem).min(1, 'A request needs at least one identifier.').max(200),
  /** Token of the original request document (PDF or image) picked or uploaded in this session. */
  documentToken: z.string().max(64).optional(),
});
export type NewRequestInput = z.input<typeof NewRequestInput>;

export const RegisterNo = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{4,}$/, 'A register number looks like 2026-0001.');
export const ByNo = z.object({ registerNo: RegisterNo });

// ---------------------------------------------------------------- outputs

export const DeadlineState = z.enum(['overdue', 'due_soon', 'open', 'closed']);

export const RequestSummary = z.object({
  registerNo: z.string(),
  receivedAt: z.string(),
  channel: z.enum(REQUEST_CHANNELS),
  urgency: Urgency,
  authorityCode: z.string(),
  authorityName: z.string(),
  legalBasisCode: z.string(),
  legalBasisArticle: z.string(),
  caseReference: z.string().nullable(),
  status: RequestStatus,
  deadline: z.string(),
  deadlineState: DeadlineState,
  oral: z.boolean(),
  writtenConfirmationDue: z.string().nullable(),
  writtenConfirmationState: DeadlineState.nullable(),
  itemCount: z.number().int(),
  verified: z.boolean(),
});
export type RequestSummary = z.infer<typeof RequestSummary>;

export const ListRequestsInput = z.object({
  year: z.number().int().min(2000).max(2100).optional(),
  status: RequestStatus.optional(),
  authority: z.string().max(200).optional(),
  legalBasis: z.string().max(100).optional(),
  urgency: Urgency.optional(),
  /** Register number or case reference (part of it). */
  search: z.string().trim().max(100).optional(),
  /** Only requests without a final decision, ordered by deadline. */
  openOnly: z.boolean().optional(),
});

export const TimeCandidate = z.object({
  offset: z.string(),
  offsetMinutes: z.number().int(),
  utc: z.string(),
});

export const NawData = z.object({
  name: z.string(),
  street: z.string().nullable(),
  houseNumber: z.string().nullable(),
  houseNumberAddition: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
});
export type NawData = z.infer<typeof NawData>;

export const Subscriber = NawData.extend({
  customerId: z.string(),
  /** Kind of service of the matched assignment (fixed, mobile, voip; `internet` for IP). */
  serviceType: z.string().nullable(),
  /** The NAW data valid from when, as it was at the moment of interest. */
  versionValidFrom: z.string().nullable(),
  /** Today's NAW data, only where it differs from the data at the moment. */
  current: NawData.nullable(),
});
export type Subscriber = z.infer<typeof Subscriber>;

export const Evidence = z.object({
  table: z.enum(['number_assignment', 'ip_assignment', 'customer_version']),
  id: z.number().int(),
  customerId: z.string(),
  /** The identifier as the record holds it: E.164, or the prefix (with port block for CGNAT). */
  identifier: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  importId: z.number().int().nullable(),
  importFile: z.string().nullable(),
  importSha256: z.string().nullable(),
  importedAt: z.string().nullable(),
});
export type Evidence = z.infer<typeof Evidence>;

export const ItemView = z.object({
  index: z.number().int(),
  kind: ItemKind,
  value: z.string(),
  normalised: z.string().nullable(),
  port: z.number().int().nullable(),
  moment: z.string(),
  timeZone: z.string(),
  /** The instant matched against, or null when the time is invalid or ambiguous. */
  utc: z.string().nullable(),
  timeStatus: z.enum(['ok', 'invalid_input', 'invalid_time', 'ambiguous_time']),
  timeCandidates: z.array(TimeCandidate),
  inputProblem: z.string().nullable(),
});
export type ItemView = z.infer<typeof ItemView>;

export const ItemMatch = z.object({
  index: z.number().int(),
  status: MatchStatus,
  reason: z.string(),
  subscribers: z.array(Subscriber),
  evidence: z.array(Evidence),
  matchedAt: z.string(),
  matchedBy: z.string(),
});
export type ItemMatch = z.infer<typeof ItemMatch>;

export const MatchOutput = z.object({ registerNo: z.string(), items: z.array(ItemMatch) });

export const CheckFinding = z.object({ code: z.string(), message: z.string() });
export type CheckFinding = z.infer<typeof CheckFinding>;
export const CheckOutcome = z.enum(['proceed', 'refuse', 'refer']);
export const CheckResult = z.object({
  outcome: CheckOutcome,
  failures: z.array(CheckFinding),
  warnings: z.array(CheckFinding),
  checkedAt: z.string(),
  checkedBy: z.string(),
});
export type CheckResult = z.infer<typeof CheckResult>;

export const DecisionView = z.object({
  id: z.number().int(),
  outcome: DecisionOutcome,
  items: z.array(z.number().int()),
  categories: z.array(DataCategory),
  withheld: z.array(DataCategory),
  reasons: z.array(z.string()),
  note: z.string().nullable(),
  decidedBy: z.string(),
  decidedAt: z.string(),
  state: z.enum(['pending_approval', 'in_effect', 'rejected']),
});
export const ApprovalView = z.object({
  decisionId: z.number().int(),
  approved: z.boolean(),
  by: z.string(),
  at: z.string(),
  note: z.string().nullable(),
  /** Approved by the same person who decided: the four-eyes setting was off (one-person desk). */
  onePerson: z.boolean(),
});
export const AmendmentView = z.object({
  field: z.string(),
  value: z.string(),
  reason: z.string(),
  by: z.string(),
  at: z.string(),
});
export const RequestEvent = z.object({
  at: z.string(),
  user: z.string(),
  kind: z.string(),
  details: z.record(z.string(), z.unknown()),
});

export const RequestDetail = RequestSummary.extend({
  requester: z.object({
    name: z.string(),
    function: z.enum(ISSUER_FUNCTIONS),
    badge: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  authority: Authority,
  legalBasis: LegalBasis,
  categories: z.array(DataCategory),
  verification: z
    .object({
      method: VerificationMethod,
      by: z.string(),
      at: z.string(),
      note: z.string().nullable(),
    })
    .nullable(),
  rcAuthorisation: z.string().nullable(),
  note: z.string().nullable(),
  writtenConfirmationReceivedAt: z.string().nullable(),
  loggedBy: z.string(),
  loggedAt: z.string(),
  document: z
    .object({ name: z.string(), mime: z.string(), size: z.number().int(), sha256: z.string() })
    .nullable(),
  items: z.array(ItemView),
  check: CheckResult.nullable(),
  matches: z.array(ItemMatch),
  decisions: z.array(DecisionView),
  approvals: z.array(ApprovalView),
  amendments: z.array(AmendmentView),
  events: z.array(RequestEvent),
});
export type RequestDetail = z.infer<typeof RequestDetail>;

export const CreatedRequest = z.object({ registerNo: z.string(), status: RequestStatus });

export const VerifyInput = ByNo.extend({ verification: Verification });
export const ResolveTimeInput = ByNo.extend({
  index: z.number().int().min(1),
  /** The offset the requester meant, e.g. `+01:00`. */
  offset: z.string().trim().max(10),
});
export const DecideInput = ByNo.extend({
  outcome: DecisionOutcome,
  /** For disclose: the item numbers (1-based) to disclose; default every item that matched. */
  items: z.array(z.number().int().min(1)).optional(),
  /** For disclose: the categories to disclose; default every NAW category asked for and allowed. */
  categories: CategoryList.optional(),
  reasons: z.array(z.string().trim().min(1).max(500)).max(20).optional(),
  note: z.string().trim().max(2000).optional(),
});
export const ApproveInput = ByNo.extend({
  approve: z.boolean().default(true),
  note: z.string().trim().max(2000).optional(),
});
export const AmendInput = ByNo.extend({
  field: z.string().trim().min(1).max(60),
  value: z.string().trim().max(2000),
  reason: z.string().trim().min(3, 'Say why the record is amended.').max(2000),
});
export const AttachDocumentInput = ByNo.extend({ token: z.string().min(1).max(64) });
export const DocumentOutput = z.object({
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  base64: z.string(),
});
export const WrittenConfirmationInput = ByNo.extend({ receivedAt: text(40) });

export const Dashboard = z.object({
  open: z.array(RequestSummary),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
  awaitingApproval: z.number().int(),
  confirmationsOverdue: z.number().int(),
});
