import type { Evidence } from '../../shared/schemas/matching';
import {
  isLive,
  type ExpiringHold,
  type HeldCounts,
  type HoldState,
  type HoldView,
  type PurgeHold,
} from '../../shared/schemas/holds';
import { FINAL_STATUSES } from '../../shared/schemas/terms';
import { appendAudit } from '../audit/log';
import type { DeskContext } from '../core/context';
import type { Db } from '../core/db';
import { failWith } from '../core/errors';
import { addEvent } from './events';
import { latestMatches, loadRequest, requestSubject, type RequestRow } from './store';

/**
 * Preservation holds (migration 0009). A preservation order is registered, checked and matched
 * like any request; matching it places a hold on exactly the records its match rests on (the
 * evidence: assignments and NAW versions). While the hold lives, retention and purge keep those
 * records. It ends on its date, once extended, or lasts until production once a production order
 * follows, or is released. Expiry is worked out when holds are read (opening a request, the
 * dashboard, the purge): no timer, and an expired hold is audited once, when it is first seen.
 */

/** The Dutch order to preserve: its outcome is a hold (catalogue code; a code never changes). */
export const PRESERVATION_BASES = ['sv-126ni'] as const;

type Regime = HoldView['regime'];

/**
 * How long a hold lasts, counted from receipt of the order, and its one extension:
 * an EPOC-PR 60 days, extendable by 30 (Art. 11(1), Annex VI); Sv 126ni at most 90 days,
 * extendable once by 90.
 */
export const HOLD_TERMS: Readonly<Record<Regime, { days: number; extensionDays: number }>> = {
  epoc: { days: 60, extensionDays: 30 },
  'sv-126ni': { days: 90, extensionDays: 90 },
};
/** The dashboard warns this many days before a hold ends. */
export const HOLD_EXPIRY_NOTICE_DAYS = 10;

const DAY_MS = 86_400_000;
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(iso) + days * DAY_MS).toISOString();

interface HoldRow {
  id: number;
  request_id: number;
  state: HoldState;
  placed_at: string;
  placed_by: string;
  until: string;
  extended_at: string | null;
  extended_by: string | null;
  production_register_no: string | null;
  converted_at: string | null;
  converted_by: string | null;
  ended_at: string | null;
  ended_by: string | null;
  end_reason: 'released' | 'expired' | 'produced' | null;
  end_note: string | null;
}

const epocKind = (db: Db, requestId: number): string | null =>
  (
    db.prepare('SELECT kind FROM request_epoc WHERE request_id = ?').get(requestId) as
      { kind: string } | undefined
  )?.kind ?? null;

/** The hold regime of a preservation order; null: the request is not one. */
export function preservationRegime(db: Db, r: RequestRow): Regime | null {
  if (epocKind(db, r.id) === 'preservation') return 'epoc';
  if ((PRESERVATION_BASES as readonly string[]).includes(r.legal_basis_code)) return 'sv-126ni';
  return null;
}

const holdRow = (db: Db, requestId: number): HoldRow | undefined =>
  db.prepare('SELECT * FROM preservation_hold WHERE request_id = ?').get(requestId) as
    HoldRow | undefined;

const regimeOfHold = (db: Db, h: HoldRow): Regime =>
  epocKind(db, h.request_id) === 'preservation' ? 'epoc' : 'sv-126ni';

const TABLE_KEYS: Record<Evidence['table'], keyof Omit<HeldCounts, 'customers'>> = {
  number_assignment: 'numberAssignments',
  ip_assignment: 'ipAssignments',
  customer_version: 'customerVersions',
};

function heldCounts(db: Db, holdId: number): HeldCounts {
  const rows = db
    .prepare(
      `SELECT record_table AS t, count(*) AS n FROM preservation_hold_record WHERE hold_id = ? GROUP BY record_table`,
    )
    .all(holdId) as { t: Evidence['table']; n: number }[];
  const out: HeldCounts = {
    numberAssignments: 0,
    ipAssignments: 0,
    customerVersions: 0,
    customers: 0,
  };
  for (const r of rows) out[TABLE_KEYS[r.t]] = r.n;
  out.customers = (
    db
      .prepare(
        'SELECT count(DISTINCT customer_id) AS n FROM preservation_hold_record WHERE hold_id = ?',
      )
      .get(holdId) as { n: number }
  ).n;
  return out;
}

