import { z } from 'zod';
import {
  CategoryList,
  DataCategory,
  DecisionOutcome,
  ISSUER_FUNCTIONS,
  IssuerFunction,
  ItemKind,
  REQUEST_CHANNELS,
  RequestChannel,
  RequestStatus,
  Urgency,
  VerificationMethod,
} from './terms';
import { Authority, LegalBasis } from './catalogue';
import { ItemMatch } from './matching';
import { Epoc, EpocView } from './epoc';
import { ExpiringHold, HoldView } from './holds';

/**
 * The request register: what crosses the boundary for logging, checking, matching, deciding and
 * approving a request for subscriber data. The request JSON of `naw-desk request new` is
 * NewRequestInput (documented in docs/REQUEST-JSON.md).
 */

const text = (max: number) => z.string().trim().min(1).max(max);

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
  /** A call-back: the authority's verified channel from the catalogue it was made on. */
  channel: z.string().trim().max(200).optional(),
});
export type Verification = z.infer<typeof Verification>;

/** A period of interest, `[from, to)`: each end written as a moment (shared/period.ts). */
export const ItemPeriod = z.object({ from: text(40), to: text(40) });

export const NewItem = z
  .object({
    kind: ItemKind,
    value: text(200),
    port: z.union([z.number().int(), z.string().trim().min(1).max(10)]).optional(),
    /** Local date-time (`2025-10-26T02:30`) or with an explicit offset (`…+01:00`). */
    moment: text(40).optional(),
    /** Instead of a moment: who held it during this period. */
    period: ItemPeriod.optional(),
    /** IANA zone (default Europe/Amsterdam) or a fixed offset. Ignored when moment has an offset. */
    timeZone: z.string().trim().max(64).optional(),
  })
  .refine((i) => (i.moment === undefined) !== (i.period === undefined), {
    message: 'register.momentOrPeriod',
    path: ['moment'],
  });
export type NewItem = z.infer<typeof NewItem>;

/** A field of the request JSON by its path (`authority`, `requester.name`, `items.0.moment`). */
const FieldPath = z
  .string()
  .max(60)
  .regex(/^[a-zA-Z]+(?:\.(?:[a-zA-Z]+|\d{1,3}))*$/, 'a field path such as items.0.moment');

/**
 * Wizard only: how the request was read in from its document, for the audit log. Names of
 * fields, never their values: which ones the document gave, which ones the officer changed.
 */
export const IntakeRecord = z.object({
  /** SHA-256 (hex) of pasted text; a file's hash is that of the stored original document. */
  textSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  /** The fields the draft read from the document. */
  extracted: z.array(FieldPath).max(2000),
  /** The fields the officer changed, added or removed before logging. */
  changed: z.array(FieldPath).max(2000),
});
export type IntakeRecord = z.infer<typeof IntakeRecord>;

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
  items: z.array(NewItem).min(1, 'register.noItems').max(200),
  /**
   * Token of the original request document picked or uploaded in this session: a PDF or image,
   * or a document the wizard reads (mail .eml/.msg, text, request JSON).
   */
  documentToken: z.string().max(64).optional(),
  intake: IntakeRecord.optional(),
  /** A European Production Order (Annex I): shared/schemas/epoc.ts, docs/REQUEST-JSON.md. */
  epoc: Epoc.optional(),
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
  /** An emergency EPOC issued without validation: validated within 48 hours (null: none owed). */
  epocValidationDue: z.string().nullable(),
  epocValidationState: DeadlineState.nullable(),
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
  /**
   * A period item: `moment`, `utc`, `timeStatus` and `timeCandidates` are those of its start; its
   * end is here. Absent for an item that asks for a moment.
   */
  period: z
    .object({
      to: z.string(),
      toUtc: z.string().nullable(),
      toTimeStatus: z.enum(['ok', 'invalid_input', 'invalid_time', 'ambiguous_time']),
      toTimeCandidates: z.array(TimeCandidate),
    })
    .optional(),
});
export type ItemView = z.infer<typeof ItemView>;

/** `message` is English (CLI, reports); `key` and `params` word it in the UI language. */
export const CheckFinding = z.object({
  code: z.string(),
  message: z.string(),
  key: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
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
      /** The catalogue channel a call-back was made on (null: none named, or another method). */
      channel: z.string().nullable(),
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
  /** The European Production Order it came as, amendments applied; null for any other request. */
  epoc: EpocView.nullable(),
  /** The hold a preservation order placed (null: none placed, or not a preservation order). */
  hold: HoldView.nullable(),
  /** A preservation order (EPOC-PR or Sv 126ni): its outcome is a hold, never a disclosure. */
  preservation: z.boolean(),
});
export type RequestDetail = z.infer<typeof RequestDetail>;

export const CreatedRequest = z.object({ registerNo: z.string(), status: RequestStatus });

export const VerifyInput = ByNo.extend({ verification: Verification });
export const ResolveTimeInput = ByNo.extend({
  index: z.number().int().min(1),
  /** The offset the requester meant, e.g. `+01:00`. */
  offset: z.string().trim().max(10),
  /** For a period item: which end occurred twice (default its start, `from`). */
  end: z.enum(['from', 'to']).optional(),
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
  reason: z.string().trim().min(3, 'amend.reasonNeeded').max(2000),
});
/** Extending, converting (Annex V: the production request's number) or releasing a hold. */
export const ExtendHoldInput = ByNo.extend({ note: z.string().trim().max(2000).optional() });
export const ConvertHoldInput = ByNo.extend({
  production: RegisterNo,
  note: z.string().trim().max(2000).optional(),
});
export const ReleaseHoldInput = ByNo.extend({
  reason: z.string().trim().min(3, 'hold.reasonNeeded').max(2000),
});
export const AttachDocumentInput = ByNo.extend({ token: z.string().min(1).max(64) });
export const DocumentOutput = z.object({
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  base64: z.string(),
});
/** The stored original document as text, page by page (a mail: its body, then each attachment). */
export const DocumentText = z.object({
  name: z.string(),
  mime: z.string(),
  sha256: z.string(),
  pages: z.array(z.object({ origin: z.string(), text: z.string() })),
  /** Pages of a PDF without a text layer (a scan): there is no text to show for them. */
  unreadPages: z.array(z.number().int()),
});
export const WrittenConfirmationInput = ByNo.extend({ receivedAt: text(40) });

export const Dashboard = z.object({
  open: z.array(RequestSummary),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
  awaitingApproval: z.number().int(),
  confirmationsOverdue: z.number().int(),
  /** Emergency EPOCs whose 48-hour validation is not recorded (due or overdue). */
  epocValidationsOpen: z.number().int(),
  /** Disclosures awaiting approval decided by someone else (empty unless the user approves). */
  awaitingMyApproval: z.array(RequestSummary),
  /** Live holds ending within HOLD_EXPIRY_NOTICE_DAYS, soonest first. */
  holdsExpiring: z.array(ExpiringHold),
});
