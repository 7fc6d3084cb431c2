import {
  isNawCategory,
  type DataCategory,
  type IssuerFunction,
  type RequestChannel,
  type Urgency,
} from '../../shared/schemas/terms';
import { type Authority, type LegalBasis } from '../../shared/schemas/catalogue';
import { type CheckFinding } from '../../shared/schemas/requests';
import { catalogueChannel } from './check-channel';
import type { ResolvedItem } from './items';

export interface CheckFacts {
  receivedAt: string;
  channel: RequestChannel;
  urgency: Urgency;
  authority: Authority;
  basis: LegalBasis;
  requesterName: string;
  requesterFunction: IssuerFunction;
  caseReference: string | null;
  categories: DataCategory[];
  verified: boolean;
  /**
   * A call-back: the catalogue channel it named (null: a record from before channels were named).
   * Absent for the other methods.
   */
  callback?: { channel: string | null };
  rcAuthorisation: string | null;
  items: Pick<ResolvedItem, 'kind' | 'port'>[];
}

export interface CheckVerdict {
  /** proceed to matching, or answer with a refusal / referral for the reasons in failures. */
  outcome: 'proceed' | 'refuse' | 'refer';
  failures: CheckFinding[];
  warnings: CheckFinding[];
}

const FUNCTION_NAMES: Record<IssuerFunction, string> = {
  opsporingsambtenaar: 'an opsporingsambtenaar',
  officier_van_justitie: 'an officier van justitie',
  rechter_commissaris: 'a rechter-commissaris',
  intelligence_service: 'an intelligence service (AIVD/MIVD)',
  foreign_judicial_authority: 'a foreign EU judicial authority',
};

/**
 * The checks before any matching: the basis allows every requested category, the
 * issuer's function fits the basis, the required fields are there, the requester was verified.
 * Pure: the same facts always give the same verdict. A request for data the NAW desk does not give
 * (traffic, location, content …) is never matched: it is refused or referred.
 */
export function checkRequest(f: CheckFacts): CheckVerdict {
  const failures: CheckFinding[] = [];
  const warnings: CheckFinding[] = [];
  const b = f.basis;
  const day = f.receivedAt.slice(0, 10);

  if (!f.caseReference) {
    failures.push({
      code: 'missing_case_reference',
      message: 'The request has no case reference (PV/BVH or parketnummer).',
    });
  }
  if (!f.verified) {
    failures.push({
      code: 'not_verified',
      message:
        'The requester was not verified (call-back to a number from the catalogue, known portal or signed document). An unverified request is never disclosed on.',
    });
  }
  const channel = f.verified ? f.callback?.channel : undefined;
  if (channel && !catalogueChannel(f.authority, channel)) {
    failures.push({
      code: 'callback_channel_unknown',
      message: `The call-back was made on ${channel}, which is not (or no longer) a verified channel of ${f.authority.name} in the catalogue; the request counts as not verified until it is verified again.`,
    });
  }
  if (!b.issuers.includes(f.requesterFunction)) {
    failures.push({
      code: 'issuer_not_allowed',
      message: `${b.article} cannot be issued by ${FUNCTION_NAMES[f.requesterFunction]}; it needs ${b.issuers
        .map((i) => FUNCTION_NAMES[i])
        .join(' or ')}.`,
    });
  }
  const outside = f.categories.filter((c) => !b.categories.includes(c));
  if (outside.length > 0) {
    failures.push({
      code: 'category_outside_basis',
      message: `${b.article} does not allow ${outside.join(', ')} (categorie valt buiten grondslag).`,
    });
  }
  const notNaw = f.categories.filter((c) => !isNawCategory(c));
  if (notNaw.length > 0) {
    failures.push({
      code: 'not_naw_data',
      message: `The NAW desk only gives gebruikersgegevens; ${notNaw.join(', ')} data is never looked up here.`,
    });
  }
  if (f.channel === 'phone' && f.urgency !== 'emergency') {
    failures.push({
      code: 'phone_not_emergency',
      message: 'A request by phone is only accepted in an emergency; ask for it in writing.',
    });
  }
  if (b.requiresRcAuthorisation && !f.rcAuthorisation) {
    failures.push({
      code: 'missing_rc_authorisation',
      message: `${b.article} needs the reference of the rechter-commissaris' authorisation.`,
    });
  }
  if (b.validUntil && day >= b.validUntil) {
    failures.push({
      code: 'basis_expired',
      message: `${b.article} no longer applies to requests received from ${b.validUntil}.`,
    });
  }
  const notYet = b.validFrom !== null && day < b.validFrom;
  if (notYet) {
    failures.push({
      code: 'basis_not_yet_applicable',
      message: `${b.article} applies from ${b.validFrom}; refer the request.`,
    });
  }
  if (b.action === 'REFER') {
    failures.push({
      code: 'basis_referred',
      message: `Requests under ${b.article} are referred (legal / traffic team), not answered by the NAW desk.`,
    });
  }
  if (b.action === 'REFUSE') {
    failures.push({
      code: 'basis_refused',
      message: `Requests under ${b.article} are refused at the NAW desk.`,
    });
  }

  if (f.authority.legacy) {
    warnings.push({
      code: 'legacy_authority',
      message: `${f.authority.name} no longer exists${
        f.authority.replacedBy.length ? ` (replaced by ${f.authority.replacedBy.join(', ')})` : ''
      }; a new request in its name is suspect: verify it independently.`,
    });
  }
  if (f.authority.kind === 'intermediary') {
    warnings.push({
      code: 'intermediary_authority',
      message: `${f.authority.name} is an intermediary, not a requester: record the service that issued the request.`,
    });
  }
  if (b.unverified) {
    warnings.push({
      code: 'basis_unverified',
      message: `The catalogue entry for ${b.article} is marked unverified; check it against the official text.`,
    });
  }
  if (f.verified && f.callback?.channel === null) {
    warnings.push({
      code: 'callback_channel_unnamed',
      message:
        'The call-back does not name the catalogue channel it was made on; record the verification again with that channel.',
    });
  }
  if (f.channel === 'phone') {
    warnings.push({
      code: 'written_confirmation_required',
      message: 'An oral request must be confirmed in writing within 3 days.',
    });
  }
  if (f.items.some((i) => i.kind === 'ip')) {
    warnings.push({
      code: 'ip_lookup',
      message:
        'IP look-ups of dynamic or CGNAT addresses can involve logged traffic data; check with legal when in doubt.',
    });
  }

  const referred = b.action === 'REFER' || notYet;
  const outcome =
    b.action === 'REFUSE'
      ? 'refuse'
      : referred
        ? 'refer'
        : failures.length > 0
          ? 'refuse'
          : 'proceed';
  return { outcome, failures, warnings };
}
