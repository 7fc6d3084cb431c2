import { z } from 'zod';
import { EPOC_CATEGORIES, EPOC_DEADLINES, EPOC_FUNCTIONS, NO_VALIDATION_REASONS } from './epoc';

/**
 * Intake: a request document read in as a draft request. The draft has exactly the fields of the
 * request JSON (NewRequestInput, docs/REQUEST-JSON.md) — each one only when the document states it —
 * plus `extraction` (where every value came from, and why where it was a choice) and `warnings`
 * (codes with parameters; the UI words them). `request new` ignores the two extra blocks.
 */

export const DOCUMENT_KINDS = ['eml', 'msg', 'pdf', 'text', 'json', 'hi1'] as const;
export const DocumentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** The most text pasted into the wizard (about 250 pages of a letter). */
export const MAX_PASTED_CHARS = 1_000_000;

export const ExtractInput = z.union([
  /** A picked or uploaded file of this session (or one the CLI named), by token. */
  z.object({ file: z.string().min(1).max(64) }).strict(),
  /** Text pasted from a portal or a mail. */
  z.object({ text: z.string().min(1).max(MAX_PASTED_CHARS) }).strict(),
]);
export type ExtractInput = z.infer<typeof ExtractInput>;

export const WARNING_CODES = [
  /** A required request field could not be read from the document: {field}. */
  'missing_field',
  /** No phone number or IP address to look up was found. */
  'no_identifiers',
  /** More identifiers than a request holds (200): {count}. */
  'too_many_items',
  /** The identifier's moment could not be read: {item}. */
  'missing_moment',
  /** Only a date is given for the identifier, no time of day: {item, date}. */
  'moment_date_only',
  /** Several moments could belong to the identifier; none was chosen: {item}. */
  'moment_unclear',
  /** A period ends on a day without a time, read as that day's start, not through it: {item, date}. */
  'period_end_day',
  /** The moment is stated as approximate ("omstreeks", "around"): {item}. */
  'moment_approximate',
  /** The local time does not exist (spring-forward gap); kept as written: {item, moment, zone}. */
  'invalid_time',
  /** The local time occurred twice (autumn fall-back); kept as written: {item, moment, zone}. */
  'ambiguous_time',
  /** CET/CEST stated where the other was in force in Amsterdam: {item, stated, inForce}. */
  'zone_abbreviation_mismatch',
  /** A number written like a phone number that is not in the numbering plan: {item}. */
  'phone_not_valid',
  /** An address the desk cannot look up (private, loopback, CGNAT-internal …): {item, range}. */
  'ip_not_public',
  /** The authority is an abolished name kept as a legacy alias: {code}. */
  'legacy_authority',
  /** Several authorities are named; the one chosen is in extraction: {chosen, others}. */
  'authority_multiple',
  /** An article is named that the catalogue does not hold: {text}. */
  'legal_basis_not_in_catalogue',
  /** The article named has paragraphs in the catalogue and the document names none: {chosen}. */
  'legal_basis_assumed',
  /** Several catalogue bases are named; the one chosen is in extraction: {chosen, others}. */
  'legal_basis_multiple',
  /** The channel is the default for this kind of document, not stated: {channel}. */
  'channel_assumed',
  /** The deadline is relative ("binnen 24 uur"); not converted: {text}. */
  'deadline_relative',
  /** Categories asked for that the NAW desk never looks up: {categories}. */
  'non_naw_categories',
  /** A (page of a) PDF has no text layer — a scan; its text could not be read: {pages}. */
  'no_text_layer',
  /** An attachment that was not read: {name, reason}. */
  'attachment_skipped',
] as const;
export const WarningCode = z.enum(WARNING_CODES);
export type WarningCode = z.infer<typeof WarningCode>;

/**
 * Why a document is refused (a DeskError BAD_INPUT whose details are `{ reason, params }`);
 * nothing of a refused document is kept.
 */
export const REFUSAL_REASONS = [
  /** Not a mail, Outlook message, PDF, text or request JSON: {type}. */
  'unsupported_type',
  /** Larger than the limit: {maxBytes}. */
  'too_large',
  /** A PDF with a password. */
  'encrypted_pdf',
  /** A PDF that cannot be read. */
  'broken_pdf',
  /** A PDF whose compressed streams unpack to more than the limit (a "zip bomb"): {maxBytes}. */
  'inflates_too_much',
  /** A mail whose MIME structure cannot be read. */
  'malformed_mime',
  /** An Outlook .msg that cannot be read. */
  'broken_msg',
  /** An attachment larger than the limit once decoded: {name, maxBytes}. */
  'attachment_too_large',
  /** More attachments than are read: {max}. */
  'too_many_attachments',
  /** More pages than are read: {max}. */
  'too_many_pages',
  /** Reading took longer, or more memory, than allowed: {seconds} or {megabytes}. */
  'document_too_complex',
  /** Request JSON that does not match NewRequestInput: {issues}. */
  'invalid_request_json',
  /** Nothing in it to read. */
  'empty_document',
] as const;
export const RefusalReason = z.enum(REFUSAL_REASONS);
export type RefusalReason = z.infer<typeof RefusalReason>;