const registerNoOf = (db: Db, requestId: number): string =>
  (
    db.prepare('SELECT register_no FROM request WHERE id = ?').get(requestId) as {
      register_no: string;
    }
  ).register_no;

// ---------------------------------------------------------------- expiry

const FINAL_SQL = FINAL_STATUSES.map((s) => `'${s}'`).join(',');

/**
 * Ends every hold whose time is up at `atIso`: an active hold past its date (`expired`), a
 * converted hold whose production request is decided (`produced`). Each is audited once, as
 * `hold.expired`, by `user`, and put on its request's timeline. Runs in the caller's
 * transaction when there is one.
 */
export function settleHolds(db: Db, atIso: string, user: string): number {
  if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'preservation_hold'`).get()) return 0;
  const due = db
    .prepare(
      `SELECT h.*, NULL AS produced FROM preservation_hold h WHERE h.state = 'active' AND h.until <= ?
       UNION ALL
       SELECT h.*, 1 AS produced FROM preservation_hold h
         JOIN request p ON p.register_no = h.production_register_no
        WHERE h.state = 'converted' AND p.status IN (${FINAL_SQL})`,
    )
    .all(atIso) as (HoldRow & { produced: 1 | null })[];
  if (due.length === 0) return 0;
  return db.transaction(() => {
    for (const h of due) {
      const reason = h.produced ? 'produced' : 'expired';
      // An active hold ended on its date, whenever it was first seen afterwards.
      const endedAt = h.produced ? atIso : h.until;
      db.prepare(
        `UPDATE preservation_hold SET state = 'expired', ended_at = ?, ended_by = ?, end_reason = ?
         WHERE id = ?`,
      ).run(endedAt, user, reason, h.id);
      const no = registerNoOf(db, h.request_id);
      db.prepare(
        'INSERT INTO request_event (request_id, at, user, kind, details) VALUES (?, ?, ?, ?, ?)',
      ).run(h.request_id, atIso, user, 'hold_expired', JSON.stringify({ reason, until: h.until }));
      appendAudit(db, {
        at: atIso,
        user,
        action: 'hold.expired',
        subject: `request:${no}`,
        details: {
          reason,
          until: h.until,
          endedAt,
          ...(h.production_register_no ? { production: h.production_register_no } : {}),
        },
      });
    }
    return due.length;
  })();
}

const settle = (ctx: DeskContext) =>
  settleHolds(ctx.db, ctx.nowIso(), ctx.session.user?.name ?? 'system');

// ---------------------------------------------------------------- placing

/** The records a match rests on, once each. */
function recordsOf(db: Db, requestId: number): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const m of latestMatches(db, requestId)) {
    if (m.status !== 'match') continue;
    for (const e of m.evidence) {
      const key = `${e.table}:${e.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(e);
    }
  }
  return out;
}

/**
 * After matching a preservation order: holds the records that answer it. The first match with
 * an answer places the hold (its end counted from receipt); matching again while it lives adds
 * what the new match rests on; a hold that ended is not placed again. Audited `hold.placed`
 * with the counts per kind (never a subscriber's data).
 */
export function placeHold(ctx: DeskContext, r: RequestRow): void {
  const regime = preservationRegime(ctx.db, r);
  if (!regime) return;
  settle(ctx);
  const records = recordsOf(ctx.db, r.id);
  if (records.length === 0) return;
  let h = holdRow(ctx.db, r.id);
  if (h && !isLive(h.state)) return;
  const first = !h;
  if (!h) {
    const until = addDays(r.received_at, HOLD_TERMS[regime].days);
    ctx.db
      .prepare(
        `INSERT INTO preservation_hold (request_id, state, placed_at, placed_by, until)
         VALUES (?, 'active', ?, ?, ?)`,
      )
      .run(r.id, ctx.nowIso(), ctx.user.name, until);
    h = holdRow(ctx.db, r.id)!;
  }
  const insert = ctx.db.prepare(
    `INSERT OR IGNORE INTO preservation_hold_record (hold_id, record_table, record_id, customer_id)
     VALUES (?, ?, ?, ?)`,
  );
  let added = 0;
  for (const e of records) added += insert.run(h.id, e.table, e.id, e.customerId).changes;
  if (added === 0) return;
  const held = heldCounts(ctx.db, h.id);
  addEvent(ctx, r.id, 'hold_placed', { until: h.until, ...held });
  ctx.audit('hold.placed', requestSubject(r), {
    regime,
    until: h.until,
    ...(first ? {} : { added }),
    numberAssignments: held.numberAssignments,
    ipAssignments: held.ipAssignments,
    customerVersions: held.customerVersions,
  });
}

