// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '../../renderer/components/format';

describe('date formatting', () => {
  const afternoon = new Date(2026, 11, 2, 14, 30, 45).toISOString();
  const morning = new Date(2026, 8, 7, 4, 5).toISOString();

  it('writes one date-time format per language: day, short month, year, 24-hour time', () => {
    expect(formatDateTime(afternoon, 'nl')).toBe('2 dec 2026 14:30');
    expect(formatDateTime(afternoon, 'en')).toBe('2 Dec 2026 14:30');
    expect(formatDateTime(morning, 'nl')).toBe('7 sep 2026 04:05');
  });

  it('never shows seconds or a 12-hour clock', () => {
    for (const lang of ['nl', 'en']) {
      const text = formatDateTime(new Date(2026, 0, 1, 23, 59, 59).toISOString(), lang);
      expect(text).toMatch(/ 23:59$/);
      expect(text).not.toMatch(/:59:59|PM|AM|,/i);
    }
  });

  it('writes a day alone in the same format', () => {
    expect(formatDate(afternoon, 'nl')).toBe('2 dec 2026');
    expect(formatDate(afternoon, 'en')).toBe('2 Dec 2026');
  });

  it('leaves text that is not a moment as it is', () => {
    expect(formatDateTime('soon', 'nl')).toBe('soon');
  });
});
