import { describe, expect, it } from 'vitest';
import {
  parseCountry,
  parseHouseNumber,
  parseKvk,
  parsePostcode,
  parseTime,
} from '../../electron/customers/fields';
import { mapHeader, normaliseColumnName } from '../../electron/customers/columns';

const ok = <T>(r: { ok: true; value: T } | { ok: false; reason: string }): T => {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};
const reason = (r: { ok: boolean; reason?: string }) => (r.ok ? '' : r.reason);

describe('import times', () => {
  it('reads a date alone as 00:00 in Europe/Amsterdam (winter and summer time)', () => {
    expect(new Date(ok(parseTime('2024-03-01'))).toISOString()).toBe('2024-02-29T23:00:00.000Z');
    expect(new Date(ok(parseTime('2024-07-01'))).toISOString()).toBe('2024-06-30T22:00:00.000Z');
    // The clocks go forward at 02:00 on 31 March 2024: midnight is still winter time.
    expect(new Date(ok(parseTime('2024-03-31'))).toISOString()).toBe('2024-03-30T23:00:00.000Z');
  });

  it('reads ISO 8601 with Z or an offset, seconds and fractions optional', () => {
    expect(ok(parseTime('2024-03-01T14:30:00+01:00'))).toBe(Date.parse('2024-03-01T13:30:00Z'));
    expect(ok(parseTime('2024-03-01T13:30Z'))).toBe(Date.parse('2024-03-01T13:30:00Z'));
    expect(ok(parseTime('2024-03-01 13:30:05.250Z'))).toBe(Date.parse('2024-03-01T13:30:05.250Z'));
    expect(ok(parseTime('2024-03-01T08:30:00-0500'))).toBe(Date.parse('2024-03-01T13:30:00Z'));
  });

  it('knows the leap years: 29 February in 2024 and 2000, not in 2023 or 2100', () => {
    expect(ok(parseTime('2024-02-29T12:00:00Z'))).toBe(Date.parse('2024-02-29T12:00:00Z'));
    expect(ok(parseTime('2000-02-29'))).toBe(Date.parse('2000-02-28T23:00:00Z'));
    expect(reason(parseTime('2023-02-29'))).toMatch(/not a calendar date/);
    expect(reason(parseTime('2100-02-29T00:00:00Z'))).toMatch(/not a valid date and time/);
    expect(reason(parseTime('2024-04-31'))).toMatch(/not a calendar date/);
    expect(ok(parseTime('2024-12-31T23:59:59Z'))).toBe(Date.parse('2024-12-31T23:59:59Z'));
  });

  it('answers a time read again as the first time, and a refused one stays refused', () => {
    for (let i = 0; i < 3; i++) {
      expect(ok(parseTime('2019-01-04T00:00:00Z'))).toBe(Date.parse('2019-01-04T00:00:00Z'));
      expect(ok(parseTime('2019-01-04'))).toBe(Date.parse('2019-01-03T23:00:00Z'));
      expect(reason(parseTime('2019-01-04T10:00'))).toMatch(/no time zone/);
    }
  });

  it('refuses a time without zone, impossible dates and other text, saying why', () => {
    expect(reason(parseTime('2024-03-01T10:00'))).toMatch(/no time zone/);
    expect(reason(parseTime('2024-02-30'))).toMatch(/not a calendar date/);
    expect(reason(parseTime('2024-03-01T25:00:00Z'))).toMatch(/not a valid date and time/);
    expect(reason(parseTime('01-03-2024'))).toMatch(/is not a time; use 2024-03-01/);
  });
});

describe('address fields', () => {
  it('normalises Dutch postcodes to 1234 AB and keeps other countries free-form', () => {
    expect(ok(parsePostcode('1234ab', 'NL'))).toBe('1234 AB');
    expect(ok(parsePostcode('1234  Ab', 'NL'))).toBe('1234 AB');
    expect(ok(parsePostcode('3511 AB', 'NL'))).toBe('3511 AB');
    expect(reason(parsePostcode('0123 AB', 'NL'))).toMatch(/not a Dutch postcode/);
    expect(reason(parsePostcode('12345', 'NL'))).toMatch(/not a Dutch postcode/);
    expect(ok(parsePostcode('1000', 'BE'))).toBe('1000');
    expect(ok(parsePostcode('SW1A 1AA', 'GB'))).toBe('SW1A 1AA');
  });

  it('wants whole house numbers in NL, with letters in the addition', () => {
    expect(ok(parseHouseNumber('12', 'NL'))).toBe('12');
    expect(reason(parseHouseNumber('12a', 'NL'))).toMatch(/house_number_addition/);
    expect(ok(parseHouseNumber('12 bus 3', 'BE'))).toBe('12 bus 3');
  });

  it('checks ISO country codes and KvK numbers', () => {
    expect(ok(parseCountry('nl'))).toBe('NL');
    expect(ok(parseCountry('BE'))).toBe('BE');
    expect(reason(parseCountry('NLD'))).toMatch(/ISO 3166/);
    expect(reason(parseCountry('QQ'))).toMatch(/ISO 3166/);
    expect(ok(parseKvk('1234 5678'))).toBe('12345678');
    expect(reason(parseKvk('1234'))).toMatch(/8 digits/);
  });
});

describe('header', () => {
  it('matches column names case-insensitively, reports unknown and missing ones', () => {
    expect(normaliseColumnName(' Customer ID ')).toBe('customer_id');
    const m = mapHeader(['Number', 'CUSTOMER_ID', 'colour'], 'numbers');
    expect(m.mode).toBe('snapshot');
    expect(m.unknown).toEqual(['colour']);
    expect(m.fatal).toEqual([]);
    expect(m.warnings[0]).toMatchObject({ line: 1, column: 'colour' });
    const bad = mapHeader(['number', 'valid_to'], 'numbers');
    expect(bad.mode).toBe('history');
    expect(bad.missing).toEqual(['customer_id', 'valid_from']);
    expect(bad.fatal.map((f) => f.column)).toEqual(['customer_id', 'valid_from']);
    const twice = mapHeader(['prefix', 'customer_id', 'Prefix'], 'ips');
    expect(twice.fatal[0]!.reason).toMatch(/appears twice/);
  });
});