// ---------------------------------------------------------------- views

export function holdViewOf(db: Db, h: HoldRow, nowIso: string): HoldView {
  const regime = regimeOfHold(db, h);
  const live = h.state === 'active';
  return {
    registerNo: registerNoOf(db, h.request_id),
    regime,
    state: h.state,
    placedAt: h.placed_at,
    placedBy: h.placed_by,
    until: h.until,
    daysLeft: live ? Math.ceil((Date.parse(h.until) - Date.parse(nowIso)) / DAY_MS) : null,
    extendedAt: h.extended_at,
    extendedBy: h.extended_by,
    canExtend: live && h.extended_at === null,
    extensionDays: HOLD_TERMS[regime].extensionDays,
    productionRegisterNo: h.production_register_no,
    convertedAt: h.converted_at,
    endedAt: h.ended_at,
    endedBy: h.ended_by,
    endReason: h.end_reason,
    endNote: h.end_note,
    held: heldCounts(db, h.id),
  };
}

/** The hold of a request as it stands now (expiry settled first); null when none was placed. */
export function holdOf(ctx: DeskContext, r: RequestRow): HoldView | null {
  settle(ctx);
  const h = holdRow(ctx.db, r.id);
  return h ? holdViewOf(ctx.db, h, ctx.nowIso()) : null;
}

/** Live holds ending within `days`, soonest first (converted holds have no date to end on). */
export function expiringHolds(ctx: DeskContext, days = HOLD_EXPIRY_NOTICE_DAYS): ExpiringHold[] {
  settle(ctx);
  const now = ctx.nowIso();
  const rows = ctx.db
    .prepare(
      `SELECT * FROM preservation_hold WHERE state = 'active' AND until <= ? ORDER BY until, id`,
    )
    .all(addDays(now, days)) as HoldRow[];
  return rows.map((h) => {
    const v = holdViewOf(ctx.db, h, now);
    return {
      registerNo: v.registerNo,
      until: v.until,
      daysLeft: v.daysLeft!,
      canExtend: v.canExtend,
    };
  });
}

// ---------------------------------------------------------------- for the purge

/** Customers with a record under a live hold: retention keeps them (with their history). */
export const HELD_CUSTOMERS_SQL = `
  SELECT DISTINCT r.customer_id FROM preservation_hold_record r
  JOIN preservation_hold h ON h.id = r.hold_id WHERE h.state IN ('active','converted')`;

/**
 * The live holds for the purge preview: per hold the records it keeps, and how many of the
 * customers `dueCustomerSql` (one parameter list `args`) would purge it keeps instead.
 */
export function purgeHolds(db: Db, dueCustomerSql: string, args: unknown[]): PurgeHold[] {
  const rows = db
    .prepare(
      `SELECT * FROM preservation_hold WHERE state IN ('active','converted') ORDER BY until, id`,
    )
    .all() as HoldRow[];
  return rows.map((h) => ({
    registerNo: registerNoOf(db, h.request_id),
    state: h.state,
    until: h.state === 'converted' ? null : h.until,
    held: heldCounts(db, h.id),
    customersKept: (
      db
        .prepare(
          `SELECT count(DISTINCT customer_id) AS n FROM preservation_hold_record
           WHERE hold_id = ? AND customer_id IN (${dueCustomerSql})`,
        )
        .get(h.id, ...args) as { n: number }
    ).n,
  }));
}

// ---------------------------------------------------------------- extend, convert, release

