import type { Annex3Outcome, Annex3Reason } from '../../../../shared/schemas/annex3';
import type { EpocFunction } from '../../../../shared/schemas/epoc';

/** Every label the Annex III form prints, in one language (one file per language). */
export interface Annex3Texts {
  /** BCP 47 tag for the PDF and dates. */
  locale: string;
  /** Luxon format of a date on the form. */
  dateFormat: string;
  annex: string;
  title: string;
  regulation: string;
  intro: string;
  sectionA: string;
  addressee: string;
  sectionB: string;
  issuingState: string;
  issuingAuthority: string;
  issuingReference: string;
  validatingAuthority: string;
  validatingReference: string;
  noValidation: Record<'not_required' | 'emergency_pending_validation', string>;
  dateOfIssue: string;
  dateOfReceipt: string;
  notGiven: string;
  ourReference: string;
  functions: Record<EpocFunction, string>;
  sectionC: string;
  status: string;
  statusOf: Record<Annex3Outcome, string>;
  reasonsIntro: string;
  reasons: Record<Annex3Reason, string>;
  explanation: string;
  clarification: string;
  clarificationNone: string;
  preservation: string;
  preservedYes: string;
  preservedNo: string;
  sectionD: string;
  provider: string;
  address: string;
  email: string;
  phone: string;
  kvk: string;
  contactPerson: string;
  date: string;
  page: (p: number, n: number) => string;
  refLine: (registerNo: string) => string;
  chainLine: (seq: number, hash: string, issued: string) => string;
}