export const IntakeWarning = z.object({
  code: WarningCode,
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type IntakeWarning = z.infer<typeof IntakeWarning>;

/**
 * Where a value came from: the page (1-based, over all pages read: mail body first, then the
 * attachments), the exact text and its character offsets in that page's text (end exclusive).
 * A value that was not read but chosen (a default) has no span, only its reason.
 */
export const SourceSpan = z.object({
  page: z.number().int().min(1).optional(),
  start: z.number().int().min(0).optional(),
  end: z.number().int().min(0).optional(),
  text: z.string().optional(),
  /** Why this value, where it was a choice (e.g. `signature_block`, `list_moment`, `default_zone`). */
  reason: z.string().optional(),
});
export type SourceSpan = z.infer<typeof SourceSpan>;

export const IgnoredCandidate = z.object({
  kind: z.enum(['phone', 'ip']),
  page: z.number().int().min(1),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  text: z.string(),
  /** Why it is not offered as an identifier (e.g. `letterhead`, `contact_context`, `fax`). */
  reason: z.string(),
});
export type IgnoredCandidate = z.infer<typeof IgnoredCandidate>;

export const Extraction = z.object({
  document: z.object({
    kind: DocumentKind,
    pages: z.number().int(),
    /** Where each page came from: `body`, or the name of an attachment. */
    origins: z.array(z.string()),
    /** The date the document is dated (not a field of the request; shown to the officer). */
    documentDate: z.string().optional(),
    /**
     * Each page's text as read, which the spans' offsets point into: the wizard shows the
     * document beside the draft with every source marked. Absent for a request JSON file.
     */
    pageTexts: z.array(z.string()).optional(),
  }),
  /** Field path (`authority`, `requester.name`, `items.0.moment` …) → its source. */
  fields: z.record(z.string(), SourceSpan),
  /** Numbers and addresses in the document that are deliberately not offered, and why. */
  ignored: z.array(IgnoredCandidate),
});
export type Extraction = z.infer<typeof Extraction>;

export const DraftItem = z.object({
  kind: z.enum(['phone', 'ip']),
  value: z.string(),
  port: z.number().int().optional(),
  moment: z.string().optional(),
  /** Instead of a moment: the period the document asks about, `[from, to)` (request JSON `period`). */
  period: z.object({ from: z.string(), to: z.string() }).optional(),
  timeZone: z.string().optional(),
});
export type DraftItem = z.infer<typeof DraftItem>;

const DraftEpocAuthority = z.object({
  name: z.string().optional(),
  function: z.enum(EPOC_FUNCTIONS).optional(),
  fileReference: z.string().optional(),
});
/** What an EPOC certificate states of the request JSON's `epoc` block (shared/schemas/epoc.ts). */
export const DraftEpoc = z.object({
  issuingState: z.string().optional(),
  issuingAuthority: DraftEpocAuthority.optional(),
  validatingAuthority: DraftEpocAuthority.optional(),
  noValidationReason: z.enum(NO_VALIDATION_REASONS).optional(),
  addressee: z.string().optional(),
  deadline: z.enum(EPOC_DEADLINES).optional(),
  emergency: z.boolean().optional(),
  categories: z.array(z.enum(EPOC_CATEGORIES)).optional(),
});
export type DraftEpoc = z.infer<typeof DraftEpoc>;

/** The request JSON, every field optional (only what the document states), plus the two blocks. */
export const Draft = z.object({
  authority: z.string().optional(),
  requester: z
    .object({
      name: z.string().optional(),
      function: z.string().optional(),
      badge: z.string().optional(),
      email: z.string().optional(),
      phone: z.string().optional(),
    })
    .optional(),
  legalBasis: z.string().optional(),
  caseReference: z.string().optional(),
  receivedAt: z.string().optional(),
  channel: z.string().optional(),
  urgency: z.string().optional(),
  deadline: z.string().optional(),
  categories: z.array(z.string()).optional(),
  items: z.array(DraftItem),
  epoc: DraftEpoc.optional(),
  extraction: Extraction,
  warnings: z.array(IntakeWarning),
});
export type Draft = z.infer<typeof Draft>;
