import {
  isNawCategory,
  type DataCategory,
  type IssuerFunction,
  type MatchStatus,
} from '../../shared/schemas/terms';
import { type Evidence, type Subscriber } from '../../shared/schemas/matching';
import type { Organisation } from '../../shared/schemas/settings';
import { createdOrgName, organisationName, readSetting } from '../core/settings';
import { wordedError } from '../core/errors';
import { readLogo } from '../ops/logo';
import { getAuthority, getLegalBasis } from '../catalogue/catalogue';
import { latestDecision, type Decision } from '../register/decisions';
import {
  categoriesOf,
  latestCheck,
  latestMatches,
  loadItems,
  loadRequest,
  type RequestRow,
} from '../register/store';
import type { Db } from '../core/db';
import { checkReason } from './check-reasons';
import type {
  DisclosedData,
  LetterField,
  LetterItem,
  LetterKind,
  LetterLanguage,
  LetterModel,
  Letterhead,
} from './model';

/** Printed function of the requesting official, per language. */
const ISSUER_NAMES: Record<LetterLanguage, Record<IssuerFunction, string>> = {
  nl: {
    opsporingsambtenaar: 'opsporingsambtenaar',
    officier_van_justitie: 'officier van justitie',
    rechter_commissaris: 'rechter-commissaris',
    intelligence_service: 'inlichtingen- en veiligheidsdienst',
    foreign_judicial_authority: 'buitenlandse justitiële autoriteit',
  },
  en: {
    opsporingsambtenaar: 'investigating officer',
    officier_van_justitie: 'public prosecutor',
    rechter_commissaris: 'investigating judge',
    intelligence_service: 'intelligence and security service',
    foreign_judicial_authority: 'foreign judicial authority',
  },
};

export const DEFAULT_SIGNER_FUNCTION = 'Compliance officer';

/** The decision a letter answers; `final` once it took effect (a disclosure: once approved). */
export interface DecisionInForce {
  request: RequestRow;
  decision: Decision;
  kind: LetterKind;
  final: boolean;
}

const KIND: Record<Decision['outcome'], LetterKind | null> = {
  disclose: 'disclosure',
  no_data: 'no_data',
  refuse: 'refusal',
  referred: null,
};

/**
 * The decision a letter is for: the latest decision of the request. Final when it took effect; a
 * disclosure awaiting approval can be previewed, not issued.
 */
export function decisionInForce(db: Db, registerNo: string): DecisionInForce {
  const request = loadRequest(db, registerNo);
  const decision = latestDecision(db, request);
  if (!decision) {
    throw wordedError('CONFLICT', 'letters.noDecision', { no: registerNo });
  }
  const kind = KIND[decision.outcome];
  if (!kind) {
    throw wordedError('CONFLICT', 'letters.referred', { no: registerNo });
  }
  if (decision.state === 'rejected') {
    throw wordedError('CONFLICT', 'letters.noDecisionInForce', {
      no: registerNo,
      status: request.status,
    });
  }
  return { request, decision, kind, final: decision.state === 'in_effect' };
}

/** The letterhead from Settings (organisation, logo); the vault's organisation name as fallback. */
export function readLetterhead(db: Db): Letterhead {
  const org = readSetting(db, 'organisation') as Partial<Organisation> | undefined;
  const or = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : null);
  let logo: Letterhead['logo'] = null;
  try {
    const l = readLogo(db);
    if (l) logo = { mime: l.mime, bytes: Buffer.from(l.base64, 'base64') };
  } catch {
    logo = null; // a damaged logo setting never stops a letter
  }
  return {
    orgName: organisationName(db, createdOrgName(db) ?? 'NAW Desk'),
    address: or(org?.address),
    postcode: or(org?.postcode),
    city: or(org?.city),
    kvk: or(org?.kvk),
    email: or(org?.email),
    phone: or(org?.phone),
    logo,
  };
}

const displayName = (db: Db, user: string): string =>
  (
    db.prepare('SELECT display_name FROM user WHERE name = ?').get(user) as
      { display_name: string } | undefined
  )?.display_name ?? user;

const CATEGORY_FIELDS: Partial<Record<DataCategory, LetterField[]>> = {
  name: ['name'],
  address: ['address', 'country'],
  postcode: ['postcode'],
  city: ['city'],
  number: ['number'],
  service_type: ['service_type'],
};

/** Only the fields of the disclosed categories; everything else is never put in the model. */
export function disclosedData(
  s: Subscriber,
  evidence: Evidence[],
  fallbackNumber: string,
  categories: DataCategory[],
): DisclosedData {
  const street = [s.street, [s.houseNumber, s.houseNumberAddition].filter(Boolean).join(' ')]
    .filter((x) => x && x.trim() !== '')
    .join(' ');
  const assignment = evidence.find(
    (e) =>
      e.customerId === s.customerId &&
      (e.table === 'number_assignment' || e.table === 'ip_assignment'),
  );
  const all: Record<LetterField, string | null> = {
    name: s.name,
    address: street || null,
    country: s.country && !/^(NL|nl|Nederland|Netherlands)$/.test(s.country) ? s.country : null,
    postcode: s.postcode,
    city: s.city,
    number: assignment?.identifier ?? fallbackNumber,
    service_type: s.serviceType,
  };
  const out: DisclosedData = {};
  for (const c of categories) {
    for (const f of CATEGORY_FIELDS[c] ?? []) {
      const v = all[f];
      if (v !== null && v !== '') out[f] = v;
    }
  }
  return out;
}