/** The live hold of a preservation request, refusing when there is none or it ended. */
function liveHold(ctx: DeskContext, registerNo: string): { r: RequestRow; h: HoldRow } {
  const r = loadRequest(ctx.db, registerNo);
  if (!preservationRegime(ctx.db, r))
    failWith('CONFLICT', 'hold.notPreservation', { no: registerNo });
  settle(ctx);
  const h = holdRow(ctx.db, r.id);
  if (!h) return failWith('CONFLICT', 'hold.none', { no: registerNo });
  if (!isLive(h.state)) {
    return failWith('CONFLICT', 'hold.ended', { no: registerNo, state: h.state });
  }
  return { r, h };
}

/** Annex VI: the hold lasts its extension longer, once, asked for while it lives. */
export function extendHold(ctx: DeskContext, registerNo: string, note?: string): void {
  ctx.db.transaction(() => {
    const { r, h } = liveHold(ctx, registerNo);
    if (h.state === 'converted') failWith('CONFLICT', 'hold.convertedAlready', { no: registerNo });
    if (h.extended_at) {
      failWith('CONFLICT', 'hold.extendedAlready', { no: registerNo, at: h.extended_at });
    }
    const days = HOLD_TERMS[regimeOfHold(ctx.db, h)].extensionDays;
    const until = addDays(h.until, days);
    ctx.db
      .prepare(
        'UPDATE preservation_hold SET until = ?, extended_at = ?, extended_by = ? WHERE id = ?',
      )
      .run(until, ctx.nowIso(), ctx.user.name, h.id);
    addEvent(ctx, r.id, 'hold_extended', { from: h.until, until, days });
    ctx.audit('hold.extended', requestSubject(r), {
      from: h.until,
      until,
      days,
      ...(note ? { note } : {}),
    });
  })();
}

/**
 * Annex V: a production order for the same data followed; the hold lasts until that request is
 * decided. The production request is in the register and is not itself a preservation order.
 */
export function convertHold(
  ctx: DeskContext,
  registerNo: string,
  production: string,
  note?: string,
): void {
  ctx.db.transaction(() => {
    const { r, h } = liveHold(ctx, registerNo);
    if (h.state === 'converted') failWith('CONFLICT', 'hold.convertedAlready', { no: registerNo });
    if (production === registerNo) failWith('CONFLICT', 'hold.productionSelf', { no: registerNo });
    const p = loadRequest(ctx.db, production);
    if (preservationRegime(ctx.db, p)) {
      failWith('CONFLICT', 'hold.productionIsPreservation', { production });
    }
    if ((FINAL_STATUSES as readonly string[]).includes(p.status)) {
      failWith('CONFLICT', 'hold.productionDecided', { production, status: p.status });
    }
    ctx.db
      .prepare(
        `UPDATE preservation_hold SET state = 'converted', production_register_no = ?, converted_at = ?,
           converted_by = ? WHERE id = ?`,
      )
      .run(production, ctx.nowIso(), ctx.user.name, h.id);
    addEvent(ctx, r.id, 'hold_converted', { production });
    ctx.audit('hold.converted', requestSubject(r), {
      production,
      until: h.until,
      ...(note ? { note } : {}),
    });
  })();
}

/** The issuing authority says the data need not be kept: the hold ends now. */
export function releaseHold(ctx: DeskContext, registerNo: string, reason: string): void {
  ctx.db.transaction(() => {
    const { r, h } = liveHold(ctx, registerNo);
    ctx.db
      .prepare(
        `UPDATE preservation_hold SET state = 'released', ended_at = ?, ended_by = ?, end_reason = 'released',
           end_note = ? WHERE id = ?`,
      )
      .run(ctx.nowIso(), ctx.user.name, reason, h.id);
    addEvent(ctx, r.id, 'hold_released', { reason });
    ctx.audit('hold.released', requestSubject(r), { reason, state: h.state, until: h.until });
  })();
}

/** A preservation order is answered by its hold: never by a disclosure. */
export function refuseDisclosureOfPreservation(ctx: DeskContext, registerNo: string): void {
  const r = loadRequest(ctx.db, registerNo);
  if (preservationRegime(ctx.db, r)) failWith('CONFLICT', 'hold.noDisclosure', { no: registerNo });
}
