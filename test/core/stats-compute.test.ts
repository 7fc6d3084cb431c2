import { describe, expect, it } from 'vitest';
import { ZoneCalendar } from '../../electron/stats/calendar';
import { computeYearStats, StatsBook, type RequestFact } from '../../electron/stats/compute';
import { quantile } from '../../electron/stats/quantile';

const H = 3_600_000;
const at = (iso: string, plusHours = 0) => new Date(Date.parse(iso) + plusHours * H).toISOString();

/** A closed, disclosed normal request answered in 24 h, unless told otherwise. */
function fact(receivedAt: string, o: Partial<RequestFact> = {}): RequestFact {
  const outcome = o.outcome ?? 'disclosed';
  const open = outcome === 'open';
  return {
    receivedAt,
    decidedAt: open ? null : at(receivedAt, 20),
    sentAt: open ? null : at(receivedAt, 24),
    outcome,
    legalBasis: 'sv-126na-1',
    authority: 'pol-amsterdam',
    items: ['phone'],
    urgency: 'normal',
    deadline: at(receivedAt, 240),
    refusalReasons: [],
    verificationFailed: false,
    disclosedCustomers: outcome === 'disclosed' || outcome === 'partly_disclosed' ? ['C1'] : [],
    ...o,
  };
}

const NOW = new Date('2026-06-15T10:00:00Z');

describe('quantile', () => {
  it('interpolates between ranks (PERCENTILE.INC)', () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([4, 1, 3, 2], 0.9)).toBeCloseTo(3.7, 10);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100], 0.9)).toBe(10);
    expect(quantile([5, 1, 3], 0.5)).toBe(3);
  });
  it('does not reorder its input', () => {
    const v = [3, 1, 2];
    quantile(v, 0.5);
    expect(v).toEqual([3, 1, 2]);
  });
});

describe('calendar years and months in Europe/Amsterdam', () => {
  const cal = new ZoneCalendar('Europe/Amsterdam');
  it('places instants around New Year in the local year', () => {
    expect(cal.yearOf(Date.parse('2025-12-31T22:59:59.999Z'))).toBe(2025);
    expect(cal.yearOf(Date.parse('2025-12-31T23:00:00Z'))).toBe(2026);
    expect(cal.yearOf(Date.parse('2025-12-31T23:30:00Z'))).toBe(2026);
    expect(cal.yearOf(Date.parse('2026-12-31T23:00:00Z'))).toBe(2027);
    expect(cal.yearOf(Date.parse('2026-01-01T00:00:00Z'))).toBe(2026);
  });
  it('places month starts in summer time at 22:00 UTC', () => {
    expect(cal.monthOf(Date.parse('2026-03-31T21:59:59Z'), 2026)).toBe(2);
    expect(cal.monthOf(Date.parse('2026-03-31T22:00:00Z'), 2026)).toBe(3);
    expect(cal.monthOf(Date.parse('2026-10-31T22:59:59Z'), 2026)).toBe(9);
    expect(cal.monthOf(Date.parse('2026-10-31T23:00:00Z'), 2026)).toBe(10);
  });
  it('knows the same moment a year earlier, with 29 February as 28 February', () => {
    const ms = cal.sameMomentYearBefore(Date.parse('2028-02-29T11:00:00Z'));
    expect(new Date(ms).toISOString()).toBe('2027-02-28T11:00:00.000Z');
    // 12:00 summer time in both years
    expect(
      new Date(cal.sameMomentYearBefore(Date.parse('2026-06-15T10:00:00Z'))).toISOString(),
    ).toBe('2025-06-15T10:00:00.000Z');
  });
});

