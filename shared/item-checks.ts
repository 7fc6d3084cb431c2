import { DateTime, IANAZone } from 'luxon';
import {
  normalisePhone,
  parseIpAddress,
  parseIpPrefix,
  parsePort,
  rangeContains,
  type IpRange,
} from './identifiers';
import { DEFAULT_TIME_ZONE, formatOffset, resolveMoment, type MomentCandidate } from './moment';
import { FUTURE_SLACK_MS, MAX_PERIOD_DAYS, periodProblem, type PeriodProblem } from './period';
import type { HistoryStart } from './schemas/customers';

/**
 * What the wizard says about an identifier before the request is logged, while the officer can
 * still correct it against the document: a number or address that is not valid, a moment that
 * does not exist or occurred twice (with the offsets to choose from), a moment in the future or
 * before the earliest assignment the vault holds for its kind (nothing can be found then), an
 * address that cannot be a subscriber's, an IPv4 address without a source port; for a period,
 * each end, and a period that does not end after it begins, ends in the future, is too long or
 * begins before the history. Logging never
 * fails on these (the register keeps the item's problem as its outcome); they are said early.
 * Pure: the renderer calls it on every change.
 */

export type ItemCheckCode =
  | 'phone_invalid'
  | 'ip_invalid'
  | 'ip_prefix'
  | 'port_invalid'
  | 'ip_internal'
  | 'port_may_be_needed'
  | 'moment_invalid'
  | 'moment_not_on_calendar'
  | 'moment_gap'
  | 'moment_overlap'
  | 'moment_future'
  | 'moment_before_history'
  | PeriodProblem
  | 'period_before_history';

export interface ItemCheck {
  code: ItemCheckCode;
  /** The input the check is about (`moment` is also the start of a period, `periodTo` its end). */
  field: 'value' | 'port' | 'moment' | 'periodTo';
  /** `problem`: the look-up will fail as it stands; `notice`: worth a look. */
  level: 'problem' | 'notice';
  params?: Record<string, string>;
  /** For a moment in the gap or the repeated hour: the offsets the requester may have meant. */
  offsets?: MomentCandidate[];
}

export interface CheckedItem {
  kind: 'phone' | 'ip';
  value: string;
  port?: string | number;
  moment: string;
  /** A period item: its end (`moment` is then its start). */
  periodTo?: string;
  timeZone?: string;
}

/** Addresses that are never a subscriber's public address, by what they are. */
const INTERNAL_RANGES: { name: string; prefix: string }[] = [
  { name: 'private', prefix: '10.0.0.0/8' },
  { name: 'carrier_internal', prefix: '100.64.0.0/10' },
  { name: 'private', prefix: '172.16.0.0/12' },
  { name: 'private', prefix: '192.168.0.0/16' },
  { name: 'loopback', prefix: '127.0.0.0/8' },
  { name: 'link_local', prefix: '169.254.0.0/16' },
  { name: 'unique_local', prefix: 'fc00::/7' },
  { name: 'link_local', prefix: 'fe80::/10' },
  { name: 'loopback', prefix: '::1/128' },
];
let ranges: (IpRange & { name: string })[] | null = null;
const internalRanges = () =>
  (ranges ??= INTERNAL_RANGES.map((r) => {
    const p = parseIpPrefix(r.prefix);
    if (!p.ok) throw new Error(`bad range ${r.prefix}`);
    return { ...p.value, name: r.name, canonical: r.prefix };
  }));

/** The internal range an address lies in (`10.0.0.0/8` …), or null for a public address. */
export function internalRangeOf(value: string): { name: string; prefix: string } | null {
  const a = parseIpAddress(value);
  if (!a.ok) return null;
  const r = internalRanges().find(
    (x) => x.family === a.value.family && rangeContains(x, a.value.bytes),
  );
  return r ? { name: r.name, prefix: r.canonical } : null;
}

const hasPort = (port: CheckedItem['port']) => port !== undefined && String(port).trim() !== '';

function identifierChecks(item: CheckedItem): ItemCheck[] {
  const value = item.value.trim();
  if (!value) return [];
  if (item.kind === 'phone') {
    return normalisePhone(value).ok
      ? []
      : [{ code: 'phone_invalid', field: 'value', level: 'problem' }];
  }
  const out: ItemCheck[] = [];
  if (value.includes('/')) {
    return [{ code: 'ip_prefix', field: 'value', level: 'problem' }];
  }
  const a = parseIpAddress(value);
  if (!a.ok) return [{ code: 'ip_invalid', field: 'value', level: 'problem' }];
  const internal = internalRangeOf(value);
  if (internal) {
    out.push({
      code: 'ip_internal',
      field: 'value',
      level: 'problem',
      params: { range: internal.prefix, kind: internal.name },
    });
  }
  if (hasPort(item.port)) {
    if (!parsePort(item.port!).ok)
      out.push({ code: 'port_invalid', field: 'port', level: 'problem' });
  } else if (a.value.family === 4 && !internal) {
    out.push({ code: 'port_may_be_needed', field: 'port', level: 'notice' });
  }
  return out;
}

