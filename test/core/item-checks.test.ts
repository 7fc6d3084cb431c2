import { describe, expect, it } from 'vitest';
import { checkItem, internalRangeOf } from '../../shared/item-checks';

const NOW = Date.parse('2026-11-02T12:00:00Z');
const codes = (item: Parameters<typeof checkItem>[0]) => checkItem(item, NOW).map((c) => c.code);
const phone = (value: string, moment = '2026-10-28T14:32') => ({
  kind: 'phone' as const,
  value,
  moment,
});
const ip = (value: string, port = '', moment = '2026-10-28T14:32') => ({
  kind: 'ip' as const,
  value,
  port,
  moment,
});

describe('checks of an identifier before logging', () => {
  it('says nothing of a valid number at a past moment, or of fields still empty', () => {
    expect(codes(phone('06-41234567'))).toEqual([]);
    expect(codes(phone('+31 (0)6 - 5551 2345'))).toEqual([]);
    expect(codes(phone('', ''))).toEqual([]);
    expect(codes(ip('2001:db8::10'))).toEqual([]);
  });

  it('an invalid number, address, prefix or port', () => {
    expect(codes(phone('06-4123'))).toEqual(['phone_invalid']);
    expect(codes(ip('198.51.100.300', '40211'))).toEqual(['ip_invalid']);
    expect(codes(ip('198.51.100.0/24'))).toEqual(['ip_prefix']);
    expect(codes(ip('198.51.100.23', '70000'))).toEqual(['port_invalid']);
  });

  it('a private or carrier-internal address, which cannot be a subscriber’s', () => {
    for (const [value, range] of [
      ['10.1.2.3', '10.0.0.0/8'],
      ['100.64.0.1', '100.64.0.0/10'],
      ['100.127.255.254', '100.64.0.0/10'],
      ['172.31.0.9', '172.16.0.0/12'],
      ['192.168.1.20', '192.168.0.0/16'],
      ['fd12:3456::1', 'fc00::/7'],
      ['FC00::1', 'fc00::/7'],
    ] as const) {
      const [c] = checkItem(ip(value, '443'), NOW);
      expect(c, value).toMatchObject({ code: 'ip_internal', params: { range } });
    }
    expect(internalRangeOf('100.128.0.1')).toBeNull();
    expect(internalRangeOf('172.32.0.1')).toBeNull();
    expect(internalRangeOf('fe00::1')).toBeNull();
    // No port notice for an internal address: the address itself is the problem.
    expect(codes(ip('10.1.2.3'))).toEqual(['ip_internal']);
  });

  it('a public IPv4 address without a source port: a port may be needed (CGNAT)', () => {
    expect(checkItem(ip('198.51.100.23'), NOW)).toEqual([
      { code: 'port_may_be_needed', field: 'port', level: 'notice' },
    ]);
    expect(codes(ip('198.51.100.23', '40211'))).toEqual([]);
  });

  it('a moment in the spring gap offers the offsets before and after, never one by guess', () => {
    const [c] = checkItem(phone('0612345678', '2026-03-29T02:30'), NOW);
    expect(c).toMatchObject({ code: 'moment_gap', field: 'moment', level: 'problem' });
    expect(c!.offsets!.map((o) => [o.offset, o.utc])).toEqual([
      ['+02:00', '2026-03-29T00:30:00.000Z'],
      ['+01:00', '2026-03-29T01:30:00.000Z'],
    ]);
    // Once an offset is chosen, the moment is one instant.
    expect(codes({ ...phone('0612345678', '2026-03-29T02:30'), timeZone: '+01:00' })).toEqual([]);
  });

  it('a moment in the repeated autumn hour offers both offsets', () => {
    const [c] = checkItem(phone('0612345678', '2026-10-25T02:30'), NOW);
    expect(c).toMatchObject({ code: 'moment_overlap', params: { zone: 'Europe/Amsterdam' } });
    expect(c!.offsets!.map((o) => o.offset)).toEqual(['+02:00', '+01:00']);
  });

  it('a date that is not on the calendar, an unreadable moment, a moment in the future', () => {
    expect(codes(phone('0612345678', '2026-02-30T10:00'))).toEqual(['moment_not_on_calendar']);
    expect(codes(phone('0612345678', 'gisteren'))).toEqual(['moment_invalid']);
    expect(codes(phone('0612345678', '2026-11-02T13:30'))).toEqual(['moment_future']);
    // A few minutes of clock difference is not the future.
    expect(codes(phone('0612345678', '2026-11-02T13:03'))).toEqual([]);
    expect(codes({ ...phone('0612345678', '2026-11-02T13:30'), timeZone: 'UTC' })).toEqual([
      'moment_future',
    ]);
  });

  it('a moment before the earliest assignment the vault holds for its kind', () => {
    const history = { numbers: '2024-02-29T23:00:00.000Z', ips: null };
    const at = (item: Parameters<typeof checkItem>[0]) => checkItem(item, NOW, history);
    expect(at(phone('0612345678', '2024-02-29T23:30'))).toEqual([
      {
        code: 'moment_before_history',
        field: 'moment',
        level: 'problem',
        params: { from: '2024-03-01 00:00' },
      },
    ]);
    // The first moment held, and any after it, can be answered.
    expect(at(phone('0612345678', '2024-03-01T00:00'))).toEqual([]);
    expect(at({ ...phone('0612345678', '2024-02-29T23:00'), timeZone: 'UTC' })).toEqual([]);
    // No IP history held: nothing to compare with, so no check (the register answers "no data").
    expect(at(ip('198.51.100.23', '443', '2020-01-01T10:00'))).toEqual([]);
    // Without the history start (not loaded yet) the check is skipped.
    expect(codes(phone('0612345678', '2020-01-01T10:00'))).toEqual([]);
  });
});

