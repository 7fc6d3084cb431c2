import {
  ANNEX3_REASONS,
  type Annex3Language,
  type Annex3Outcome,
  type Annex3Reason,
} from '../../../shared/schemas/annex3';
import type { MatchStatus } from '../../../shared/schemas/terms';

/**
 * Which Annex III reason (section C) a finding of the desk comes to. The checks (checks.ts,
 * epoc-checks.ts) and the matches say why an order could not be executed in the desk's terms;
 * the form says it in the Regulation's. A code that is not in these tables proposes nothing (a
 * warning, or a fault on our side such as a register that asks more than the order): the officer
 * ticks and explains it by hand.
 */
export const CHECK_REASON: Readonly<Record<string, Annex3Reason>> = {
  // (a) something the certificate must give is missing
  missing_case_reference: 'incomplete',
  epoc_missing: 'incomplete',
  // (f) the order was not issued, or not validated, by an authority that may (Art. 4)
  epoc_issuer_not_allowed_subscriber: 'not_issued_or_validated',
  epoc_issuer_not_allowed_traffic_content: 'not_issued_or_validated',
  epoc_validator_not_allowed_subscriber: 'not_issued_or_validated',
  epoc_validator_not_allowed_traffic_content: 'not_issued_or_validated',
  issuer_not_allowed: 'not_issued_or_validated',
  // (d) data the desk does not store (registration and payment details)
  epoc_not_held: 'not_stored',
  // (g) other reasons, each explained on the form
  epoc_state_not_bound: 'other',
  not_verified: 'other',
  epoc_traffic_referred: 'other',
  not_naw_data: 'other',
};

/** An item the desk could not answer, by its match status. */
export const MATCH_REASON: Readonly<Partial<Record<MatchStatus, Annex3Reason>>> = {
  // nobody held the identifier at that moment: the data is not (or no longer) stored
  no_match: 'not_stored',
  // an identifier that is not one: an obvious error in the certificate
  invalid_input: 'manifest_errors',
  // a shared address without its source port, a moment that does not exist or occurs twice
  needs_port: 'insufficient_information',
  invalid_time: 'insufficient_information',
  ambiguous_time: 'insufficient_information',
};

/** The decision answered: no data is reason (d) by itself. */
export const OUTCOME_REASON: Readonly<Partial<Record<Annex3Outcome, Annex3Reason>>> = {
  no_data: 'not_stored',
};

export interface ProposalFacts {
  outcome: Annex3Outcome;
  /** Codes of the latest check's failures and warnings. */
  findings: string[];
  /** The status of each item's latest match. */
  matches: MatchStatus[];
}

export interface ProposedReason {
  reason: Annex3Reason;
  from: 'check' | 'match' | 'outcome';
  code: string;
}

/** The reasons the form ticks for these facts, each with where it came from, in the form's order. */
export function proposeReasons(f: ProposalFacts): {
  reasons: Annex3Reason[];
  sources: ProposedReason[];
} {
  const sources: ProposedReason[] = [];
  const outcome = OUTCOME_REASON[f.outcome];
  if (outcome) sources.push({ reason: outcome, from: 'outcome', code: f.outcome });
  for (const code of f.findings) {
    const reason = CHECK_REASON[code];
    if (reason) sources.push({ reason, from: 'check', code });
  }
  // A refusal answers the checks; its items were never matched for the answer.
  if (f.outcome !== 'refuse') {
    for (const status of new Set(f.matches)) {
      const reason = MATCH_REASON[status];
      if (reason) sources.push({ reason, from: 'match', code: status });
    }
  }
  const ticked = new Set(sources.map((s) => s.reason));
  return { reasons: ANNEX3_REASONS.filter((r) => ticked.has(r)), sources };
}

/**
 * The language of the issuing authority, where the form has texts in it: Dutch for the
 * Netherlands and Belgium (Dutch is one of Belgium's languages), German for Germany, Austria and
 * Luxembourg; English for every other State (and for Ireland and Malta by their own language).
 */
const STATE_LANGUAGE: Readonly<Record<string, Annex3Language>> = {
  NL: 'nl',
  BE: 'nl',
  DE: 'de',
  AT: 'de',
  LU: 'de',
};
export const languageOfState = (state: string | null): Annex3Language =>
  (state && STATE_LANGUAGE[state]) || 'en';
