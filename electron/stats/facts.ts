import type { IdentifierKind, Outcome, StatsUrgency, YearStats } from '../../shared/schemas/stats';
import type { Db } from '../vault/db';
import type { RequestFact } from './compute';

/**
 * The register (migration 0003) as plain request facts for the statistics: a handful of grouped
 * queries, no customer data beyond the stable ids of disclosed customers (which are only counted).
 *
 * - The outcome is the request's status; a disclosure is *partly* disclosed when it leaves out an
 *   item that was asked about or a category that was asked for (withheld).
 * - The decision takes effect when it is made, a disclosure when it is approved.
 * - Sent: the earliest sent_at of the request's disclosure records, where the letters' table has one.
 * - Refusal reasons: the failure codes of the last check; the officer's own reasons count as
 *   `other` unless they are a code (free text is never read out: it may name people).
 * - Failed verification: the last check found the requester not verified.
 */

const OPEN_STATUSES = new Set(['received', 'checked', 'matched', 'awaiting_approval']);
const DECISION_FOR: Record<string, string> = {
  disclosed: 'disclose',
  no_data: 'no_data',
  refused: 'refuse',
  referred: 'referred',
};
const REASON_CODE = /^[a-z][a-z0-9_]{1,60}$/;

interface RequestRow {
  id: number;
  received_at: string;
  status: string;
  urgency: StatsUrgency;
  deadline: string | null;
  legal_basis_code: string;
  authority_code: string;
  phone: number;
  ipv4: number;
  ipv6: number;
  ipv4_port: number;
  not_verified: number;
  check_failures: string | null;
}

interface DecisionRow {
  id: number;
  request_id: number;
  outcome: string;
  items: string;
  withheld: string;
  reasons: string;
  decided_at: string;
  approved: number | null;
  approved_at: string | null;
}

const REQUESTS_SQL = `
  WITH kinds AS (
    SELECT request_id,
      SUM(kind = 'phone') AS phone,
      SUM(kind = 'ip' AND instr(coalesce(normalised, value), ':') = 0 AND port IS NULL) AS ipv4,
      SUM(kind = 'ip' AND instr(coalesce(normalised, value), ':') > 0) AS ipv6,
      SUM(kind = 'ip' AND instr(coalesce(normalised, value), ':') = 0 AND port IS NOT NULL) AS ipv4_port
    FROM request_item GROUP BY request_id
  ),
  last_check AS (
    SELECT request_id, failures FROM request_check
    WHERE id IN (SELECT max(id) FROM request_check GROUP BY request_id)
  )
  SELECT r.id, r.received_at, r.status, r.urgency, r.deadline, r.legal_basis_code,
    r.authority_code,
    coalesce(k.phone, 0) AS phone, coalesce(k.ipv4, 0) AS ipv4, coalesce(k.ipv6, 0) AS ipv6,
    coalesce(k.ipv4_port, 0) AS ipv4_port,
    coalesce((SELECT 1 FROM json_each(c.failures) f
              WHERE json_extract(f.value, '$.code') = 'not_verified'), 0) AS not_verified,
    CASE WHEN r.status = 'refused' THEN c.failures END AS check_failures
  FROM request r
  LEFT JOIN kinds k ON k.request_id = r.id
  LEFT JOIN last_check c ON c.request_id = r.id
  ORDER BY r.id`;

const DECISIONS_SQL = `
  SELECT d.id, d.request_id, d.outcome, d.items, d.withheld, d.reasons, d.decided_at,
    a.approved, a.approved_at
  FROM decision d JOIN request r ON r.id = d.request_id
  LEFT JOIN approval a ON a.decision_id = d.id
  WHERE r.status IN ('disclosed', 'no_data', 'refused', 'referred')
  ORDER BY d.id`;

/** Customers in the latest match of each item of a disclosed request. */
const DISCLOSED_CUSTOMERS_SQL = `
  SELECT i.request_id, i.idx, json_extract(s.value, '$.customerId') AS customer
  FROM match_result m
  JOIN request_item i ON i.id = m.item_id
  JOIN request r ON r.id = i.request_id AND r.status = 'disclosed'
  JOIN json_each(m.subscribers) s
  WHERE m.id = (SELECT max(m2.id) FROM match_result m2 WHERE m2.item_id = m.item_id)`;

const parseList = (json: string | null): unknown[] => {
  if (!json) return [];
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
};