describe('computeYearStats', () => {
  it('counts a request of 2025-12-31T23:30Z for January 2026, not for 2025', () => {
    const facts = [
      fact('2025-12-31T23:30:00Z'),
      fact('2025-12-31T22:30:00Z'),
      fact('2026-12-31T22:59:00Z'),
      fact('2026-12-31T23:00:00Z'),
    ];
    const y2026 = computeYearStats(facts, 2026, { now: new Date('2027-03-01T00:00:00Z') });
    expect(y2026.requests).toBe(2);
    expect(y2026.byMonth).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    const y2025 = computeYearStats(facts, 2025, { now: new Date('2027-03-01T00:00:00Z') });
    expect(y2025.requests).toBe(1);
    expect(y2025.byMonth[11]).toBe(1);
    const y2027 = computeYearStats(facts, 2027, { now: new Date('2027-03-01T00:00:00Z') });
    expect(y2027.byMonth[0]).toBe(1);
  });

  it('uses local months across the DST changes and measures real elapsed hours', () => {
    const facts = [
      // 2026-03-29 02:00 CET → 03:00 CEST: 12:00Z to 12:00Z next day is 24 h, not 23.
      fact('2026-03-28T12:00:00Z', {
        decidedAt: '2026-03-29T10:00:00Z',
        sentAt: '2026-03-29T12:00:00Z',
      }),
      fact('2026-03-31T22:30:00Z'), // 1 April 00:30 CEST
      fact('2026-10-25T00:30:00Z', {
        decidedAt: '2026-10-25T01:30:00Z',
        sentAt: '2026-10-25T03:30:00Z',
      }),
      fact('2026-10-31T23:30:00Z'), // 1 November 00:30 CET
    ];
    const s = computeYearStats(facts, 2026, { now: NOW });
    expect(s.byMonth).toEqual([0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0]);
    // handling: 24, 24, 3 (02:30 CEST → 04:30 CET is 3 real hours), 24; decision: 22, 20, 1, 20
    expect(s.handlingHours).toEqual({ median: 24, p90: 24, count: 4 });
    expect(s.decisionHours).toEqual({ median: 20, p90: 21.4, count: 4 });
    // sending: 2, 4, 2, 4
    expect(s.sendingHours).toEqual({ median: 3, p90: 4, count: 4 });
  });

  describe('a year with every kind of request', () => {
    const facts: RequestFact[] = [
      // 1 disclosed, emergency, answered in 5 h, two phones
      fact('2026-01-10T08:00:00Z', {
        urgency: 'emergency',
        decidedAt: at('2026-01-10T08:00:00Z', 4),
        sentAt: at('2026-01-10T08:00:00Z', 5),
        deadline: at('2026-01-10T08:00:00Z', 8),
        items: ['phone', 'phone'],
        disclosedCustomers: ['C1', 'C2'],
      }),
      // 2 partly disclosed, urgent, IPv4 + IPv4 with port, answered in 80 h past its 72 h deadline
      fact('2026-02-02T09:00:00Z', {
        outcome: 'partly_disclosed',
        urgency: 'urgent',
        authority: 'om-rotterdam',
        decidedAt: at('2026-02-02T09:00:00Z', 70),
        sentAt: at('2026-02-02T09:00:00Z', 80),
        deadline: at('2026-02-02T09:00:00Z', 72),
        items: ['ipv4', 'ipv4_port'],
        disclosedCustomers: ['C2'],
      }),
      // 3 no data, IPv6, answered in 48 h
      fact('2026-02-20T09:00:00Z', {
        outcome: 'no_data',
        items: ['ipv6'],
        decidedAt: at('2026-02-20T09:00:00Z', 40),
        sentAt: at('2026-02-20T09:00:00Z', 48),
      }),
      // 4 refused: not verified and no case reference, decided in 2 h, no letter recorded
      fact('2026-03-03T09:00:00Z', {
        outcome: 'refused',
        legalBasis: 'sv-126na-2',
        refusalReasons: ['not_verified', 'missing_case_reference', 'not_verified'],
        verificationFailed: true,
        decidedAt: at('2026-03-03T09:00:00Z', 2),
        sentAt: null,
      }),
      // 5 refused without a reason code
      fact('2026-03-04T09:00:00Z', {
        outcome: 'refused',
        legalBasis: 'sv-126na-2',
        decidedAt: at('2026-03-04T09:00:00Z', 10),
        sentAt: at('2026-03-04T09:00:00Z', 12),
      }),
      // 6 referred, decided in 1 h
      fact('2026-04-01T09:00:00Z', {
        outcome: 'referred',
        legalBasis: 'sv-126ng',
        decidedAt: at('2026-04-01T09:00:00Z', 1),
        sentAt: null,
      }),
      // 7 open, past its deadline (now = 15 June)
      fact('2026-05-01T09:00:00Z', { outcome: 'open', deadline: '2026-05-11T09:00:00Z' }),
      // 8 open, within its deadline, emergency received 2 h ago
      fact('2026-06-15T08:00:00Z', {
        outcome: 'open',
        urgency: 'emergency',
        deadline: '2026-06-15T16:00:00Z',
        items: ['ipv6', 'phone'],
      }),
      // 9 open emergency received 10 h ago: late
      fact('2026-06-15T00:00:00Z', {
        outcome: 'open',
        urgency: 'emergency',
        deadline: '2026-06-15T08:00:00Z',
      }),
      // 10 emergency answered in 9 h (late), disclosed the same customer C1 again
      fact('2026-06-01T09:00:00Z', {
        urgency: 'emergency',
        authority: 'om-rotterdam',
        decidedAt: at('2026-06-01T09:00:00Z', 8.5),
        sentAt: at('2026-06-01T09:00:00Z', 9),
        deadline: at('2026-06-01T09:00:00Z', 8),
        disclosedCustomers: ['C1'],
      }),
      // other years
      fact('2025-03-01T10:00:00Z'),
      fact('2025-06-15T09:59:00Z', { outcome: 'refused', refusalReasons: ['basis_refused'] }),
      fact('2025-06-15T10:01:00Z', { items: ['phone', 'ipv4'] }),
      fact('2025-11-01T10:00:00Z', { outcome: 'no_data' }),
      fact('2024-05-05T10:00:00Z', { disclosedCustomers: ['C9'] }),
      fact('2022-05-05T10:00:00Z'),
      fact('2021-05-05T10:00:00Z'), // outside the five years
    ];
    const s = computeYearStats(facts, 2026, {
      now: NOW,
      labels: {
        legalBasis: { 'sv-126na-1': 'Sv 126na lid 1', 'sv-126na-2': 'Sv 126na lid 2', unused: 'x' },
        authority: { 'pol-amsterdam': 'Politie Eenheid Amsterdam', 'om-rotterdam': 'OM Rotterdam' },
      },
    });

    it('counts requests, items, outcomes, bases, authorities, kinds, urgency and months', () => {
      expect(s.year).toBe(2026);
      expect(s.timeZone).toBe('Europe/Amsterdam');
      expect(s.asOf).toBe('2026-06-15T10:00:00.000Z');
      expect(s.requests).toBe(10);
      expect(s.items).toBe(13);
      expect(s.byOutcome).toEqual({
        disclosed: 2,
        partly_disclosed: 1,
        no_data: 1,
        refused: 2,
        referred: 1,
        open: 3,
      });
      expect(s.byLegalBasis).toEqual({ 'sv-126na-1': 7, 'sv-126na-2': 2, 'sv-126ng': 1 });
      expect(Object.keys(s.byLegalBasis)).toEqual(['sv-126na-1', 'sv-126na-2', 'sv-126ng']);
      expect(s.byAuthority).toEqual({ 'pol-amsterdam': 8, 'om-rotterdam': 2 });
      expect(s.byIdentifierKind).toEqual({ phone: 9, ipv4: 1, ipv6: 2, ipv4_port: 1 });
      expect(s.byUrgency).toEqual({ emergency: 4, urgent: 1, normal: 5 });
      expect(s.byMonth).toEqual([1, 2, 2, 1, 1, 3, 0, 0, 0, 0, 0, 0]);
    });

    it('labels only the codes that occur, with the catalogue text or the code itself', () => {
      expect(s.labels.legalBasis).toEqual({
        'sv-126na-1': 'Sv 126na lid 1',
        'sv-126na-2': 'Sv 126na lid 2',
        'sv-126ng': 'sv-126ng',
      });
      expect(s.labels.authority).toEqual({
        'pol-amsterdam': 'Politie Eenheid Amsterdam',
        'om-rotterdam': 'OM Rotterdam',
      });
    });

    it('counts refusals per reason once per request, and failed verification', () => {
      expect(s.refusalsByReason).toEqual({
        missing_case_reference: 1,
        not_verified: 1,
        unspecified: 1,
      });
      expect(s.failedVerification).toBe(1);
    });

    it('gives handling time median and p90 over answered requests', () => {
      // answered: 5, 80, 48, 2 (decision, no letter), 12, 1 (decision), 9
      // sorted 1 2 5 9 12 48 80 → median 9, p90 at rank 5.4 → 48 + 0.4 × 32 = 60.8
      expect(s.handlingHours).toEqual({ median: 9, p90: 60.8, count: 7 });
      // decisions: 4, 70, 40, 2, 10, 1, 8.5 → sorted 1 2 4 8.5 10 40 70 → median 8.5, p90 52
      expect(s.decisionHours).toEqual({ median: 8.5, p90: 52, count: 7 });
      // sending: 1, 10, 8, 2, 0.5 → sorted 0.5 1 2 8 10 → median 2, p90 9.2
      expect(s.sendingHours).toEqual({ median: 2, p90: 9.2, count: 5 });
    });

    it('counts deadlines met and missed, with open requests past their deadline as missed', () => {
      // met: 1, 3, 4, 5, 6; missed: 2 (80 > 72), 10 (9 > 8), 7 (open, past), 9 (open, past); open: 8
      expect(s.deadlines).toEqual({ met: 5, missed: 4, open: 1 });
    });

    it('counts emergencies answered within 8 hours', () => {
      expect(s.emergencies).toEqual({ total: 4, within8h: 1, late: 2, open: 1 });
    });

    it('counts distinct customers whose data was disclosed', () => {
      expect(s.subscribersAffected).toBe(2);
    });

    it('compares this year so far with the same period last year', () => {
      expect(s.soFar.until).toBe('2026-06-15T12:00:00+02:00');
      expect(s.soFar.current.requests).toBe(10);
      // 2025: 1 March and 15 June 09:59Z are before 12:00 CEST; 10:01Z is not
      expect(s.soFar.previous).toEqual({
        requests: 2,
        items: 2,
        byOutcome: {
          disclosed: 1,
          partly_disclosed: 0,
          no_data: 0,
          refused: 1,
          referred: 0,
          open: 0,
        },
        subscribersAffected: 1,
      });
    });

    it('shows the last five years side by side, oldest first', () => {
      expect(s.lastFiveYears.map((y) => [y.year, y.requests, y.items])).toEqual([
        [2022, 1, 1],
        [2023, 0, 0],
        [2024, 1, 1],
        [2025, 4, 5],
        [2026, 10, 13],
      ]);
      expect(s.lastFiveYears[3]!.byOutcome).toEqual({
        disclosed: 2,
        partly_disclosed: 0,
        no_data: 1,
        refused: 1,
        referred: 0,
        open: 0,
      });
      expect(s.lastFiveYears[2]!.subscribersAffected).toBe(1);
      expect(s.lastFiveYears[4]!.subscribersAffected).toBe(2);
    });

    it('compares whole years for a past year, and lists the years with requests', () => {
      const book = new StatsBook(facts, { now: NOW });
      expect(book.years()).toEqual([2026, 2025, 2024, 2022, 2021]);
      const y = book.year(2025);
      expect(y.soFar.until).toBe('2026-01-01T00:00:00+01:00');
      expect(y.soFar.current.requests).toBe(4);
      expect(y.soFar.previous.requests).toBe(1);
      expect(y.deadlines).toEqual({ met: 4, missed: 0, open: 0 });
      expect(y.refusalsByReason).toEqual({ basis_refused: 1 });
    });
  });

  it('gives zeros and nulls for a year without requests', () => {
    const s = computeYearStats([fact('2020-01-01T12:00:00Z')], 2026, { now: NOW });
    expect(s.requests).toBe(0);
    expect(s.byMonth).toEqual(new Array(12).fill(0));
    expect(s.handlingHours).toEqual({ median: null, p90: null, count: 0 });
    expect(s.byLegalBasis).toEqual({});
    expect(s.byOutcome.open).toBe(0);
    expect(s.soFar.until).toBe('2026-06-15T12:00:00+02:00');
  });

  it('has nothing so far for a year that has not started', () => {
    const s = computeYearStats([fact('2026-02-01T12:00:00Z')], 2027, { now: NOW });
    expect(s.soFar.until).toBe('2027-01-01T00:00:00+01:00');
    expect(s.soFar.current.requests).toBe(0);
    expect(s.soFar.previous.requests).toBe(0);
  });

  it('counts an open request that was not yet due as open, and the same one later as missed', () => {
    const f = [fact('2026-06-14T10:00:00Z', { outcome: 'open', deadline: '2026-06-24T10:00:00Z' })];
    expect(computeYearStats(f, 2026, { now: NOW }).deadlines).toEqual({
      met: 0,
      missed: 0,
      open: 1,
    });
    expect(computeYearStats(f, 2026, { now: new Date('2026-06-24T10:00:01Z') }).deadlines).toEqual({
      met: 0,
      missed: 1,
      open: 0,
    });
  });

  it('uses another zone when told to', () => {
    const f = [fact('2025-12-31T23:30:00Z')];
    expect(computeYearStats(f, 2025, { now: NOW, timeZone: 'America/New_York' }).requests).toBe(1);
    expect(computeYearStats(f, 2026, { now: NOW }).requests).toBe(1);
  });
});
