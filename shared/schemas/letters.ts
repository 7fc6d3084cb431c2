import { z } from 'zod';
import { DataCategory } from './terms';
import { RegisterNo } from './requests';

/** The disclosure record and its letter: what crosses the boundary. */

export const LetterKind = z.enum(['disclosure', 'no_data', 'refusal']);
export type LetterKind = z.infer<typeof LetterKind>;
export const LetterLanguage = z.enum(['nl', 'en']);

export const SEND_METHODS = ['secure_email', 'portal', 'post', 'by_hand'] as const;
export const SendMethod = z.enum(SEND_METHODS);
export type SendMethod = z.infer<typeof SendMethod>;

const ById = z.object({
  registerNo: RegisterNo,
  /** A record of the request (default: the latest, i.e. the one in force). */
  id: z.number().int().min(1).optional(),
});
export const LetterRef = ById;

export const PreviewInput = z.object({
  registerNo: RegisterNo,
  /** Default: the vault's language setting. */
  language: LetterLanguage.optional(),
  /** Printed under the signatory's name (default "Compliance officer"). */
  signerFunction: z.string().trim().min(1).max(100).optional(),
});
export const IssueInput = PreviewInput;
export const CorrectInput = PreviewInput.extend({
  reason: z.string().trim().min(3, 'Say what the correction corrects.').max(1000),
});
export const MarkSentInput = ById.extend({
  method: SendMethod,
  /** When it was sent: ISO date-time with offset, or local time in Europe/Amsterdam. */
  sentAt: z.string().trim().min(1).max(40),
});

/** One page of the letter as a self-contained SVG image (for <img src="blob:…">). */
export const LetterPages = z.array(z.string());

export const LetterPreview = z.object({
  registerNo: z.string(),
  kind: LetterKind,
  language: LetterLanguage,
  pageCount: z.number().int(),
  sha256: z.string(),
  pages: LetterPages,
  pdfBase64: z.string(),
});
export type LetterPreview = z.infer<typeof LetterPreview>;

export const RecordItem = z.object({
  index: z.number().int(),
  kind: z.enum(['phone', 'ip']),
  value: z.string(),
  moment: z.string(),
  timeZone: z.string(),
  utc: z.string().nullable(),
  outcome: z.enum(['disclosed', 'no_data', 'needs_port', 'unusable', 'conflict', 'not_answered']),
});

/** The disclosure record without the PDF bytes and without the disclosed values. */
export const DisclosureRecord = z.object({
  id: z.number().int(),
  registerNo: z.string(),
  kind: LetterKind,
  language: LetterLanguage,
  authority: z.string(),
  official: z.object({ name: z.string(), function: z.string().nullable() }),
  legalBasis: z.string(),
  caseReference: z.string().nullable(),
  items: z.array(RecordItem),
  /** Categories disclosed and withheld, and how many subscribers' data went out. */
  categories: z.array(DataCategory),
  withheld: z.array(DataCategory),
  disclosedSubscribers: z.number().int(),
  reasons: z.array(z.string()),
  handledBy: z.string(),
  decidedAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  issuedBy: z.string(),
  issuedAt: z.string(),
  chainHead: z.object({ seq: z.number().int(), hash: z.string() }),
  sha256: z.string(),
  size: z.number().int(),
  pageCount: z.number().int(),
  corrects: z.number().int().nullable(),
  correctionReason: z.string().nullable(),
  correctedBy: z.number().int().nullable(),
  sent: z
    .object({ method: SendMethod, at: z.string(), by: z.string(), recordedAt: z.string() })
    .nullable(),
});
export type DisclosureRecord = z.infer<typeof DisclosureRecord>;

/** A reprint: the archived bytes, shown in the app marked as a copy. */
export const ArchivedLetter = z.object({
  record: DisclosureRecord,
  pdfBase64: z.string(),
  pages: LetterPages,
  copy: z.literal(true),
});

export const SaveResult = z.object({ saved: z.boolean(), name: z.string().nullable() });
export const PrintResult = z.object({ printed: z.boolean() });
