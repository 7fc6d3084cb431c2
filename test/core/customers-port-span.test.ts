import { describe, expect, it } from 'vitest';
import { PORT_BLOCK_SQL } from '../../electron/customers/stores';
import { importerDesk } from '../fixtures/customers/desk';

const CUSTOMERS = 'customer_id;name\nC1;Jan Jansen\nC2;Piet Bakker\n';
const HEAD = 'prefix,port_from,port_to,customer_id,valid_from,valid_to\n';

/**
 * A port block on a shared address is looked up among the blocks that start at most the widest
 * held block below it: that bound is kept in the vault from one import to the next.
 */
describe('the widest port block held', () => {
  it('is kept by an import, so a later file cannot put a block deep inside a wide one', async () => {
    const d = await importerDesk();
    await d.report(d.csv(CUSTOMERS), 'customers', { asOf: '2024-01-01' });
    await d.report(d.csv(HEAD + '203.0.113.7,0,9999,C1,2024-01-01,\n'), 'ips');
    expect(d.all('SELECT span FROM ip_port_span')).toEqual([{ span: 9999 }]);

    // 8000–8010 lies 8,000 ports above where the held block starts.
    const r = await d.report(d.csv(HEAD + '203.0.113.7,8000,8010,C2,2024-02-01,\n'), 'ips');
    expect(r).toMatchObject({ status: 'rejected', added: 0 });
    expect(r.rejected.map((i) => [i.line, i.code])).toEqual([[2, 'overlaps_held']]);

    // A snapshot is looked up the same way.
    const s = await d.report(
      d.csv(
        'prefix,port_from,port_to,customer_id\n203.0.113.7,0,9999,C1\n203.0.113.7,8000,8010,C2\n',
      ),
      'ips',
      { asOf: '2024-03-01' },
    );
    expect(s.status).toBe('rejected');
    expect(s.rejected.map((i) => i.code)).toEqual(['snapshot_overlap']);
  });

  it('grows with the blocks of the file itself, and never shrinks', async () => {
    const d = await importerDesk();
    await d.report(d.csv(CUSTOMERS), 'customers', { asOf: '2024-01-01' });
    const r = await d.report(
      d.csv(
        HEAD +
          '203.0.113.8,1000,1099,C1,2024-01-01,\n203.0.113.9,0,4999,C1,2024-01-01,\n' +
          '203.0.113.9,3000,3001,C2,2024-01-01,\n',
      ),
      'ips',
      { acceptValid: true },
    );
    expect(r).toMatchObject({ status: 'committed', added: 2, rejectedRows: 1 });
    expect(r.rejected.map((i) => [i.line, i.code])).toEqual([[4, 'own_other_holder']]);
    expect(d.all('SELECT span FROM ip_port_span')).toEqual([{ span: 4999 }]);
    await d.report(d.csv(HEAD + '203.0.113.10,0,9,C2,2024-01-01,\n'), 'ips');
    expect(d.all('SELECT span FROM ip_port_span')).toEqual([{ span: 4999 }]);
  });

  it('is searched for in the index: the whole-address rows and the blocks near the port, not every block of the address', async () => {
    const d = await importerDesk();
    const plan = d
      .all<{ detail: string }>(
        `EXPLAIN QUERY PLAN ${PORT_BLOCK_SQL}`,
        ...[Buffer.alloc(16), 5, 3, Buffer.alloc(16), 1, 2, 1, 5, 3],
      )
      .map((r) => r.detail)
      .filter((t) => t.startsWith('SEARCH') || t.startsWith('SCAN'));
    expect(plan).toEqual([
      expect.stringMatching(
        /ip_assignment_lookup \(ip_from=\? AND port_from=\? AND valid_from<\?\)/,
      ),
      expect.stringMatching(
        /ip_assignment_lookup \(ip_from=\? AND port_from>\? AND port_from<\?\)/,
      ),
    ]);
  });
});