function hasColumns(db: Db, table: string, columns: string[]): boolean {
  const names = new Set(
    (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map(
      (c) => c.name,
    ),
  );
  return columns.every((c) => names.has(c));
}

/** When each request's answer was first sent, from the letters' disclosure records (if any). */
function sentTimes(db: Db): Map<number, string> {
  const out = new Map<number, string>();
  if (!hasColumns(db, 'disclosure', ['request_id', 'sent_at'])) return out;
  const rows = db
    .prepare(
      `SELECT request_id, min(sent_at) AS sent_at FROM disclosure
       WHERE sent_at IS NOT NULL GROUP BY request_id`,
    )
    .all() as { request_id: number; sent_at: string }[];
  for (const r of rows) out.set(r.request_id, r.sent_at);
  return out;
}

/** The decision that gave the request its final status: the last one of that outcome in effect. */
function finalDecisions(db: Db, statusOf: Map<number, string>): Map<number, DecisionRow> {
  const out = new Map<number, DecisionRow>();
  for (const d of db.prepare(DECISIONS_SQL).all() as DecisionRow[]) {
    if (DECISION_FOR[statusOf.get(d.request_id) ?? ''] !== d.outcome) continue;
    if (d.approved === 0) continue; // rejected by the approver
    out.set(d.request_id, d);
  }
  return out;
}

function refusalReasons(checkFailures: string | null, decision: DecisionRow | undefined): string[] {
  const reasons = new Set<string>();
  const fromCheck = new Set<string>();
  for (const f of parseList(checkFailures)) {
    const { code, message } = (f ?? {}) as { code?: unknown; message?: unknown };
    if (typeof message === 'string') fromCheck.add(message);
    if (typeof code === 'string' && REASON_CODE.test(code)) reasons.add(code);
  }
  // The refusal repeats the check's messages, then the officer's own reasons (free text).
  for (const r of parseList(decision?.reasons ?? null)) {
    if (typeof r !== 'string' || fromCheck.has(r)) continue;
    reasons.add(REASON_CODE.test(r) ? r : 'other');
  }
  return [...reasons];
}

export interface RegisterFacts {
  facts: RequestFact[];
  labels: YearStats['labels'];
}

/** Every request of the register as statistics facts, with the catalogue labels. */
export function readRequestFacts(db: Db): RegisterFacts {
  const requests = db.prepare(REQUESTS_SQL).all() as RequestRow[];
  const statusOf = new Map(requests.map((r) => [r.id, r.status]));
  const decisions = finalDecisions(db, statusOf);
  const sent = sentTimes(db);

  const customers = new Map<number, Map<number, string[]>>();
  for (const row of db.prepare(DISCLOSED_CUSTOMERS_SQL).all() as {
    request_id: number;
    idx: number;
    customer: string | null;
  }[]) {
    if (row.customer === null) continue;
    let byItem = customers.get(row.request_id);
    if (!byItem) customers.set(row.request_id, (byItem = new Map()));
    const list = byItem.get(row.idx);
    if (list) list.push(String(row.customer));
    else byItem.set(row.idx, [String(row.customer)]);
  }

  const facts: RequestFact[] = requests.map((r) => {
    const decision = decisions.get(r.id);
    const itemCount = r.phone + r.ipv4 + r.ipv6 + r.ipv4_port;
    let outcome: Outcome = OPEN_STATUSES.has(r.status) ? 'open' : (r.status as Outcome);
    let disclosedCustomers: string[] = [];
    if (r.status === 'disclosed') {
      const items = parseList(decision?.items ?? null).filter(
        (i): i is number => typeof i === 'number',
      );
      const withheld = parseList(decision?.withheld ?? null);
      if ((decision && items.length < itemCount) || withheld.length > 0)
        outcome = 'partly_disclosed';
      const byItem = customers.get(r.id);
      const disclosedItems = decision ? items : [...(byItem?.keys() ?? [])];
      disclosedCustomers = disclosedItems.flatMap((i) => byItem?.get(i) ?? []);
    }
    const kinds: IdentifierKind[] = [
      ...Array<IdentifierKind>(r.phone).fill('phone'),
      ...Array<IdentifierKind>(r.ipv4).fill('ipv4'),
      ...Array<IdentifierKind>(r.ipv6).fill('ipv6'),
      ...Array<IdentifierKind>(r.ipv4_port).fill('ipv4_port'),
    ];
    const open = outcome === 'open';
    return {
      receivedAt: r.received_at,
      decidedAt: open ? null : (decision?.approved_at ?? decision?.decided_at ?? null),
      sentAt: open ? null : (sent.get(r.id) ?? null),
      outcome,
      legalBasis: r.legal_basis_code,
      authority: r.authority_code,
      items: kinds,
      urgency: r.urgency,
      deadline: r.deadline,
      refusalReasons: r.status === 'refused' ? refusalReasons(r.check_failures, decision) : [],
      verificationFailed: r.not_verified === 1,
      disclosedCustomers,
    };
  });

  const legalBasis = Object.fromEntries(
    (
      db.prepare('SELECT code, article FROM legal_basis').all() as {
        code: string;
        article: string;
      }[]
    ).map((b) => [b.code, b.article]),
  );
  const authority = Object.fromEntries(
    (db.prepare('SELECT code, name FROM authority').all() as { code: string; name: string }[]).map(
      (a) => [a.code, a.name],
    ),
  );
  return { facts, labels: { legalBasis, authority } };
}
