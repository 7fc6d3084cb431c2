import { resolveItem } from './items';

/**
 * What an amendment may correct, by its path in the request JSON: the requester's details, the
 * case and RC references, the note, and every identifier's value, port, moment (a period's start),
 * a period's end and zone. The
 * authority, legal basis, categories and receipt are what the checks and the deadline rest on:
 * a request with those wrong is refused or logged anew, never corrected underneath a decision.
 */
export const REQUEST_FIELDS = {
  caseReference: 'case_reference',
  rcAuthorisation: 'rc_authorisation',
  note: 'note',
  'requester.name': 'requester_name',
  'requester.badge': 'requester_badge',
  'requester.email': 'requester_email',
  'requester.phone': 'requester_phone',
} as const;
export type RequestField = keyof typeof REQUEST_FIELDS;

export const ITEM_FIELDS = ['value', 'port', 'moment', 'periodTo', 'timeZone'] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

/** Fields that cannot be emptied (the request or its identifier would not say what it is). */
export const REQUIRED_FIELDS = new Set<string>(['requester.name', 'value', 'moment', 'periodTo']);

export type AmendTarget =
  { on: 'request'; field: RequestField } | { on: 'item'; index: number; field: ItemField };

/** The target of `path` (`requester.email`, `items.2.port`), or null when it cannot be amended. */
export function amendTarget(path: string): AmendTarget | null {
  if (path in REQUEST_FIELDS) return { on: 'request', field: path as RequestField };
  const m = /^items\.(\d{1,3})\.([a-zA-Z]+)$/.exec(path);
  if (m && (ITEM_FIELDS as readonly string[]).includes(m[2]!)) {
    return { on: 'item', index: Number(m[1]), field: m[2] as ItemField };
  }
  return null;
}

export interface Amended {
  field: string;
  value: string;
}

/** The request columns an amendment can change, as the register row holds them. */
type RequestColumns = { [C in (typeof REQUEST_FIELDS)[RequestField]]: string | null };

/** The row with the latest amendment of each request field applied (an empty value clears it). */
export function amendedRequest<R extends RequestColumns>(row: R, amendments: Amended[]): R {
  const out = { ...row };
  for (const a of amendments) {
    const t = amendTarget(a.field);
    if (t?.on === 'request')
      out[REQUEST_FIELDS[t.field]] = (a.value === '' ? null : a.value) as never;
  }
  return out;
}

/** An identifier as the register row holds it (all but its keys). */
export interface ItemColumns {
  idx: number;
  kind: 'phone' | 'ip';
  value: string;
  normalised: string | null;
  port: number | null;
  input_problem: string | null;
  moment: string;
  time_zone: string;
  time_status: 'ok' | 'invalid_input' | 'invalid_time' | 'ambiguous_time';
  utc_ms: number | null;
  time_candidates: string;
  /** A period item's end (migration 0007); all NULL for a moment item. */
  period_to: string | null;
  period_to_status: ItemColumns['time_status'] | null;
  period_to_utc_ms: number | null;
  period_to_candidates: string | null;
}

/**
 * The item with its amendments applied: the identifier (value, port) is read again when one of
 * them changed, the instant when its moment or zone changed; what did not change stays as stored
 * (an offset the officer chose for an ambiguous time, for one).
 */
export function amendedItem<I extends ItemColumns>(row: I, amendments: Amended[]): I {
  const mine = amendments
    .map((a) => ({ t: amendTarget(a.field), value: a.value }))
    .filter((a) => a.t?.on === 'item' && a.t.index === row.idx);
  if (mine.length === 0) return row;
  const given: Record<ItemField, string | undefined> = {
    value: row.value,
    port: row.port === null ? undefined : String(row.port),
    moment: row.moment,
    periodTo: row.period_to ?? undefined,
    timeZone: row.time_zone,
  };
  const changed = new Set<ItemField>();
  for (const a of mine) {
    const field = (a.t as { field: ItemField }).field;
    given[field] = a.value === '' ? undefined : a.value;
    changed.add(field);
  }
  const r = resolveItem({
    kind: row.kind,
    value: given.value ?? row.value,
    ...(given.port !== undefined ? { port: given.port } : {}),
    ...(row.period_to === null
      ? { moment: given.moment ?? row.moment }
      : { period: { from: given.moment ?? row.moment, to: given.periodTo ?? row.period_to } }),
    ...(given.timeZone !== undefined ? { timeZone: given.timeZone } : {}),
  });
  const out = { ...row };
  if (changed.has('value') || changed.has('port')) {
    Object.assign(out, {
      value: r.value,
      normalised: r.normalised,
      port: r.port,
      input_problem: r.inputProblem,
    });
  }
  if (changed.has('moment') || changed.has('timeZone')) {
    Object.assign(out, {
      moment: r.moment,
      time_zone: r.timeZone,
      time_status: r.timeStatus,
      utc_ms: r.utcMs,
      time_candidates: JSON.stringify(r.timeCandidates),
    });
  }
  // A period's end is in the same zone: read again with it, and when it was corrected itself.
  if (changed.has('periodTo') || changed.has('moment') || changed.has('timeZone')) {
    if (r.periodTo) {
      Object.assign(out, {
        period_to: r.periodTo.moment,
        period_to_status: r.periodTo.timeStatus,
        period_to_utc_ms: r.periodTo.utcMs,
        period_to_candidates: JSON.stringify(r.periodTo.timeCandidates),
      });
    }
  }
  return out;
}
