import { describe, expect, it } from 'vitest';
import { amsterdamMidnight, importerDesk } from '../fixtures/customers/desk';

const HEADER = 'customer_id;name;street;house_number;postcode;city\n';
const TONIGHT =
  HEADER + 'C1;Jan Jansen;Dorpsstraat;1;1234AB;Utrecht\nC2;Piet Bakker;Markt;2;9711 AA;Groningen\n';

/** NAW of a customer as the vault held it at `t`. */
const nawAt = (d: Awaited<ReturnType<typeof importerDesk>>, id: string, t: number) =>
  d.all(
    `SELECT name, street, postcode FROM customer_version
      WHERE customer_id = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)`,
    id,
    t,
    t,
  );

describe('current-state snapshots', () => {
  it('turns successive snapshots into history: changed data, new and disappeared customers', async () => {
    const d = await importerDesk();
    const first = await d.report(d.csv(TONIGHT), 'customers', { asOf: '2024-03-01' });
    expect(first).toMatchObject({ status: 'committed', mode: 'snapshot', added: 2 });
    expect(first.asOf).toBe(new Date(amsterdamMidnight('2024-03-01')).toISOString());

    // The same export the next night: nothing changes.
    const before = d.dataFingerprint();
    const again = await d.report(d.csv(TONIGHT), 'customers', { asOf: '2024-03-02' });
    expect(again).toMatchObject({
      status: 'committed',
      added: 0,
      changed: 0,
      closed: 0,
      unchanged: 2,
    });
    expect(d.dataFingerprint()).toBe(before);

    // A week later: C1 moved, C2 left, C3 arrived (one of two closes: confirmed as intended).
    const later = await d.report(
      d.csv(
        HEADER +
          'C1;Jan Jansen;Kerkplein;3;3511 AB;Utrecht\nC3;Anna Smit;Lange Poten;7;2511 CV;Den Haag\n',
      ),
      'customers',
      { asOf: '2024-03-08T18:00:00+01:00', allowMassClose: true },
    );
    expect(later).toMatchObject({
      status: 'committed',
      added: 1,
      changed: 1,
      closed: 1,
      unchanged: 0,
    });
    const moved = Date.parse('2024-03-08T17:00:00Z');
    expect(nawAt(d, 'C1', moved - 1)).toEqual([
      { name: 'Jan Jansen', street: 'Dorpsstraat', postcode: '1234 AB' },
    ]);
    expect(nawAt(d, 'C1', moved)).toEqual([
      { name: 'Jan Jansen', street: 'Kerkplein', postcode: '3511 AB' },
    ]);
    expect(nawAt(d, 'C2', moved - 1)).toHaveLength(1);
    expect(nawAt(d, 'C2', moved)).toEqual([]);
    expect(nawAt(d, 'C3', moved - 1)).toEqual([]);
    expect(nawAt(d, 'C3', moved)).toHaveLength(1);

    // Re-importing that same snapshot (same moment) changes nothing either.
    const fp = d.dataFingerprint();
    const same = await d.report(
      d.csv(
        HEADER +
          'C1;Jan Jansen;Kerkplein;3;3511 AB;Utrecht\nC3;Anna Smit;Lange Poten;7;2511 CV;Den Haag\n',
      ),
      'customers',
      { asOf: '2024-03-08T18:00:00+01:00' },
    );
    expect(same).toMatchObject({ added: 0, changed: 0, closed: 0, unchanged: 2 });
    expect(d.dataFingerprint()).toBe(fp);
  });

  it('moves a number to another customer and closes numbers that disappeared', async () => {
    const d = await importerDesk();
    await d.report(d.csv(TONIGHT), 'customers', { asOf: '2024-03-01' });
    const nums = 'number,customer_id,service\n';
    await d.report(d.csv(nums + '06-12345678,C1,mobile\n050-1234567,C2,fixed\n'), 'numbers', {
      asOf: '2024-03-01',
    });
    // One of the two numbers disappears: more than the share a snapshot closes unconfirmed.
    const r = await d.report(d.csv(nums + '06-12345678,C2,mobile\n'), 'numbers', {
      asOf: '2024-04-01',
      allowMassClose: true,
    });
    expect(r).toMatchObject({ status: 'committed', added: 0, changed: 1, closed: 1 });
    expect(
      d.all(
        `SELECT e164, customer_id, valid_from, valid_to FROM number_assignment ORDER BY e164, valid_from`,
      ),
    ).toEqual([
      {
        e164: '+31501234567',
        customer_id: 'C2',
        valid_from: amsterdamMidnight('2024-03-01'),
        valid_to: amsterdamMidnight('2024-04-01'),
      },
      {
        e164: '+31612345678',
        customer_id: 'C1',
        valid_from: amsterdamMidnight('2024-03-01'),
        valid_to: amsterdamMidnight('2024-04-01'),
      },
      {
        e164: '+31612345678',
        customer_id: 'C2',
        valid_from: amsterdamMidnight('2024-04-01'),
        valid_to: null,
      },
    ]);
  });

  it('rejects duplicates and overlaps within a snapshot, and a snapshot older than the vault', async () => {
    const d = await importerDesk();
    await d.report(d.csv(TONIGHT), 'customers', { asOf: '2024-03-01' });
    const dup = await d.report(
      d.csv(TONIGHT + 'C1;Jan Jansen;Dorpsstraat;1;1234 AB;Utrecht\n'),
      'customers',
      {
        asOf: '2024-03-02',
      },
    );
    expect(dup.status).toBe('rejected');
    expect(dup.rejected).toEqual([
      {
        line: 4,
        column: 'customer_id',
        reason: 'this customer appears more than once in this snapshot',
        code: 'snapshot_twice',
        params: { kind: 'customers' },
      },
    ]);
    const ips = await d.report(
      d.csv('prefix,customer_id\n2001:db8:5::/48,C1\n2001:db8:5:100::/56,C2\n'),
      'ips',
      { asOf: '2024-03-02' },
    );
    expect(ips.rejected).toEqual([
      {
        line: 3,
        column: 'prefix',
        reason:
          'the same address block is held by another customer at the same time on line 2 of this file',
        code: 'own_other_holder',
        params: { line: 2, kind: 'ips' },
      },
    ]);
    const old = await d.report(d.csv(TONIGHT), 'customers', { asOf: '2024-02-01' });
    expect(old.status).toBe('rejected');
    expect(old.rejected[0]!.reason).toMatch(/must not be older than what is held/);
  });

  it('replaces a CGNAT block holder at the snapshot moment, and leaves other blocks alone', async () => {
    const d = await importerDesk();
    await d.report(d.csv(TONIGHT), 'customers', { asOf: '2024-03-01' });
    const head = 'prefix,port_from,port_to,customer_id\n';
    await d.report(d.csv(head + '203.0.113.9,1024,2047,C1\n203.0.113.9,2048,3071,C2\n'), 'ips', {
      asOf: '2024-03-01',
    });
    const r = await d.report(
      d.csv(head + '203.0.113.9,1024,2047,C2\n203.0.113.9,2048,3071,C2\n'),
      'ips',
      {
        asOf: '2024-03-05',
      },
    );
    expect(r).toMatchObject({ status: 'committed', changed: 1, unchanged: 1, closed: 0 });
    const t = amsterdamMidnight('2024-03-05');
    expect(
      d.all(
        `SELECT port_from, customer_id FROM ip_assignment WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) ORDER BY port_from`,
        t,
        t,
      ),
    ).toEqual([
      { port_from: 1024, customer_id: 'C2' },
      { port_from: 2048, customer_id: 'C2' },
    ]);
  });
});
