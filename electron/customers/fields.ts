import { DateTime } from 'luxon';
import { refused, type WordedIssue } from './issue-words';

/** A field rule's answer: the value, or why not — worded by code (issue-words.ts). */
export type FieldResult<T> = { ok: true; value: T } | ({ ok: false } & WordedIssue);

/**
 * Field rules of the import contract (docs/IMPORT.md). Each returns a value or a reason a person
 * can act on, by code and parameters so that it reads in the person's language. They are on the hot path, so the common forms are parsed by hand.
 */

export const DUTCH_ZONE = 'Europe/Amsterdam';

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 37)}…` : s);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)$/;

/**
 * Times read before, by their text: an export repeats the same few thousand dates and times over
 * millions of rows (the bench's 500,000 address blocks: 2,001 distinct starts). Only accepted
 * values; emptied when it holds 100,000.
 */
const timeCache = new Map<string, number>();

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (y: number, m: number) =>
  m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : DAYS[m - 1]!;

const remember = (raw: string, ms: number): FieldResult<number> => {
  if (timeCache.size >= 100_000) timeCache.clear();
  timeCache.set(raw, ms);
  return { ok: true, value: ms };
};

/**
 * An ISO 8601 time with `Z` or an offset, or a date alone (= 00:00 that day in Europe/Amsterdam),
 * as epoch milliseconds UTC.
 */
export function parseTime(raw: string): FieldResult<number> {
  const cached = timeCache.get(raw);
  if (cached !== undefined) return { ok: true, value: cached };
  const d = ISO_DATE.exec(raw);
  if (d) {
    const y = +d[1]!;
    const m = +d[2]!;
    const day = +d[3]!;
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || day < 1 || day > daysIn(y, m)) {
      return refused('not_a_date', { value: clip(raw) });
    }
    return remember(
      raw,
      DateTime.fromObject({ year: y, month: m, day }, { zone: DUTCH_ZONE }).toMillis(),
    );
  }
  const t = ISO_TIME.exec(raw);
  if (!t) {
    if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?$/.test(raw)) {
      return refused('no_time_zone', { value: clip(raw) });
    }
    return refused('not_a_time', { value: clip(raw) });
  }
  const y = +t[1]!;
  const mo = +t[2]!;
  const day = +t[3]!;
  const h = +t[4]!;
  const mi = +t[5]!;
  const s = t[6] ? +t[6] : 0;
  const ms = t[7] ? Math.floor(+`0.${t[7]}` * 1000) : 0;
  if (
    y < 1900 ||
    y > 2200 ||
    mo < 1 ||
    mo > 12 ||
    day < 1 ||
    day > daysIn(y, mo) ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    return refused('not_a_date_time', { value: clip(raw) });
  }
  let offsetMin = 0;
  const z = t[8]!;
  if (z !== 'Z' && z !== 'z') {
    const sign = z[0] === '-' ? -1 : 1;
    const digits = z.slice(1).replace(':', '');
    const oh = +digits.slice(0, 2);
    const om = digits.length > 2 ? +digits.slice(2, 4) : 0;
    if (oh > 18 || om > 59) return refused('bad_offset', { value: clip(raw) });
    offsetMin = sign * (oh * 60 + om);
  }
  return remember(raw, Date.UTC(y, mo - 1, day, h, mi, s, ms) - offsetMin * 60_000);
}

/** Dutch postcode `1234 AB` (any spacing or case in); free-form (trimmed) for other countries. */
export function parsePostcode(raw: string, country: string): FieldResult<string> {
  if (country !== 'NL') {
    if (raw.length > 16) return refused('postcode_too_long', { value: clip(raw) });
    return { ok: true, value: raw };
  }
  const c0 = raw.charCodeAt(0);
  if (raw.length === 7 && raw.charCodeAt(4) === 32 && c0 >= 49 && c0 <= 57) {
    // Already `1234 AB`: the common case.
    if (/^\d{4} [A-Z]{2}$/.test(raw)) return { ok: true, value: raw };
  }
  const m = /^([1-9]\d{3})\s*([A-Za-z]{2})$/.exec(raw);
  if (!m) {
    return refused('not_a_postcode', { value: clip(raw) });
  }
  return { ok: true, value: `${m[1]} ${m[2]!.toUpperCase()}` };
}

/** Dutch house numbers are whole numbers; letters and suffixes go in house_number_addition. */
export function parseHouseNumber(raw: string, country: string): FieldResult<string> {
  if (country !== 'NL') {
    if (raw.length > 16) return refused('house_number_too_long', { value: clip(raw) });
    return { ok: true, value: raw };
  }
  if (!/^[1-9]\d{0,4}$/.test(raw)) {
    return refused('not_a_house_number', { value: clip(raw) });
  }
  return { ok: true, value: raw };
}

let regionNames: Intl.DisplayNames | null = null;
const countryCache = new Map<string, boolean>();

/** ISO 3166-1 alpha-2, upper case. */
export function parseCountry(raw: string): FieldResult<string> {
  const code = raw.toUpperCase();
  let known = countryCache.get(code);
  if (known === undefined) {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    let name: string | undefined;
    try {
      name = /^[A-Z]{2}$/.test(code) ? regionNames.of(code) : undefined;
    } catch {
      name = undefined;
    }
    known = name !== undefined && name !== code;
    countryCache.set(code, known);
  }
  return known ? { ok: true, value: code } : refused('not_a_country', { value: clip(raw) });
}

export function parseEmail(raw: string): FieldResult<string> {
  if (raw.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw)) {
    return refused('not_an_email', { value: clip(raw) });
  }
  return { ok: true, value: raw };
}

/** KvK (Dutch Chamber of Commerce) number: 8 digits. */
export function parseKvk(raw: string): FieldResult<string> {
  const digits = raw.replace(/[\s.]/g, '');
  if (!/^\d{8}$/.test(digits)) {
    return refused('not_a_kvk', { value: clip(raw) });
  }
  return { ok: true, value: digits };
}

/** One of a few words; `refusal` is the code that lists them (not_a_customer_type, not_a_service). */
export function parseChoice<T extends string>(
  raw: string,
  choices: readonly T[],
  refusal: 'not_a_customer_type' | 'not_a_service',
): FieldResult<T> {
  const v = raw.toLowerCase() as T;
  return choices.includes(v) ? { ok: true, value: v } : refused(refusal, { value: clip(raw) });
}
