import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createdDesk } from '../support/desk';
import { importFixtures } from '../fixtures/requests/seed';
import { Matcher } from '../../electron/matching/matcher';
import { matchItem, type ItemOutcome } from '../../electron/matching/match-item';
import { resolveItem } from '../../electron/register/items';
import { coreText } from '../../shared/messages';
import type { NewItem } from '../../shared/schemas/requests';
import type { Db } from '../../electron/core/db';

const PERIODS = fileURLToPath(new URL('../fixtures/periods/', import.meta.url));
const NOW = Date.parse('2026-03-02T12:00:00Z');
let db: Db;
let matcher: Matcher;

beforeAll(async () => {
  const d = await createdDesk();
  db = d.session.vault!.db;
  await importFixtures(db, PERIODS);
  matcher = new Matcher(db);
});

type Period = { from: string; to: string };
const during = (item: Omit<NewItem, 'moment' | 'period'>, period: Period): ItemOutcome =>
  matchItem(matcher, resolveItem({ ...item, period } as NewItem), NOW);
const phone = (value: string, period: Period) => during({ kind: 'phone', value }, period);
const ip = (value: string, period: Period, port?: number) =>
  during({ kind: 'ip', value, ...(port === undefined ? {} : { port }) }, period);
/** Holder, street and interval of every subscriber entry, in order. */
const held = (o: ItemOutcome) =>
  o.subscribers.map((s) => [s.customerId, s.street, s.interval?.from, s.interval?.to]);

