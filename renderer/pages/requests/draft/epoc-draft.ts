import {
  EPOC_CATEGORIES,
  EPOC_FUNCTIONS,
  EPOC_DEADLINES,
  type EpocCategory,
  type EpocDeadline,
  type EpocFunction,
  type EpocInput,
} from '../../../../shared/schemas/epoc';
import type { DraftEpoc } from '../../../../shared/schemas/intake';

/** An authority on the certificate as typed. */
export interface EpocAuthorityDraft {
  name: string;
  function: EpocFunction;
  fileReference: string;
}

/** How the order stands on validation: a validator named, none needed, or one to follow. */
export type EpocValidationChoice = 'validated' | 'not_required' | 'emergency_pending_validation';

/** The EPOC section of the logging form as typed (shared/schemas/epoc.ts is what is sent). */
export interface EpocDraft {
  issuingState: string;
  issuer: EpocAuthorityDraft;
  validation: EpocValidationChoice;
  validator: EpocAuthorityDraft;
  addressee: string;
  deadline: EpocDeadline;
  categories: EpocCategory[];
  enforcingStateNotified: boolean;
}

const authority = (fn: EpocFunction): EpocAuthorityDraft => ({
  name: '',
  function: fn,
  fileReference: '',
});

export const initialEpoc = (): EpocDraft => ({
  issuingState: '',
  issuer: authority('prosecutor'),
  validation: 'not_required',
  validator: authority('judge'),
  addressee: '',
  deadline: 'asap_10_days',
  categories: ['subscriber_identity'],
  enforcingStateNotified: false,
});

/** The section shows for a request that came as an EPOC or is logged under an EPOC basis. */
export const epocShown = (d: { channel: string; basis: string }) =>
  d.channel === 'epoc' || d.basis.startsWith('eu-epoc');

/** The required EPOC fields left empty, by the form's keys (`epocIssuingState` …). */
export function missingEpoc(e: EpocDraft): string[] {
  const out: string[] = [];
  if (!/^[A-Za-z]{2}$/.test(e.issuingState.trim())) out.push('epocIssuingState');
  if (!e.issuer.name.trim()) out.push('epocIssuerName');
  if (!e.issuer.fileReference.trim()) out.push('epocIssuerFileReference');
  if (e.validation === 'validated') {
    if (!e.validator.name.trim()) out.push('epocValidatorName');
    if (!e.validator.fileReference.trim()) out.push('epocValidatorFileReference');
  }
  if (!e.addressee.trim()) out.push('epocAddressee');
  if (e.categories.length === 0) out.push('epocCategories');
  return out;
}

const trimmed = (a: EpocAuthorityDraft) => ({
  name: a.name.trim(),
  function: a.function,
  fileReference: a.fileReference.trim(),
});

/** The request JSON's `epoc` block for the section as typed. */
export function epocInput(e: EpocDraft): EpocInput {
  const validated = e.validation === 'validated';
  return {
    issuingState: e.issuingState.trim().toUpperCase(),
    issuingAuthority: trimmed(e.issuer),
    validatingAuthority: validated ? trimmed(e.validator) : null,
    noValidationReason: e.validation === 'validated' ? null : e.validation,
    addressee: e.addressee.trim(),
    deadline: e.deadline,
    emergency: e.deadline === 'emergency_8_hours',
    categories: EPOC_CATEGORIES.filter((c) => e.categories.includes(c)),
    enforcingStateNotified: e.enforcingStateNotified,
  };
}

const oneOf = <T extends string>(list: readonly T[], v: string | undefined): T | undefined =>
  v !== undefined && (list as readonly string[]).includes(v) ? (v as T) : undefined;

/** The section filled from what intake read of the certificate; the rest as a new one starts. */
export function epocFromDraft(read: DraftEpoc | undefined): EpocDraft {
  const start = initialEpoc();
  if (!read) return start;
  const fill = (a: DraftEpoc['issuingAuthority'], base: EpocAuthorityDraft) => ({
    name: a?.name ?? '',
    function: oneOf(EPOC_FUNCTIONS, a?.function) ?? base.function,
    fileReference: a?.fileReference ?? '',
  });
  return {
    issuingState: read.issuingState ?? '',
    issuer: fill(read.issuingAuthority, start.issuer),
    validation: read.validatingAuthority?.name
      ? 'validated'
      : (read.noValidationReason ?? start.validation),
    validator: fill(read.validatingAuthority, start.validator),
    addressee: read.addressee ?? '',
    deadline: oneOf(EPOC_DEADLINES, read.deadline) ?? start.deadline,
    categories: read.categories?.length ? [...read.categories] : start.categories,
    enforcingStateNotified: false,
  };
}
