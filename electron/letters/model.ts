/**
 * The letter as plain data: everything render.ts prints, nothing it has to look up. Built from the
 * register (from-register.ts) or by hand in tests. Every string is printed as text, never
 * interpreted.
 */

export const LETTER_KINDS = ['disclosure', 'no_data', 'refusal'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];
export type LetterLanguage = 'nl' | 'en';

/** The gebruikersgegevens a letter can carry (Sv 126na lid 1), in print order. */
export const LETTER_FIELDS = [
  'name',
  'address',
  'postcode',
  'city',
  'country',
  'number',
  'service_type',
] as const;
export type LetterField = (typeof LETTER_FIELDS)[number];

export interface Letterhead {
  orgName: string;
  /** Street and number on one line. */
  address: string | null;
  postcode: string | null;
  city: string | null;
  kvk: string | null;
  email: string | null;
  phone: string | null;
  logo: { mime: 'image/png' | 'image/jpeg' | 'image/svg+xml'; bytes: Buffer } | null;
}

export interface LetterRecipient {
  authorityName: string;
  officialName: string;
  /** The official's function as it should be printed (e.g. "opsporingsambtenaar"). */
  officialFunction: string | null;
}

export interface LetterRequestRef {
  /** When the request was received (ISO instant). */
  receivedAt: string;
  caseReference: string | null;
  /** As printed: "Sv 126na lid 1". */
  legalBasisArticle: string;
  legalBasisName: string;
}

/** One disclosed subscriber: only the fields that were disclosed are present. */
export type DisclosedData = Partial<Record<LetterField, string>>;

export type ItemOutcome =
  /** Data found and disclosed (subscribers non-empty). */
  | 'disclosed'
  /** The identifier was not assigned to a customer at that moment. */
  | 'no_data'
  /** A shared (CGNAT) address without a source port: the user cannot be identified. */
  | 'needs_port'
  /** The identifier or the moment could not be used (invalid, non-existent or twice-occurring time). */
  | 'unusable'
  /** More than one subscriber held it at that moment (a data conflict): not answered. */
  | 'conflict'
  /** Not answered in this letter (not part of the decision, or the request was refused). */
  | 'not_answered';

export interface LetterItem {
  index: number;
  kind: 'phone' | 'ip';
  /** The identifier as the request gave it. */
  value: string;
  port: number | null;
  /** The moment as given (local date-time, no offset) and its zone. */
  moment: string;
  timeZone: string;
  /** The instant it resolved to, or null when it could not be resolved. */
  utc: string | null;
  outcome: ItemOutcome;
  subscribers: DisclosedData[];
  /** A period item: its end as given and the instant it resolved to; absent for a moment item. */
  periodTo?: { moment: string; utc: string | null };
  /**
   * A disclosed period item: the part of the period (ISO instants, `[from, to)`) each entry of
   * `subscribers` covers, in the same order: a holder, or one version of a holder's data.
   */
  intervals?: { from: string; to: string }[];
}

export interface Signatory {
  name: string;
  function: string;
}

export interface LetterModel {
  kind: LetterKind;
  language: LetterLanguage;
  registerNo: string;
  /** The moment of issue (ISO instant): date on the letter and the PDF creation date. */
  issuedAt: string;
  /** Zone the dates of the letter are printed in (the desk's own zone). */
  timeZone: string;
  letterhead: Letterhead;
  recipient: LetterRecipient;
  request: LetterRequestRef;
  items: LetterItem[];
  /** Reasons for a refusal (printed as a list); optional remarks otherwise. */
  reasons: string[];
  signatory: Signatory;
  /** The four-eyes approver, when another person approved the disclosure. */
  approver: Signatory | null;
  /** Audit chain head at the moment of issue: an outside witness of the log. */
  chainHead: { seq: number; hash: string };
}
