// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  endOfLocalDay,
  formatDate,
  formatDateTime,
  formatWallTime,
  instantOfDeskTime,
  localNow,
  localToday,
  startOfLocalDay,
} from '../../renderer/components/format';

// The workstation is in New York (and, in one test, Tokyo); the desk's times are Dutch time.
// Node re-reads TZ when it is assigned, so `new Date()`'s local zone really changes here.
const savedZone = process.env.TZ;
beforeEach(() => {
  process.env.TZ = 'America/New_York';
});
afterEach(() => {
  process.env.TZ = savedZone;
  vi.useRealTimers();
});

describe('date formatting, in Dutch time whatever the workstation zone', () => {
  // 13:30:45 UTC on 2 December is 14:30:45 in Amsterdam (CET) and 08:30 in New York.
  const afternoon = '2026-12-02T13:30:45.000Z';
  // 02:05 UTC on 7 September is 04:05 in Amsterdam (CEST) and 22:05 the day before in New York.
  const morning = '2026-09-07T02:05:00.000Z';

  it('the workstation here really is not in Dutch time', () => {
    expect(new Date(afternoon).getHours()).toBe(8);
  });

  it('writes one date-time format per language: day, short month, year, 24-hour time', () => {
    expect(formatDateTime(afternoon, 'nl')).toBe('2 dec 2026 14:30');
    expect(formatDateTime(afternoon, 'en')).toBe('2 Dec 2026 14:30');
    expect(formatDateTime(morning, 'nl')).toBe('7 sep 2026 04:05');
  });

  it('gives the same text on a workstation in another zone', () => {
    process.env.TZ = 'Asia/Tokyo';
    expect(formatDateTime(afternoon, 'nl')).toBe('2 dec 2026 14:30');
    expect(formatDate(morning, 'nl')).toBe('7 sep 2026');
  });

  it('never shows seconds or a 12-hour clock', () => {
    for (const lang of ['nl', 'en']) {
      const text = formatDateTime('2026-01-01T22:59:59Z', lang);
      expect(text).toBe(lang === 'nl' ? '1 jan 2026 23:59' : '1 Jan 2026 23:59');
      expect(text).not.toMatch(/:59:59|PM|AM|,/i);
    }
  });

  it('writes a day alone in the same format, the day as it is in Amsterdam', () => {
    expect(formatDate(afternoon, 'nl')).toBe('2 dec 2026');
    expect(formatDate(afternoon, 'en')).toBe('2 Dec 2026');
    // 23:30 UTC on 31 December is already New Year's Day in Amsterdam.
    expect(formatDate('2025-12-31T23:30:00Z', 'nl')).toBe('1 jan 2026');
  });

  it('leaves text that is not a moment as it is', () => {
    expect(formatDateTime('soon', 'nl')).toBe('soon');
  });
});

describe('a moment as a request gives it, in its own zone', () => {
  it('is written in the same format, not moved to Dutch or the workstation time', () => {
    expect(formatWallTime('2025-06-01T14:00', 'nl')).toBe('1 jun 2025 14:00');
    expect(formatWallTime('2025-06-01T14:00', 'en')).toBe('1 Jun 2025 14:00');
    // Seconds when there are any (a CGNAT port block can need them); an offset as written.
    expect(formatWallTime('2025-10-26T02:30:15', 'nl')).toBe('26 okt 2025 02:30:15');
    expect(formatWallTime('2025-10-26T02:30:00+01:00', 'nl')).toBe('26 okt 2025 02:30 +01:00');
    expect(formatWallTime('2025-10-26 02:30Z', 'nl')).toBe('26 okt 2025 02:30 UTC');
  });

  it('leaves what is not a moment, or not on the calendar, as it is', () => {
    expect(formatWallTime('gisteren', 'nl')).toBe('gisteren');
    expect(formatWallTime('2025-02-30T10:00', 'nl')).toBe('2025-02-30T10:00');
  });
});

describe('pre-filled values, in Dutch time', () => {
  it('now and today are the wall clock in Amsterdam', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // 23:10 UTC on 1 December: 00:10 on 2 December in Amsterdam, 18:10 on 1 December in New York.
    vi.setSystemTime(new Date('2026-12-01T23:10:00Z'));
    expect(localNow()).toBe('2026-12-02T00:10');
    expect(localToday()).toBe('2026-12-02');
    // Summer time: 10:00 UTC is 12:00 in Amsterdam.
    vi.setSystemTime(new Date('2026-07-15T10:00:30Z'));
    expect(localNow()).toBe('2026-07-15T12:00');
  });

  it('a typed day starts and ends at midnight in Amsterdam', () => {
    expect(startOfLocalDay('2026-12-02')).toBe('2026-12-01T23:00:00.000Z');
    expect(endOfLocalDay('2026-12-02')).toBe('2026-12-02T23:00:00.000Z');
    // The day the clocks go forward has 23 hours; the last day of a month ends on the next month.
    expect(startOfLocalDay('2026-03-29')).toBe('2026-03-28T23:00:00.000Z');
    expect(endOfLocalDay('2026-03-29')).toBe('2026-03-29T22:00:00.000Z');
    expect(endOfLocalDay('2026-12-31')).toBe('2026-12-31T23:00:00.000Z');
    expect(startOfLocalDay('2-12-2026')).toBeUndefined();
  });

  it('a typed time is read as Dutch time, as the register reads it', () => {
    expect(instantOfDeskTime('2026-12-02T14:30')).toBe('2026-12-02T13:30:00.000Z');
    expect(instantOfDeskTime('2026-07-15T12:00')).toBe('2026-07-15T10:00:00.000Z');
    // The repeated autumn hour: its first occurrence (summer time); the skipped spring hour: none.
    expect(instantOfDeskTime('2026-10-25T02:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(instantOfDeskTime('2026-03-29T02:30')).toBeUndefined();
  });
});
