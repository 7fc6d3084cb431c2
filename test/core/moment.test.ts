import { describe, expect, it } from 'vitest';
import { formatOffset, parseOffset, resolveMoment, withOffset } from '../../shared/moment';

const utc = (moment: string, zone?: string | null) => {
  const r = resolveMoment(moment, zone);
  if (r.status !== 'ok') throw new Error(`${moment}: ${r.status}`);
  return r.utc;
};

describe('resolveMoment: ordinary times', () => {
  it('defaults to Europe/Amsterdam, winter (+01:00) and summer (+02:00)', () => {
    expect(utc('2025-01-15T14:30')).toBe('2025-01-15T13:30:00.000Z');
    expect(utc('2025-07-15T14:30')).toBe('2025-07-15T12:30:00.000Z');
    const r = resolveMoment('2025-07-15T14:30');
    expect(r).toMatchObject({
      status: 'ok',
      zone: 'Europe/Amsterdam',
      offset: '+02:00',
      explicitOffset: false,
    });
  });
  it('accepts seconds, milliseconds and a space instead of T', () => {
    expect(utc('2025-01-15 14:30:15')).toBe('2025-01-15T13:30:15.000Z');
    expect(utc('2025-01-15T14:30:15.25')).toBe('2025-01-15T13:30:15.250Z');
  });
  it('honours other IANA zones', () => {
    expect(utc('2025-01-15T09:00', 'America/New_York')).toBe('2025-01-15T14:00:00.000Z');
    expect(utc('2025-01-15T09:00', 'UTC')).toBe('2025-01-15T09:00:00.000Z');
    expect(utc('2025-01-15T09:00', 'Asia/Kolkata')).toBe('2025-01-15T03:30:00.000Z');
  });
  it('an empty zone means the default zone', () => {
    expect(utc('2025-01-15T14:30', '  ')).toBe('2025-01-15T13:30:00.000Z');
    expect(utc('2025-01-15T14:30', null)).toBe('2025-01-15T13:30:00.000Z');
  });
  it('takes a fixed offset given as the zone', () => {
    expect(utc('2025-01-15T14:30', '+05:30')).toBe('2025-01-15T09:00:00.000Z');
    expect(resolveMoment('2025-01-15T14:30', 'UTC-3')).toMatchObject({
      status: 'ok',
      zone: '-03:00',
      explicitOffset: true,
    });
  });
});

describe('resolveMoment: explicit offsets', () => {
  it('an offset in the moment wins over the zone', () => {
    expect(utc('2025-01-15T14:30+03:00', 'Europe/Amsterdam')).toBe('2025-01-15T11:30:00.000Z');
    expect(utc('2025-01-15T14:30Z')).toBe('2025-01-15T14:30:00.000Z');
    expect(utc('2025-01-15T14:30:00-0500')).toBe('2025-01-15T19:30:00.000Z');
  });
  it('is never ambiguous, even inside the fall-back hour', () => {
    expect(resolveMoment('2025-10-26T02:30+02:00')).toMatchObject({
      status: 'ok',
      utc: '2025-10-26T00:30:00.000Z',
      explicitOffset: true,
    });
    expect(utc('2025-10-26T02:30+01:00')).toBe('2025-10-26T01:30:00.000Z');
  });
  it('an explicit offset inside the spring-forward gap is a real instant', () => {
    expect(utc('2026-03-29T02:30+01:00')).toBe('2026-03-29T01:30:00.000Z');
  });
});

