import {
  isNawCategory,
  type DataCategory,
  type IssuerFunction,
  type RequestChannel,
  type Urgency,
} from '../../shared/schemas/terms';
import { type Authority, type LegalBasis } from '../../shared/schemas/catalogue';
import { coreText, type MessageParams } from '../../shared/messages';
import { type CheckFinding } from '../../shared/schemas/requests';
import { type EpocView } from '../../shared/schemas/epoc';
import { catalogueChannel } from './check-channel';
import { checkEpoc } from './epoc-checks';
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
  /** The European Production Order it came as (null: none recorded); epoc-checks.ts. */
  epoc?: EpocView | null;
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

/** A finding worded by key (`checks.<code>`), with its English text for the CLI and reports. */
const finding = (code: string, params?: MessageParams, variant: string = code): CheckFinding => {
  const key = `checks.${variant}`;
  return { code, message: coreText('en', key, params), key, ...(params ? { params } : {}) };
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
    failures.push(finding('missing_case_reference'));
  }
  if (!f.verified) {
    failures.push(finding('not_verified'));
  }
  const channel = f.verified ? f.callback?.channel : undefined;
  if (channel && !catalogueChannel(f.authority, channel)) {
    failures.push(finding('callback_channel_unknown', { channel, authority: f.authority.name }));
  }
  if (!b.issuers.includes(f.requesterFunction)) {
    failures.push(
      finding('issuer_not_allowed', {
        article: b.article,
        issuer: FUNCTION_NAMES[f.requesterFunction],
        issuers: b.issuers.map((i) => FUNCTION_NAMES[i]).join(' or '),
      }),
    );
  }
  const outside = f.categories.filter((c) => !b.categories.includes(c));
  if (outside.length > 0) {
    failures.push(
      finding('category_outside_basis', { article: b.article, categories: outside.join(', ') }),
    );
  }
  const notNaw = f.categories.filter((c) => !isNawCategory(c));
  if (notNaw.length > 0) {
    failures.push(finding('not_naw_data', { categories: notNaw.join(', ') }));
  }
  if (f.channel === 'phone' && f.urgency !== 'emergency') {
    failures.push(finding('phone_not_emergency'));
  }
  if (b.requiresRcAuthorisation && !f.rcAuthorisation) {
    failures.push(finding('missing_rc_authorisation', { article: b.article }));
  }
  if (b.validUntil && day >= b.validUntil) {
    failures.push(finding('basis_expired', { article: b.article, until: b.validUntil }));
  }
  const notYet = b.validFrom !== null && day < b.validFrom;
  if (notYet) {
    failures.push(finding('basis_not_yet_applicable', { article: b.article, from: b.validFrom! }));
  }
  if (b.action === 'REFER') {
    failures.push(finding('basis_referred', { article: b.article }));
  }
  if (b.action === 'REFUSE') {
    failures.push(finding('basis_refused', { article: b.article }));
  }

  if (f.authority.legacy) {
    warnings.push(
      f.authority.replacedBy.length
        ? finding(
            'legacy_authority',
            { authority: f.authority.name, replacedBy: f.authority.replacedBy.join(', ') },
            'legacy_authority_replaced',
          )
        : finding('legacy_authority', { authority: f.authority.name }),
    );
  }
  if (f.authority.kind === 'intermediary') {
    warnings.push(finding('intermediary_authority', { authority: f.authority.name }));
  }
  if (b.unverified) {
    warnings.push(finding('basis_unverified', { article: b.article }));
  }
  if (f.verified && f.callback?.channel === null) {
    warnings.push(finding('callback_channel_unnamed'));
  }
  if (f.channel === 'phone') {
    warnings.push(finding('written_confirmation_required'));
  }
  if (f.items.some((i) => i.kind === 'ip')) {
    warnings.push(finding('ip_lookup'));
  }
  const epoc = checkEpoc(
    {
      epoc: f.epoc ?? null,
      basisCode: b.code,
      channel: f.channel,
      categories: f.categories,
      items: f.items,
    },
    finding,
  );
  failures.push(...epoc.failures);
  warnings.push(...epoc.warnings);

  const referred = b.action === 'REFER' || notYet || epoc.refer;
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
