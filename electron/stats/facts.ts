import type { IdentifierKind, Outcome, StatsUrgency, YearStats } from '../../shared/schemas/stats';
import { FINAL_STATUSES, type RequestStatus } from '../../shared/schemas/terms';
import type { Db } from '../core/db';
import type { EpocFact, RequestFact } from './compute';
import type { EpocStatsCategory } from '../../shared/schemas/stats';

/**
 * The register (migration 0003) as plain request facts for the statistics: a handful of grouped
 * queries over the years asked for, no customer data beyond the stable ids of disclosed customers
 * (which are only counted).
 *
 * - The year is the register year of the request (its year of receipt in Europe/Amsterdam).
 * - The outcome is the request's status; a disclosure is *partly* disclosed when it leaves out an
 *   item that was asked about or a category that was asked for (withheld).
 * - The decision takes effect when it is made, a disclosure when it is approved.
 * - Sent: the earliest sent_at of the request's letters (disclosure records, migration 0004).
 * - Refusal reasons: the failure codes of the last check; the officer's own reasons count as
 *   `other` unless they are a code (free text is never read out: it may name people).
 * - Failed verification: the last check found the requester not verified.
 */

const REASON_CODE = /^[a-z][a-z0-9_]{1,60}$/;
/**
 * The years asked for. Queries that also filter on status write `+r.status`, so SQLite walks the
 * (year, seq) index for the few years asked instead of the status index over the whole register.
 */
const IN_YEARS = 'r.year BETWEEN ? AND ?';

/**
 * id, received_at, status, urgency, deadline, basis, authority, last check's failures, and the
 * kinds of its items as one letter each: p phone, 4 IPv4, 6 IPv6 (has a colon), c IPv4 with a port
 * (CGNAT). In register order (the year index), so no sort is needed.
 */
type RequestRow = [
  number,
  string,
  string,
  StatsUrgency,
  string | null,
  string,
  string,
  string | null,
  string | null,
];
const REQUESTS_SQL = `
  SELECT r.id, r.received_at, r.status, r.urgency, r.deadline, r.legal_basis_code, r.authority_code,
    (SELECT c.failures FROM request_check c WHERE c.request_id = r.id ORDER BY c.id DESC LIMIT 1),
    (SELECT group_concat(CASE
        WHEN i.kind = 'phone' THEN 'p'
        WHEN instr(coalesce(i.normalised, i.value), ':') > 0 THEN '6'
        WHEN i.port IS NULL THEN '4'
        ELSE 'c' END, '')
      FROM request_item i WHERE i.request_id = r.id)
  FROM request r WHERE ${IN_YEARS} ORDER BY r.year, r.seq`;

/**
 * The decision that gave each decided request its status: the last one of that outcome (a
 * rejected disclosure is followed by a new one). request id, items (disclosed requests), number
 * of withheld categories, reasons (refused requests), decided_at, approved, approved_at.
 */
type DecisionRow = [
  number,
  string | null,
  number,
  string | null,
  string,
  number | null,
  string | null,
];
const DECISIONS_SQL = `
  SELECT r.id,
    CASE WHEN r.status = 'disclosed' THEN d.items END,
    json_array_length(d.withheld),
    CASE WHEN r.status = 'refused' THEN d.reasons END,
    d.decided_at, a.approved, a.approved_at
  FROM request r
  JOIN decision d ON d.id = (
    SELECT max(x.id) FROM decision x
    WHERE x.request_id = r.id AND x.outcome = CASE r.status
      WHEN 'disclosed' THEN 'disclose' WHEN 'refused' THEN 'refuse' ELSE r.status END)
  LEFT JOIN approval a ON a.decision_id = d.id
  WHERE ${IN_YEARS} AND +r.status IN ('disclosed', 'no_data', 'refused', 'referred')`;

/** Customers in the latest match of each item of a disclosed request: request id, idx, customer. */
type CustomerRow = [number, number, string | null];
const DISCLOSED_CUSTOMERS_SQL = `
  SELECT r.id, i.idx, json_extract(s.value, '$.customerId')
  FROM request r
  JOIN request_item i ON i.request_id = r.id
  JOIN match_result m ON m.id = (
    SELECT max(x.id) FROM match_result x WHERE x.request_id = r.id AND x.item_id = i.id)
  JOIN json_each(m.subscribers) s
  WHERE ${IN_YEARS} AND +r.status = 'disclosed'`;