describe('matching over a period', () => {
  it('a number held by A, then B: both, each with the part of the period they held it', () => {
    const o = phone('06-11111111', { from: '2025-04-01T00:00', to: '2025-05-01T00:00' });
    expect(o.status).toBe('match');
    expect(held(o)).toEqual([
      ['P001', 'Beukenlaan', '2025-03-31T22:00:00.000Z', '2025-04-10T09:30:00.000Z'],
      ['P002', 'Eikenweg', '2025-04-10T09:30:00.000Z', '2025-04-30T22:00:00.000Z'],
    ]);
    expect(o.reasonKey).toBe('matching.periodMatch');
    expect(o.reasonParams).toEqual({
      holders: 2,
      identifier: '+31611111111',
      from: '2025-03-31T22:00:00.000Z',
      to: '2025-04-30T22:00:00.000Z',
    });
    expect(o.reason).toBe(coreText('en', 'matching.periodMatch', o.reasonParams));
    // Evidence: both assignments with their import file, and each NAW version used.
    const assignments = o.evidence.filter((e) => e.table === 'number_assignment');
    expect(assignments.map((e) => [e.customerId, e.validFrom, e.validTo])).toEqual([
      ['P001', '2023-12-31T23:00:00.000Z', '2025-04-10T09:30:00.000Z'],
      ['P002', '2025-04-10T09:30:00.000Z', null],
    ]);
    expect(assignments.every((e) => e.importFile === 'numbers.csv')).toBe(true);
    expect(assignments[0]!.importSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(
      o.evidence.filter((e) => e.table === 'customer_version').map((e) => e.customerId),
    ).toEqual(['P001', 'P002']);
  });

  it('NAW data changed during the holding: each version with its own sub-interval', () => {
    const o = phone('0611111111', { from: '2025-03-01T00:00', to: '2025-05-01T00:00' });
    expect(o.status).toBe('match');
    expect(held(o)).toEqual([
      ['P001', 'Lindelaan', '2025-02-28T23:00:00.000Z', '2025-03-14T23:00:00.000Z'],
      ['P001', 'Beukenlaan', '2025-03-14T23:00:00.000Z', '2025-04-10T09:30:00.000Z'],
      ['P002', 'Eikenweg', '2025-04-10T09:30:00.000Z', '2025-04-30T22:00:00.000Z'],
    ]);
    // As it was then, with today's data only where it differs (as for a moment).
    expect(o.subscribers[0]!.current).toMatchObject({ street: 'Beukenlaan', houseNumber: '8' });
    expect(o.subscribers[1]!.current).toBeNull();
    expect(o.subscribers.map((s) => s.versionValidFrom)).toEqual([
      '2022-12-31T23:00:00.000Z',
      '2025-03-14T23:00:00.000Z',
      '2022-12-31T23:00:00.000Z',
    ]);
    expect(o.reasonParams).toMatchObject({ holders: 2 });
  });

  it('a period wholly inside one holding gives that holder for the whole period', () => {
    const o = phone('0622222222', { from: '2025-01-01T00:00', to: '2025-02-01T00:00' });
    expect(held(o)).toEqual([
      ['P001', 'Lindelaan', '2024-12-31T23:00:00.000Z', '2025-01-31T23:00:00.000Z'],
    ]);
    expect(o.reasonKey).toBe('matching.periodMatch');
  });

  it('a period partly before the first assignment says the rest is not covered', () => {
    const o = phone('0622222222', { from: '2023-12-01T00:00', to: '2024-02-01T00:00' });
    expect(o.status).toBe('match');
    expect(held(o)).toEqual([
      ['P001', 'Lindelaan', '2023-12-31T23:00:00.000Z', '2024-01-31T23:00:00.000Z'],
    ]);
    expect(o.reasonKey).toBe('matching.periodMatchPartly');
    expect(o.reason).toMatch(/no assignment covers the rest of the period/);
  });

  it('no assignment during the period: no_match', () => {
    const o = phone('0611111111', { from: '2023-01-01T00:00', to: '2023-06-01T00:00' });
    expect(o.status).toBe('no_match');
    expect(o.reasonKey).toBe('matching.periodNoMatch');
    expect(o.subscribers).toEqual([]);
  });

  it('CGNAT over a period: without a port needs_port; with one, every holder of its block', () => {
    const period = { from: '2025-02-01T00:00', to: '2025-04-01T00:00' };
    const none = ip('203.0.113.77', period);
    expect(none.status).toBe('needs_port');
    expect(none.subscribers).toEqual([]);
    expect(none.reasonKey).toBe('matching.periodNeedsPort');
    expect(none.reasonParams).toMatchObject({ blocks: 3 });

    const o = ip('203.0.113.77', period, 1500);
    expect(o.status).toBe('match');
    expect(held(o)).toEqual([
      ['P001', 'Lindelaan', '2025-01-31T23:00:00.000Z', '2025-02-28T23:00:00.000Z'],
      ['P002', 'Eikenweg', '2025-02-28T23:00:00.000Z', '2025-03-31T22:00:00.000Z'],
    ]);
    expect(o.subscribers.every((s) => s.serviceType === 'internet')).toBe(true);
    expect(o.evidence.filter((e) => e.table === 'ip_assignment').map((e) => e.identifier)).toEqual([
      '203.0.113.77 ports 1024-2047',
      '203.0.113.77 ports 1024-2047',
    ]);
    expect(o.reasonParams).toMatchObject({ identifier: '203.0.113.77:1500' });
    // The other block had one holder all along.
    expect(held(ip('203.0.113.77', period, 2500))).toEqual([
      ['P002', 'Eikenweg', '2025-01-31T23:00:00.000Z', '2025-03-31T22:00:00.000Z'],
    ]);
  });

  it('a port block assigned during the period gives only the overlapping interval', () => {
    const o = ip('203.0.113.77', { from: '2024-05-01T00:00', to: '2024-07-01T00:00' }, 2500);
    expect(held(o)).toEqual([
      ['P002', 'Eikenweg', '2024-05-31T22:00:00.000Z', '2024-06-30T22:00:00.000Z'],
    ]);
    expect(o.reasonKey).toBe('matching.periodMatchPartly');
  });

  it('two customers over the same sub-interval is a conflict: ambiguous, none chosen', async () => {
    const d = await createdDesk();
    const cdb = d.session.vault!.db;
    await importFixtures(cdb, PERIODS);
    // A conflict the import would reject, as it can exist in data repaired by hand: P002 also
    // holding P001's number during January 2025.
    cdb
      .prepare(
        `INSERT INTO number_assignment (e164, number_given, customer_id, service, valid_from, valid_to, import_id, source_line)
         SELECT '+31622222222', '0622222222', 'P002', 'mobile', ?, ?, id, 99 FROM import_run WHERE kind = 'numbers'`,
      )
      .run(Date.parse('2025-01-10T00:00:00Z'), Date.parse('2025-01-20T00:00:00Z'));
    const m = new Matcher(cdb);
    const at = (from: string, to: string) =>
      matchItem(m, resolveItem({ kind: 'phone', value: '0622222222', period: { from, to } }), NOW);
    const o = at('2025-01-01T00:00', '2025-03-01T00:00');
    expect(o.status).toBe('ambiguous');
    expect(o.reasonKey).toBe('matching.periodConflict');
    expect(o.reasonParams).toMatchObject({
      count: 2,
      overlapFrom: '2025-01-10T00:00:00.000Z',
      overlapTo: '2025-01-20T00:00:00.000Z',
    });
    expect(o.reason).toMatch(/None is chosen/);
    expect([...new Set(o.subscribers.map((s) => s.customerId))].sort()).toEqual(['P001', 'P002']);
    // Outside the conflicting days only P001 held it.
    expect(held(at('2025-02-01T00:00', '2025-03-01T00:00'))).toEqual([
      ['P001', 'Lindelaan', '2025-01-31T23:00:00.000Z', '2025-02-28T23:00:00.000Z'],
    ]);
  });
});

describe('a period that cannot be matched', () => {
  const problem = (period: Period) => phone('0611111111', period);

  it('refuses a period that does not end after it begins, in the future, or too long', () => {
    const reversed = problem({ from: '2025-03-01T00:00', to: '2025-03-01T00:00' });
    expect([reversed.status, reversed.reasonKey]).toEqual([
      'invalid_input',
      'matching.periodReversed',
    ]);
    const future = problem({ from: '2026-03-01T00:00', to: '2026-04-01T00:00' });
    expect([future.status, future.reasonKey]).toEqual(['invalid_input', 'matching.periodFuture']);
    const long = problem({ from: '2024-01-01T00:00', to: '2025-01-03T00:00' });
    expect([long.status, long.reasonKey]).toEqual(['invalid_input', 'matching.periodTooLong']);
    expect(long.reasonParams).toMatchObject({ max: 366 });
    expect(long.subscribers).toEqual([]);
    // One year (a leap year's 366 days) is answered.
    expect(problem({ from: '2024-01-01T00:00', to: '2025-01-01T00:00' }).status).toBe('match');
  });

  it('each end is a moment: the spring gap is invalid_time, the autumn hour ambiguous_time', () => {
    const gap = problem({ from: '2025-03-30T02:30', to: '2025-04-02T00:00' });
    expect([gap.status, gap.reasonKey]).toEqual(['invalid_time', 'matching.timeInvalid']);
    const twice = problem({ from: '2025-10-01T00:00', to: '2025-10-26T02:30' });
    expect([twice.status, twice.reasonKey]).toEqual(['ambiguous_time', 'matching.timeTwice']);
    expect(twice.reasonParams).toMatchObject({ moment: '2025-10-26T02:30' });
    // With the offset written out the end is one instant.
    expect(problem({ from: '2025-10-01T00:00', to: '2025-10-26T02:30+01:00' }).status).toBe(
      'match',
    );
  });
});
