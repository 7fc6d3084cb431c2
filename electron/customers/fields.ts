import { DateTime } from 'luxon';
import type { Parsed } from '../../shared/identifiers';

/**
 * Field rules of the import contract (docs/IMPORT.md). Each returns a value or a reason a person
 * can act on. They are on the hot path, so the common forms are parsed by hand.
 */

export const DUTCH_ZONE = 'Europe/Amsterdam';

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 37)}…` : s);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)$/;

const dateCache = new Map<string, number>();

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * An ISO 8601 time with `Z` or an offset, or a date alone (= 00:00 that day in Europe/Amsterdam),
 * as epoch milliseconds UTC.
 */
export function parseTime(raw: string): Parsed<number> {
  const d = ISO_DATE.exec(raw);
  if (d) {
    const cached = dateCache.get(raw);
    if (cached !== undefined) return { ok: true, value: cached };
    const y = +d[1]!;
    const m = +d[2]!;
    const day = +d[3]!;
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || day < 1 || day > daysIn(y, m)) {
      return { ok: false, reason: `"${clip(raw)}" is not a calendar date` };
    }
    const ms = DateTime.fromObject({ year: y, month: m, day }, { zone: DUTCH_ZONE }).toMillis();
    if (dateCache.size > 100_000) dateCache.clear();
    dateCache.set(raw, ms);
    return { ok: true, value: ms };
  }
  const t = ISO_TIME.exec(raw);
  if (!t) {
    if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?$/.test(raw)) {
      return {
        ok: false,
        reason: `"${clip(raw)}" has no time zone; add Z or an offset such as +01:00, or give a date alone`,
      };
    }
    return {
      ok: false,
      reason: `"${clip(raw)}" is not a time; use 2024-03-01, 2024-03-01T14:30:00+01:00 or 2024-03-01T13:30:00Z`,
    };
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
    return { ok: false, reason: `"${clip(raw)}" is not a valid date and time` };
  }
  let offsetMin = 0;
  const z = t[8]!;
  if (z !== 'Z' && z !== 'z') {
    const sign = z[0] === '-' ? -1 : 1;
    const digits = z.slice(1).replace(':', '');
    const oh = +digits.slice(0, 2);
    const om = digits.length > 2 ? +digits.slice(2, 4) : 0;
    if (oh > 18 || om > 59) return { ok: false, reason: `"${clip(raw)}" has an impossible offset` };
    offsetMin = sign * (oh * 60 + om);
  }
  return { ok: true, value: Date.UTC(y, mo - 1, day, h, mi, s, ms) - offsetMin * 60_000 };
}

/** Dutch postcode `1234 AB` (any spacing or case in); free-form (trimmed) for other countries. */
export function parsePostcode(raw: string, country: string): Parsed<string> {
  if (country !== 'NL') {
    if (raw.length > 16) return { ok: false, reason: `postcode "${clip(raw)}" is too long` };
    return { ok: true, value: raw };
  }
  const c0 = raw.charCodeAt(0);
  if (raw.length === 7 && raw.charCodeAt(4) === 32 && c0 >= 49 && c0 <= 57) {
    // Already `1234 AB`: the common case.
    if (/^\d{4} [A-Z]{2}$/.test(raw)) return { ok: true, value: raw };
  }
  const m = /^([1-9]\d{3})\s*([A-Za-z]{2})$/.exec(raw);
  if (!m) {
    return {
      ok: false,
      reason: `"${clip(raw)}" is not a Dutch postcode (four digits, not starting with 0, and two letters: 1234 AB)`,
    };
  }
  return { ok: true, value: `${m[1]} ${m[2]!.toUpperCase()}` };
}

/** Dutch house numbers are whole numbers; letters and suffixes go in house_number_addition. */
export function parseHouseNumber(raw: string, country: string): Parsed<string> {
  if (country !== 'NL') {
    if (raw.length > 16) return { ok: false, reason: `house number "${clip(raw)}" is too long` };
    return { ok: true, value: raw };
  }
  if (!/^[1-9]\d{0,4}$/.test(raw)) {
    return {
      ok: false,
      reason: `"${clip(raw)}" is not a house number (a whole number; put letters or suffixes like "a" or "bis" in house_number_addition)`,
    };
  }
  return { ok: true, value: raw };
}

let regionNames: Intl.DisplayNames | null = null;
const countryCache = new Map<string, boolean>();

/** ISO 3166-1 alpha-2, upper case. */
export function parseCountry(raw: string): Parsed<string> {
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
  return known
    ? { ok: true, value: code }
    : {
        ok: false,
        reason: `"${clip(raw)}" is not an ISO 3166 country code (two letters, e.g. NL, BE, DE)`,
      };
}

export function parseEmail(raw: string): Parsed<string> {
  if (raw.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw)) {
    return { ok: false, reason: `"${clip(raw)}" is not an e-mail address` };
  }
  return { ok: true, value: raw };
}

/** KvK (Dutch Chamber of Commerce) number: 8 digits. */
export function parseKvk(raw: string): Parsed<string> {
  const digits = raw.replace(/[\s.]/g, '');
  if (!/^\d{8}$/.test(digits)) {
    return { ok: false, reason: `"${clip(raw)}" is not a KvK number (8 digits)` };
  }
  return { ok: true, value: digits };
}

export function parseChoice<T extends string>(
  raw: string,
  choices: readonly T[],
  what: string,
): Parsed<T> {
  const v = raw.toLowerCase() as T;
  return choices.includes(v)
    ? { ok: true, value: v }
    : { ok: false, reason: `"${clip(raw)}" is not a ${what} (use ${choices.join(' or ')})` };
}