const SENT_SQL = `
  SELECT d.request_id, min(d.sent_at) FROM request r JOIN disclosure d ON d.request_id = r.id
  WHERE ${IN_YEARS} AND d.sent_at IS NOT NULL GROUP BY d.request_id`;

/**
 * The certificate of each EPOC request (migration 0008) and the reasons of its latest Annex III
 * form (migration 0011): request id, issuing State, emergency, certificate JSON, form reasons.
 */
type EpocRow = [number, string, number, string, string | null];
const epocSql = (forms: boolean) => `
  SELECT r.id, e.issuing_state, e.emergency, e.certificate,
    ${
      forms
        ? `(SELECT f.reasons FROM annex3_form f WHERE f.request_id = r.id ORDER BY f.id DESC LIMIT 1)`
        : 'NULL'
    }
  FROM request r JOIN request_epoc e ON e.request_id = r.id WHERE ${IN_YEARS}`;

/** An EPOC category as Art. 28 counts it. */
const EPOC_STATS_CATEGORY: Record<string, EpocStatsCategory> = {
  subscriber_identity: 'subscriber',
  subscriber_service: 'subscriber',
  subscriber_registration: 'subscriber',
  subscriber_payment: 'subscriber',
  identification: 'identification',
  traffic: 'traffic_content',
  content: 'traffic_content',
};

function epocFacts(db: Db, from: number, to: number): Map<number, EpocFact> {
  const out = new Map<number, EpocFact>();
  if (!hasColumns(db, 'request_epoc', ['request_id', 'certificate'])) return out;
  const forms = hasColumns(db, 'annex3_form', ['request_id', 'reasons']);
  for (const [id, state, emergency, certificate, reasons] of rows<EpocRow>(
    db,
    epocSql(forms),
    from,
    to,
  )) {
    let c: { kind?: unknown; categories?: unknown; issuedOn?: unknown } = {};
    try {
      c = JSON.parse(certificate) as typeof c;
    } catch {
      c = {};
    }
    if (c.kind === 'preservation') continue; // an EPOC-PR is not a production order
    const categories = [
      ...new Set(
        (Array.isArray(c.categories) ? c.categories : [])
          .map((x) => EPOC_STATS_CATEGORY[String(x)])
          .filter((x): x is EpocStatsCategory => x !== undefined),
      ),
    ];
    out.set(id, {
      issuingState: state,
      categories,
      emergency: emergency === 1,
      issuedOn:
        typeof c.issuedOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c.issuedOn)
          ? c.issuedOn
          : null,
      annex3Reasons: parseList(reasons).filter((r): r is string => typeof r === 'string'),
    });
  }
  return out;
}

const parseList = (json: string | null | undefined): unknown[] => {
  if (!json || json === '[]') return [];
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
};

const rows = <T>(db: Db, sql: string, from: number, to: number): T[] =>
  db.prepare(sql).raw(true).all(from, to) as T[];