/** The offsets in force just before and just after a wall time, in `zone`. */
function offsetsAround(moment: string, zone: string): MomentCandidate[] {
  const wall = Date.parse(`${moment.trim().replace(' ', 'T')}Z`);
  if (Number.isNaN(wall) || !IANAZone.isValidZone(zone)) return [];
  const z = IANAZone.create(zone);
  const seen = new Set<number>();
  const out: MomentCandidate[] = [];
  for (const probe of [-12, 12]) {
    const minutes = z.offset(wall + probe * 3_600_000);
    if (seen.has(minutes)) continue;
    seen.add(minutes);
    const utcMs = wall - minutes * 60_000;
    out.push({
      offset: formatOffset(minutes),
      offsetMinutes: minutes,
      utcMs,
      utc: new Date(utcMs).toISOString(),
    });
  }
  return out.sort((a, b) => a.utcMs - b.utcMs);
}

/** `2024-03-01 00:00`, in the desk's zone: where the vault's history begins, as the officer reads it. */
const localTime = (ms: number) =>
  DateTime.fromMillis(ms, { zone: DEFAULT_TIME_ZONE }).toFormat('yyyy-MM-dd HH:mm');

function momentChecks(
  item: CheckedItem,
  nowMs: number,
  history: HistoryStart | undefined,
  field: 'moment' | 'periodTo' = 'moment',
): ItemCheck[] {
  const moment = (field === 'moment' ? item.moment : (item.periodTo ?? '')).trim();
  if (!moment) return [];
  const zone = item.timeZone?.trim() || DEFAULT_TIME_ZONE;
  const r = resolveMoment(moment, zone);
  switch (r.status) {
    case 'invalid_input':
      return [{ code: 'moment_invalid', field, level: 'problem' }];
    case 'invalid_time': {
      // On the calendar but not on the clock: the hour skipped when summer time began.
      const onCalendar = resolveMoment(moment, '+00:00').status === 'ok';
      if (!onCalendar) return [{ code: 'moment_not_on_calendar', field, level: 'problem' }];
      return [
        {
          code: 'moment_gap',
          field,
          level: 'problem',
          params: { zone },
          offsets: offsetsAround(moment, zone),
        },
      ];
    }
    case 'ambiguous_time':
      return [
        {
          code: 'moment_overlap',
          field,
          level: 'problem',
          params: { zone: r.zone },
          offsets: r.candidates,
        },
      ];
    case 'ok': {
      if (r.utcMs > nowMs + FUTURE_SLACK_MS)
        return [{ code: 'moment_future', field, level: 'problem' }];
      const from = history?.[item.kind === 'phone' ? 'numbers' : 'ips'];
      const fromMs = from ? Date.parse(from) : NaN;
      return r.utcMs < fromMs
        ? [
            {
              code: 'moment_before_history',
              field,
              level: 'problem',
              params: { from: localTime(fromMs) },
            },
          ]
        : [];
    }
  }
}

/**
 * Every check of one identifier, in the order of its inputs (value, port, moment). `history`: where
 * the vault's assignment history begins (customers.historyStart); without it that check is skipped.
 */
export function checkItem(item: CheckedItem, nowMs: number, history?: HistoryStart): ItemCheck[] {
  if (item.periodTo === undefined) {
    return [...identifierChecks(item), ...momentChecks(item, nowMs, history)];
  }
  return [...identifierChecks(item), ...periodChecks(item, nowMs, history)];
}

/**
 * A period: each end as a moment (offsets are chosen on the request page, one end at a time:
 * a zone chosen here would move both ends), then the period itself — it must end after it
 * begins, not in the future, within MAX_PERIOD_DAYS — and a start before the vault's history
 * (only the part after it can be answered).
 */
function periodChecks(
  item: CheckedItem,
  nowMs: number,
  history: HistoryStart | undefined,
): ItemCheck[] {
  const noOffsets = ({ offsets: _offsets, ...c }: ItemCheck): ItemCheck => c;
  const start = momentChecks(item, nowMs, history).map(noOffsets);
  const end = momentChecks(item, nowMs, history, 'periodTo').map(noOffsets);
  const zone = item.timeZone?.trim() || DEFAULT_TIME_ZONE;
  const from = resolveMoment(item.moment, zone);
  const to = resolveMoment(item.periodTo ?? '', zone);
  const out = [...start.filter((c) => c.code !== 'moment_before_history'), ...end];
  if (from.status !== 'ok' || to.status !== 'ok' || end.some((c) => c.level === 'problem')) {
    return out;
  }
  const problem = periodProblem(from.utcMs, to.utcMs, nowMs);
  if (problem) {
    const params = problem === 'period_too_long' ? { max: String(MAX_PERIOD_DAYS) } : undefined;
    return [
      ...out,
      { code: problem, field: 'periodTo', level: 'problem', ...(params ? { params } : {}) },
    ];
  }
  const before = start.find((c) => c.code === 'moment_before_history');
  return before ? [...out, { ...before, code: 'period_before_history', level: 'notice' }] : out;
}