describe('live checks of a period', () => {
  const period = (from: string, to: string) => ({
    kind: 'phone' as const,
    value: '0612345678',
    moment: from,
    periodTo: to,
  });

  it('each end as a moment, and the period itself: reversed, in the future, too long', () => {
    expect(codes(period('2025-03-01T00:00', '2025-04-01T00:00'))).toEqual([]);
    expect(codes(period('2025-03-01T00:00', '2025-03-01T00:00'))).toEqual(['period_reversed']);
    expect(codes(period('2024-01-01T00:00', '2025-01-03T00:00'))).toEqual(['period_too_long']);
    expect(checkItem(period('2024-01-01T00:00', '2025-01-03T00:00'), NOW)[0]!.params).toEqual({
      max: '366',
    });
    // An end in the future is said once, at the end.
    expect(checkItem(period('2026-02-01T00:00', '2027-01-01T00:00'), NOW)).toEqual([
      { code: 'moment_future', field: 'periodTo', level: 'problem' },
    ]);
    // Each end checked on its own: the start in the spring gap, the end unreadable.
    expect(
      checkItem(period('2025-03-30T02:30', 'morgen'), NOW).map((c) => [c.field, c.code]),
    ).toEqual([
      ['moment', 'moment_gap'],
      ['periodTo', 'moment_invalid'],
    ]);
    // No offsets offered for a period's end (a zone chosen here would move both ends).
    const [overlap] = checkItem(period('2025-10-01T00:00', '2025-10-26T02:30'), NOW);
    expect(overlap).toMatchObject({ code: 'moment_overlap', field: 'periodTo' });
    expect(overlap!.offsets).toBeUndefined();
  });

  it('a period that begins before the history held is a notice: the rest can be answered', () => {
    const history = { numbers: '2024-02-29T23:00:00.000Z', ips: null };
    expect(checkItem(period('2024-02-01T00:00', '2024-04-01T00:00'), NOW, history)).toEqual([
      {
        code: 'period_before_history',
        field: 'moment',
        level: 'notice',
        params: { from: '2024-03-01 00:00' },
      },
    ]);
    // Wholly before it: the end says nothing can be found.
    expect(
      checkItem(period('2024-01-01T00:00', '2024-02-01T00:00'), NOW, history).map((c) => c.code),
    ).toEqual(['moment_before_history']);
  });
});
