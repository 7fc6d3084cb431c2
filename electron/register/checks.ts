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
import { type VerificationGap } from './check-channel';
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
  /**
   * The verification as recorded: why it does not count (check-channel.ts verificationGap; null:
   * it counts) and, for a call-back, the channel it named.
   */
  verification: { gap: VerificationGap | null; channel: string | null };
  rcAuthorisation: string | null;
  items: Pick<ResolvedItem, 'kind' | 'port'>[];
  /** The European Production Order it came as (null: none recorded); epoc-checks.ts. */
  epoc?: EpocView | null;
  /** An HI-1 order: its sender and whether an admin linked it to an authority (null: not HI-1). */
  hi1?: { country: string; identifier: string; linked: boolean } | null;
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

/** The wording of a verification that is recorded but does not count, by why not. */
const GAP_FINDING: Record<Exclude<VerificationGap, 'none'>, string> = {
  callback_unnamed: 'not_verified_callback_unnamed',
  callback_unknown: 'callback_channel_unknown',
  no_document: 'not_verified_no_document',
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
  const gap = f.verification.gap;
  if (gap === 'none') failures.push(finding('not_verified'));
  if (gap !== null && gap !== 'none') {
    // The same state as no verification at all (never disclosed on); the text says what to do.
    const params = { authority: f.authority.name, channel: f.verification.channel ?? '' };
    failures.push(finding('not_verified', params, GAP_FINDING[gap]));
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
  if (f.channel === 'phone') {
    warnings.push(finding('written_confirmation_required'));
  }
  if (f.items.some((i) => i.kind === 'ip')) {
    warnings.push(finding('ip_lookup'));
  }
  // An HI-1 header names its sender but proves nothing: only an admin's link says who it is.
  if (f.hi1 && !f.hi1.linked) {
    failures.push(
      finding('hi1_sender_unknown', { country: f.hi1.country, identifier: f.hi1.identifier }),
    );
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