export interface LetterSource {
  inForce: DecisionInForce;
  model: LetterModel;
  /** Per disclosed item: which customers' data went out (for the record). */
  disclosed: { index: number; customerIds: string[]; data: DisclosedData[] }[];
  categories: DataCategory[];
  withheld: DataCategory[];
}

export interface ModelOptions {
  language: LetterLanguage;
  signer: { userName: string; function: string };
  issuedAt: string;
  chainHead: { seq: number; hash: string };
  timeZone?: string;
  extraRemarks?: string[];
}

/** What the letter says of an item it does not disclose, by the item's match outcome. */
const UNANSWERED: Partial<Record<MatchStatus, LetterItem['outcome']>> = {
  no_match: 'no_data',
  needs_port: 'needs_port',
  ambiguous: 'conflict',
  invalid_input: 'unusable',
  invalid_time: 'unusable',
  ambiguous_time: 'unusable',
};

/** Builds the letter model of a request's decision from the register. */
export function letterFromRegister(db: Db, registerNo: string, o: ModelOptions): LetterSource {
  const inForce = decisionInForce(db, registerNo);
  const { request: r, decision: d, kind } = inForce;
  const approval = d.approval;
  const items = loadItems(db, r.id);
  const matches = new Map(latestMatches(db, r.id).map((m) => [m.index, m]));
  const { items: decidedItems, categories, withheld, reasons } = d;
  const disclosed: LetterSource['disclosed'] = [];

  const letterItems: LetterItem[] = items.map((i) => {
    const m = matches.get(i.idx);
    const base = {
      index: i.idx,
      kind: i.kind,
      value: i.value,
      port: i.port,
      moment: i.moment,
      timeZone: i.time_zone,
      utc: i.utc_ms === null ? null : new Date(i.utc_ms).toISOString(),
      ...(i.period_to !== null
        ? {
            periodTo: {
              moment: i.period_to,
              utc: i.period_to_utc_ms === null ? null : new Date(i.period_to_utc_ms).toISOString(),
            },
          }
        : {}),
    };
    if (kind === 'refusal') return { ...base, outcome: 'not_answered', subscribers: [] };
    if (kind === 'disclosure' && decidedItems.includes(i.idx) && m?.status === 'match') {
      const data = m.subscribers.map((s) =>
        disclosedData(s, m.evidence, i.normalised ?? i.value, categories),
      );
      disclosed.push({
        index: i.idx,
        customerIds: m.subscribers.map((s) => s.customerId),
        data,
      });
      const intervals = m.subscribers.flatMap((s) => (s.interval ? [s.interval] : []));
      return {
        ...base,
        outcome: 'disclosed',
        subscribers: data,
        ...(intervals.length ? { intervals } : {}),
      };
    }
    return { ...base, outcome: (m && UNANSWERED[m.status]) ?? 'not_answered', subscribers: [] };
  });

  const authority = getAuthority(db, r.authority_code);
  const basis = getLegalBasis(db, r.legal_basis_code);
  const approver =
    approval && approval.approved && !approval.onePerson
      ? { name: displayName(db, approval.by), function: o.signer.function }
      : null;
  const model: LetterModel = {
    kind,
    language: o.language,
    registerNo: r.register_no,
    issuedAt: o.issuedAt,
    timeZone: o.timeZone ?? 'Europe/Amsterdam',
    letterhead: readLetterhead(db),
    recipient: {
      authorityName: authority.name,
      officialName: r.requester_name,
      officialFunction: ISSUER_NAMES[o.language][r.requester_function] ?? null,
    },
    request: {
      receivedAt: r.received_at,
      caseReference: r.case_reference,
      legalBasisArticle: basis.article,
      legalBasisName: basis.shortName,
    },
    items: letterItems,
    reasons: [
      ...(kind === 'refusal' ? letterReasons(db, r, basis, reasons, o.language) : []),
      ...(o.extraRemarks ?? []),
    ],
    signatory: { name: displayName(db, o.signer.userName), function: o.signer.function },
    approver,
    chainHead: o.chainHead,
  };
  return { inForce, model, disclosed, categories, withheld };
}

/**
 * The refusal's reasons as the letter prints them: each reason that is a failed check's desk
 * message is worded for the authority in the letter's language (check-reasons.ts); the officer's
 * own reasons are printed as written.
 */
function letterReasons(
  db: Db,
  r: RequestRow,
  basis: { article: string; categories: DataCategory[] },
  reasons: string[],
  language: LetterLanguage,
): string[] {
  const failures = latestCheck(db, r.id)?.failures ?? [];
  const asked = categoriesOf(r);
  const facts = {
    article: basis.article,
    outsideBasis: asked.filter((c) => !basis.categories.includes(c)),
    notNaw: asked.filter((c) => !isNawCategory(c)),
  };
  const out = reasons.map((text) => {
    const failure = failures.find((f) => f.message === text);
    return (failure && checkReason(language, failure.code, facts)) ?? text;
  });
  return [...new Set(out)];
}
