import { describe, expect, it } from 'vitest';
import { findDateTimes, localDateTime, parseTimeOnly } from '../../electron/intake/rules/datetimes';
import { monthNumber } from '../../electron/intake/rules/months';
import { documentZoneIn, zoneAt } from '../../electron/intake/rules/time-zones';

const one = (s: string) => {
  const all = findDateTimes(s);
  expect(all).toHaveLength(1);
  const d = all[0]!;
  return {
    text: s.slice(d.from, d.to),
    local: d.time ? localDateTime({ ...d, time: d.time }) : null,
    d,
  };
};

describe('intake: dates and times as requests write them', () => {
  it.each([
    ['op 28 oktober 2026 om 14:32 uur actief', '28 oktober 2026 om 14:32 uur', '2026-10-28T14:32'],
    ['27-10-2026 om 21:07:45 uur (UTC)', '27-10-2026 om 21:07:45 uur (UTC)', '2026-10-27T21:07:45'],
    [
      '2 oktober 2026, omstreeks 09.15 uur',
      '2 oktober 2026, omstreeks 09.15 uur',
      '2026-10-02T09:15',
    ],
    ['30 okt. 2026 10:00u', '30 okt. 2026 10:00u', '2026-10-30T10:00'],
    ['01.10.2026 08:15:30 CEST', '01.10.2026 08:15:30 CEST', '2026-10-01T08:15:30'],
    ['October 3, 2026 at 4:05 PM CEST', 'October 3, 2026 at 4:05 PM CEST', '2026-10-03T16:05'],
    ['3 October 2026 12:30 AM', '3 October 2026 12:30 AM', '2026-10-03T00:30'],
    ['2026-10-03T14:05:00Z', '2026-10-03T14:05:00Z', '2026-10-03T14:05:00'],
    ['2026-10-03T14:05:00.123+02:00', '2026-10-03T14:05:00.123+02:00', '2026-10-03T14:05:00.123'],
    [
      '2026-10-01 08:15:30.123 UTC src=203.0.113.9',
      '2026-10-01 08:15:30.123 UTC',
      '2026-10-01T08:15:30.123',
    ],
    ['[03/Oct/2026:14:05:07 +0200] "GET /"', '03/Oct/2026:14:05:07 +0200', '2026-10-03T14:05:07'],
    ['om 14:32 uur op 28-10-2026', 'om 14:32 uur op 28-10-2026', '2026-10-28T14:32'],
    ['Wed, 28 Oct 2026 10:12:00 +0100', '28 Oct 2026 10:12:00 +0100', '2026-10-28T10:12:00'],
  ])('%s', (input, text, local) => {
    const r = one(input);
    expect(r.text).toBe(text);
    expect(r.local).toBe(local);
  });

  it('reads the zone written with the time', () => {
    expect(one('27-10-2026 om 21:07:45 uur (UTC)').d.zone).toEqual({
      kind: 'zone',
      zone: 'UTC',
      label: '(UTC)',
    });
    expect(one('01.10.2026 08:15:30 CEST').d.zone).toMatchObject({ kind: 'offset', minutes: 120 });
    expect(one('3 October 2026 16:05 (Lisbon time)').d.zone).toMatchObject({
      zone: 'Europe/Lisbon',
    });
    expect(one('28 oktober 2026 14:32 Nederlandse tijd').d.zone).toMatchObject({
      zone: 'Europe/Amsterdam',
    });
    expect(one('28-10-2026 14:32 UTC+1').d.zone).toMatchObject({ kind: 'offset', minutes: 60 });
    expect(one('2026-10-03T14:05:00Z').d.zone).toMatchObject({
      kind: 'offset',
      minutes: 0,
      label: 'Z',
    });
    expect(one('28-10-2026 14:32 Utrecht').d.zone).toBeUndefined();
  });

  it('marks approximate times and leaves a date without a time without one', () => {
    expect(one('2 oktober 2026, omstreeks 09.15 uur').d.approximate).toBe(true);
    expect(one('uiterlijk 30 oktober 2026.').d.time).toBeUndefined();
    // A dotted number after a date is no time unless it is said to be one.
    expect(one('28-10-2026 12.5 km').d.time).toBeUndefined();
  });

  it('never returns an impossible date or time', () => {
    expect(findDateTimes('30-02-2026 om 10:00')).toEqual([]);
    expect(findDateTimes('28-10-2026 om 25:10').map((d) => d.time)).toEqual([undefined]);
    expect(findDateTimes('versie 1.10.2026a')).toEqual([]);
  });

  it('finds several dates in a line, in order', () => {
    const s = '06-1 op 1-10-2026 10:00 en 06-2 op 2-10-2026 11:00';
    expect(findDateTimes(s).map((d) => s.slice(d.from, d.to))).toEqual([
      '1-10-2026 10:00',
      '2-10-2026 11:00',
    ]);
  });

  it('reads month words and a time alone', () => {
    expect(monthNumber('okt.')).toBe(10);
    expect(monthNumber('Sept')).toBe(9);
    expect(monthNumber('mrt')).toBe(3);
    expect(parseTimeOnly('14:32:05')).toEqual({ hour: 14, minute: 32, second: 5 });
    expect(parseTimeOnly('9.15 uur')).toEqual({ hour: 9, minute: 15 });
    expect(parseTimeOnly('24:00')).toBeNull();
  });

  it('reads zones and document-wide zone statements', () => {
    expect(zoneAt('(UTC) rest')).toMatchObject({ zone: { zone: 'UTC' }, length: 5 });
    expect(zoneAt('CETUS')).toBeNull();
    expect(zoneAt('+0200')).toMatchObject({ zone: { minutes: 120 } });
    expect(documentZoneIn('Alle tijden zijn in UTC.')?.zone).toMatchObject({ zone: 'UTC' });
    expect(documentZoneIn('All times are CET')?.zone).toMatchObject({ minutes: 60 });
    expect(documentZoneIn('Alle genoemde tijdstippen zijn Nederlandse tijd.')?.zone).toMatchObject({
      zone: 'Europe/Amsterdam',
    });
    expect(documentZoneIn('Er is tijd genoeg')).toBeNull();
  });
});