function hasColumns(db: Db, table: string, columns: string[]): boolean {
  const names = new Set(
    (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map(
      (c) => c.name,
    ),
  );
  return columns.every((c) => names.has(c));
}

/** The last check found the requester not verified. */
function failedVerification(failures: string | null): boolean {
  if (failures === null || !failures.includes('not_verified')) return false;
  return parseList(failures).some((f) => (f as { code?: unknown })?.code === 'not_verified');
}

function refusalReasons(checkFailures: string | null, decisionReasons: string | null): string[] {
  const reasons = new Set<string>();
  const fromCheck = new Set<string>();
  for (const f of parseList(checkFailures)) {
    const { code, message } = (f ?? {}) as { code?: unknown; message?: unknown };
    if (typeof message === 'string') fromCheck.add(message);
    if (typeof code === 'string' && REASON_CODE.test(code)) reasons.add(code);
  }
  // The refusal repeats the check's messages, then the officer's own reasons (free text).
  for (const r of parseList(decisionReasons)) {
    if (typeof r !== 'string' || fromCheck.has(r)) continue;
    reasons.add(REASON_CODE.test(r) ? r : 'other');
  }
  return [...reasons];
}

const KIND_OF_LETTER: Record<string, IdentifierKind> = {
  p: 'phone',
  '4': 'ipv4',
  '6': 'ipv6',
  c: 'ipv4_port',
};
const KIND_ORDER = 'p46c';
/** The kinds of a request's items, phone first, then IPv4, IPv6, IPv4 with port. */
const kindList = (letters: string | null): IdentifierKind[] =>
  [...(letters ?? '')]
    .sort((a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b))
    .map((c) => KIND_OF_LETTER[c]!);

export interface RegisterFacts {
  facts: RequestFact[];
  labels: YearStats['labels'];
}

/** The years of the register that have requests, newest first. */
export const registerYears = (db: Db): number[] =>
  db.prepare('SELECT DISTINCT year FROM request ORDER BY year DESC').pluck().all() as number[];

/**
 * The register's requests of the years `from` … `to` (register years, inclusive) as statistics
 * facts, with the catalogue labels.
 */
export function readRequestFacts(db: Db, from = 0, to = 9999): RegisterFacts {
  const requests = rows<RequestRow>(db, REQUESTS_SQL, from, to);

  const decisions = new Map<number, DecisionRow>();
  for (const d of rows<DecisionRow>(db, DECISIONS_SQL, from, to)) {
    if (d[5] !== 0) decisions.set(d[0], d); // 0: the approver rejected it
  }

  const sent = new Map<number, string>();
  if (hasColumns(db, 'disclosure', ['request_id', 'sent_at'])) {
    for (const [id, at] of rows<[number, string]>(db, SENT_SQL, from, to)) sent.set(id, at);
  }

  const customers = new Map<number, Map<number, string[]>>();
  for (const [id, idx, customer] of rows<CustomerRow>(db, DISCLOSED_CUSTOMERS_SQL, from, to)) {
    if (customer === null) continue;
    let byItem = customers.get(id);
    if (!byItem) customers.set(id, (byItem = new Map()));
    const list = byItem.get(idx);
    if (list) list.push(String(customer));
    else byItem.set(idx, [String(customer)]);
  }

  const epocs = epocFacts(db, from, to);

  const facts = requests.map((r): RequestFact => {
    const [id, receivedAt, status, urgency, deadline, basis, authority, failures, kinds] = r;
    const decision = decisions.get(id);
    const items = kindList(kinds);
    let outcome: Outcome = FINAL_STATUSES.includes(status as RequestStatus)
      ? (status as Outcome)
      : 'open';
    let disclosedCustomers: string[] = [];
    if (status === 'disclosed') {
      const disclosed = parseList(decision?.[1]).filter((i): i is number => typeof i === 'number');
      if (decision && (disclosed.length < items.length || decision[2] > 0))
        outcome = 'partly_disclosed';
      const byItem = customers.get(id);
      const which = decision ? disclosed : [...(byItem?.keys() ?? [])];
      disclosedCustomers = which.flatMap((i) => byItem?.get(i) ?? []);
    }
    const open = outcome === 'open';
    return {
      receivedAt,
      decidedAt: open ? null : (decision?.[6] ?? decision?.[4] ?? null),
      sentAt: open ? null : (sent.get(id) ?? null),
      outcome,
      legalBasis: basis,
      authority,
      items,
      urgency,
      deadline,
      refusalReasons: status === 'refused' ? refusalReasons(failures, decision?.[3] ?? null) : [],
      verificationFailed: failedVerification(failures),
      disclosedCustomers,
      ...(epocs.has(id) ? { epoc: epocs.get(id)! } : {}),
    };
  });

  const legalBasis = Object.fromEntries(
    db.prepare('SELECT code, article FROM legal_basis').raw(true).all() as [string, string][],
  );
  const authority = Object.fromEntries(
    db.prepare('SELECT code, name FROM authority').raw(true).all() as [string, string][],
  );
  return { facts, labels: { legalBasis, authority } };
}
