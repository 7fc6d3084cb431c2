import {
  EPOC_REGISTER_CATEGORIES,
  isEpocState,
  isTrafficOrContent,
  registerCategoriesOf,
  type EpocView,
} from '../../shared/schemas/epoc';
import type { CheckFinding } from '../../shared/schemas/requests';
import type { DataCategory } from '../../shared/schemas/terms';
import type { MessageParams } from '../../shared/messages';
import { mayValidate, needsValidation } from './epoc';

/** The legal bases a European Production Order is logged under (catalogue codes). */
export const EPOC_BASES = ['eu-epoc-subscriber', 'eu-epoc-traffic'] as const;
export const isEpocBasis = (code: string) => (EPOC_BASES as readonly string[]).includes(code);

export interface EpocFacts {
  epoc: EpocView | null;
  basisCode: string;
  channel: string;
  categories: DataCategory[];
  items: { kind: 'phone' | 'ip' }[];
}

export interface EpocVerdict {
  failures: CheckFinding[];
  warnings: CheckFinding[];
  /** Traffic or content data ordered: referred, never matched. */
  refer: boolean;
}

type Finding = (code: string, params?: MessageParams) => CheckFinding;

/**
 * The checks of a European Production Order (Regulation (EU) 2023/1543): the issuing State is
 * bound by it; the issuer may order these data (Art. 4) or was validated by one who may; a
 * non-judicial emergency order awaits its validation within 48 hours (Art. 4(5)); the deadline
 * option fits the data (Art. 10); the register asks for no more than the certificate orders.
 * Traffic and content data are outside the desk: referred. Pure, as checkRequest is.
 */
export function checkEpoc(f: EpocFacts, finding: Finding): EpocVerdict {
  const failures: CheckFinding[] = [];
  const warnings: CheckFinding[] = [];
  const epoc = f.epoc;
  if (!epoc) {
    if (f.channel === 'epoc' || isEpocBasis(f.basisCode)) warnings.push(finding('epoc_missing'));
    return { failures, warnings, refer: false };
  }
  const c = epoc.certificate;
  const state = c.issuingState;
  if (!isEpocState(state)) failures.push(finding('epoc_state_not_bound', { state }));
  else if (state === 'NL') warnings.push(finding('epoc_domestic'));
  if (!isEpocBasis(f.basisCode)) failures.push(finding('epoc_basis_mismatch'));

  const refer = c.categories.some(isTrafficOrContent);
  const issuer = c.issuingAuthority.function;
  const validator = c.validatingAuthority;
  const data = refer ? 'traffic_content' : 'subscriber';
  if (validator && !mayValidate(validator.function, c.categories)) {
    failures.push(finding(`epoc_validator_not_allowed_${data}`, { validator: validator.name }));
  }
  const owed = needsValidation(issuer, c.categories) && !validator;
  const pending = owed && c.emergency && c.noValidationReason === 'emergency_pending_validation';
  if (owed && !pending) {
    failures.push(finding(`epoc_issuer_not_allowed_${data}`, { issuer: c.issuingAuthority.name }));
  }
  const v = epoc.validation;
  if (v.state === 'pending' || v.state === 'overdue') {
    warnings.push(finding('epoc_validation_pending', { due: v.due! }));
  }
  if (v.state === 'validated' && v.late) {
    warnings.push(finding('epoc_validation_late', { due: v.due!, at: v.validatedAt! }));
  }
  if (refer) failures.push(finding('epoc_traffic_referred'));
  else if (c.deadline === 'end_of_10_days') warnings.push(finding('epoc_end_of_10_days'));

  const ordered = registerCategoriesOf(c.categories);
  const more = f.categories.filter((x) => !ordered.includes(x));
  if (more.length > 0) {
    failures.push(finding('epoc_more_than_ordered', { categories: more.join(', ') }));
  }
  if (c.categories.some((x) => EPOC_REGISTER_CATEGORIES[x].length === 0)) {
    warnings.push(finding('epoc_not_held'));
  }
  if (c.categories.includes('identification') && !f.items.some((i) => i.kind === 'ip')) {
    warnings.push(finding('epoc_identification_without_ip'));
  }
  return { failures, warnings, refer };
}