describe('resolveMoment: daylight saving transitions in Europe/Amsterdam', () => {
  it('spring-forward gap: 2026-03-29 02:00–02:59 does not exist', () => {
    for (const t of ['2026-03-29T02:00', '2026-03-29T02:30', '2026-03-29T02:59:59']) {
      const r = resolveMoment(t, 'Europe/Amsterdam');
      expect(r.status).toBe('invalid_time');
      if (r.status === 'invalid_time') expect(r.reason).toMatch(/skipped/);
    }
  });
  it('the edges of the gap are fine', () => {
    expect(utc('2026-03-29T01:59:59')).toBe('2026-03-29T00:59:59.000Z');
    expect(utc('2026-03-29T03:00')).toBe('2026-03-29T01:00:00.000Z');
  });
  it('fall-back overlap: 2025-10-26 02:30 happened twice; both candidates, earliest first', () => {
    const r = resolveMoment('2025-10-26T02:30');
    expect(r.status).toBe('ambiguous_time');
    if (r.status !== 'ambiguous_time') return;
    expect(r.candidates.map((c) => [c.offset, c.utc])).toEqual([
      ['+02:00', '2025-10-26T00:30:00.000Z'],
      ['+01:00', '2025-10-26T01:30:00.000Z'],
    ]);
    expect(r.reason).toMatch(/twice/);
  });
  it('the whole 02:00–02:59 hour is ambiguous, 01:59 and 03:00 are not', () => {
    expect(resolveMoment('2025-10-26T02:00').status).toBe('ambiguous_time');
    expect(resolveMoment('2025-10-26T02:59:59').status).toBe('ambiguous_time');
    expect(utc('2025-10-26T01:59:59')).toBe('2025-10-25T23:59:59.000Z');
    expect(utc('2025-10-26T03:00')).toBe('2025-10-26T02:00:00.000Z');
  });
  it('other zones have their own transitions (New York, 2025-03-09 02:30 gap, 2025-11-02 01:30 twice)', () => {
    expect(resolveMoment('2025-03-09T02:30', 'America/New_York').status).toBe('invalid_time');
    expect(resolveMoment('2025-11-02T01:30', 'America/New_York').status).toBe('ambiguous_time');
    expect(resolveMoment('2025-10-26T02:30', 'America/New_York').status).toBe('ok');
  });
  it('a zone without DST is never ambiguous', () => {
    expect(resolveMoment('2025-10-26T02:30', 'UTC').status).toBe('ok');
    expect(resolveMoment('2026-03-29T02:30', 'Asia/Tokyo').status).toBe('ok');
  });
});

describe('resolveMoment: bad input', () => {
  it.each([
    ['', 'empty'],
    ['yesterday', 'words'],
    ['2025-10-26', 'date only'],
    ['26-10-2025 14:30', 'day first'],
    ['2025-10-26T14', 'hour only'],
    ['2025-10-26T14:30+25:00', 'offset out of range'],
  ])('%s (%s) is invalid_input', (text) => {
    expect(resolveMoment(text).status).toBe('invalid_input');
  });
  it('dates and times that do not exist on the calendar are invalid_time', () => {
    for (const t of [
      '2025-02-29T10:00',
      '2025-13-01T10:00',
      '2025-04-31T10:00',
      '2025-01-01T24:00',
      '2025-01-01T10:60',
    ]) {
      expect(resolveMoment(t).status, t).toBe('invalid_time');
    }
    expect(resolveMoment('2024-02-29T10:00').status).toBe('ok');
  });
  it('an unknown zone is invalid_input and names the zone', () => {
    const r = resolveMoment('2025-01-15T14:30', 'Europe/Amsterdm');
    expect(r.status).toBe('invalid_input');
    if (r.status === 'invalid_input') expect(r.reason).toContain('Europe/Amsterdm');
  });
});

describe('offset helpers', () => {
  it('parses and formats offsets', () => {
    expect(parseOffset('+01:00')).toBe(60);
    expect(parseOffset('-0530')).toBe(-330);
    expect(parseOffset('UTC+2')).toBe(120);
    expect(parseOffset('Z')).toBe(0);
    expect(parseOffset('Europe/Amsterdam')).toBeNull();
    expect(parseOffset('+19:00')).toBeNull();
    expect(formatOffset(-330)).toBe('-05:30');
    expect(formatOffset(0)).toBe('+00:00');
  });
  it('writes an instant with its offset', () => {
    expect(withOffset(Date.parse('2025-10-26T01:30:00Z'), 60)).toBe('2025-10-26T02:30:00+01:00');
  });
});
