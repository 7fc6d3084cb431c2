import { z } from 'zod';
import { RegisterNo } from './requests';

/**
 * The Annex III form of Regulation (EU) 2023/1543: the provider's "information on the
 * impossibility to execute the EPOC", sent back to the issuing authority when the desk refuses an
 * order, has no data for it, or needs a clarification before it can execute it. Section C's
 * reasons, in the form's order (a) … (g).
 */
export const ANNEX3_REASONS = [
  'incomplete',
  'manifest_errors',
  'insufficient_information',
  'not_stored',
  'de_facto_impossible',
  'not_issued_or_validated',
  'other',
] as const;
export type Annex3Reason = (typeof ANNEX3_REASONS)[number];
export const Annex3Reason = z.enum(ANNEX3_REASONS);

/** The letter each reason has on the form: (a) incomplete … (g) other. */
export const ANNEX3_LETTER: Record<Annex3Reason, string> = {
  incomplete: 'a',
  manifest_errors: 'b',
  insufficient_information: 'c',
  not_stored: 'd',
  de_facto_impossible: 'e',
  not_issued_or_validated: 'f',
  other: 'g',
};

/** Reasons the form only makes sense with a written explanation of. */
export const ANNEX3_EXPLAINED: readonly Annex3Reason[] = ['de_facto_impossible', 'other'];

/** What the form answers: the refusal or no-data decision in force, or an open order. */
export const Annex3Outcome = z.enum(['refuse', 'no_data', 'clarify']);
export type Annex3Outcome = z.infer<typeof Annex3Outcome>;

/** The languages the form has texts in; other issuing States get it in English. */
export const Annex3Language = z.enum(['nl', 'en', 'de']);
export type Annex3Language = z.infer<typeof Annex3Language>;

const text = (max: number) => z.string().trim().min(1).max(max);

/** Where a proposed reason came from: a check finding, an item's match, or the decision. */
export const Annex3Source = z.object({
  reason: Annex3Reason,
  from: z.enum(['check', 'match', 'outcome']),
  /** The check finding code, the match status, or the decision outcome. */
  code: z.string(),
});

/** What the desk proposes for the form now: the outcome it answers, the reasons ticked, the language. */
export const Annex3Proposal = z.object({
  registerNo: z.string(),
  /** null: no form can be made now (not an EPOC, or a disclosure / referral / awaiting approval). */
  outcome: Annex3Outcome.nullable(),
  reasons: z.array(Annex3Reason),
  sources: z.array(Annex3Source),
  language: Annex3Language,
  issuingState: z.string().nullable(),
});
export type Annex3Proposal = z.infer<typeof Annex3Proposal>;

export const Annex3IssueInput = z.object({
  registerNo: RegisterNo,
  /** The reasons ticked; default: as proposed from the checks, the matches and the decision. */
  reasons: z.array(Annex3Reason).min(1).max(ANNEX3_REASONS.length).optional(),
  /** Section C: the officer's explanation of the reasons (required for (e) and (g)). */
  explanation: text(2000).optional(),
  /** Section C: the clarification asked of the issuing authority (required for a clarification). */
  clarification: text(2000).optional(),
  /** Section C: whether the data asked for is preserved until the order can be executed. */
  preserved: z.boolean().default(false),
  /** Default: the issuing authority's language when the form has texts in it, else English. */
  language: Annex3Language.optional(),
});

export const Annex3Record = z.object({
  id: z.number().int(),
  registerNo: z.string(),
  outcome: Annex3Outcome,
  reasons: z.array(Annex3Reason),
  explanation: z.string().nullable(),
  clarification: z.string().nullable(),
  preserved: z.boolean(),
  language: Annex3Language,
  issuedBy: z.string(),
  issuedAt: z.string(),
  chainHead: z.object({ seq: z.number().int(), hash: z.string() }),
  sha256: z.string(),
  size: z.number().int(),
  pageCount: z.number().int(),
});
export type Annex3Record = z.infer<typeof Annex3Record>;

export const Annex3Ref = z.object({
  registerNo: RegisterNo,
  /** A form of the request (default: the latest). */
  id: z.number().int().min(1).optional(),
});

export const Annex3Archived = z.object({
  record: Annex3Record,
  pdfBase64: z.string(),
  pages: z.array(z.string()),
});
