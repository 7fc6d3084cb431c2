import { describe, expect, it } from 'vitest';
import { CurrentIndex } from '../../electron/customers/current-index';
import type { Digest } from '../../electron/customers/row-digest';
import { importerDesk } from '../fixtures/customers/desk';

const CUSTOMERS = 'customer_id;name\nC1;Jan Jansen\nC2;Piet Bakker\n';
const IPS = 'prefix,customer_id\n';

/**
 * A snapshot lets a row through as unchanged on its digest only when nothing this import wrote can
 * overlap it; these are the cases where a digest alone would give another answer than the vault.
 */
describe('snapshots compared by digest', () => {
  it('still refuses an unchanged block once this file has added a block inside it', async () => {
    const d = await importerDesk();
    await d.report(d.csv(CUSTOMERS), 'customers', { asOf: '2024-03-01' });
    await d.report(d.csv(IPS + '2001:db8:12::/48,C1\n'), 'ips', { asOf: '2024-03-01' });
    // Line 2 adds a /56 inside the held /48 (for another customer); line 3 lists the /48 as held.
    const r = await d.report(d.csv(IPS + '2001:db8:12:100::/56,C2\n2001:db8:12::/48,C1\n'), 'ips', {
      asOf: '2024-03-02',
      acceptValid: true,
      allowMassClose: true, // the one block held is closed: 100 % of what is current
    });
    expect(r).toMatchObject({ status: 'committed', added: 1, unchanged: 0, rejectedRows: 1 });
    expect(r.rejected).toEqual([
      expect.objectContaining({
        line: 3,
        column: 'prefix',
        reason:
          'the same address block is held by another customer at the same time on line 2 of this file',
      }),
    ]);
    // The /48 was not named as held, so the snapshot closed it.
    expect(r.closed).toBe(1);
  });

  it('lets an unchanged row through once, and refuses it the second time', async () => {
    const d = await importerDesk();
    await d.report(d.csv(CUSTOMERS), 'customers', { asOf: '2024-03-01' });
    const r = await d.report(d.csv(CUSTOMERS + 'C1;Jan Jansen\n'), 'customers', {
      asOf: '2024-03-02',
      acceptValid: true,
    });
    expect(r).toMatchObject({ unchanged: 2, closed: 0, rejectedRows: 1 });
    expect(r.rejected[0]).toMatchObject({ line: 4, column: 'customer_id' });
    expect(r.rejected[0]!.reason).toBe('this customer appears more than once in this snapshot');
  });

  it('tells a changed field from an unchanged one, also an empty field from a missing one', async () => {
    const d = await importerDesk();
    const head = 'customer_id;name;street;house_number_addition\n';
    await d.report(d.csv(head + 'C1;Jan;Markt;\nC2;Piet;;A\n'), 'customers', {
      asOf: '2024-03-01',
    });
    // C1: street and addition swapped into the neighbouring column; C2 the same as held.
    const r = await d.report(d.csv(head + 'C1;Jan;;Markt\nC2;Piet;;A\n'), 'customers', {
      asOf: '2024-03-02',
    });
    expect(r).toMatchObject({ status: 'committed', changed: 1, unchanged: 1, added: 0, closed: 0 });
    expect(
      d.all(
        `SELECT street, house_number_addition FROM customer_version WHERE customer_id = 'C1' AND valid_to IS NULL`,
      ),
    ).toEqual([{ street: null, house_number_addition: 'Markt' }]);
  });
});

describe('CurrentIndex', () => {
  const dg = (k1: number, k2: number, d1 = 1, d2 = 2): Digest => ({ k1, k2, d1, d2 });

  it('finds a row by key and data digest, and nothing for other data or another key', () => {
    const ix = new CurrentIndex(3);
    ix.add(7, dg(10, 20));
    ix.add(8, dg(11, 20));
    expect(ix.same(dg(10, 20))).toBe(7);
    expect(ix.same(dg(11, 20))).toBe(8);
    expect(ix.same(dg(10, 20, 1, 3))).toBe(0);
    expect(ix.same(dg(10, 21))).toBe(0);
  });

  it('sends two rows with the same key digest to the exact path, and still offers both for closing', () => {
    const ix = new CurrentIndex(3);
    ix.add(5, dg(3, 4));
    ix.add(9, dg(3, 4, 7, 7));
    ix.add(6, dg(99, 4));
    expect(ix.same(dg(3, 4))).toBe(0);
    expect(ix.same(dg(3, 4, 7, 7))).toBe(0);
    expect(ix.idsWithout((id) => id === 6)).toEqual([5, 9]);
    expect(ix.idsWithout(() => false)).toEqual([5, 6, 9]);
  });

  it('refuses more rows than it was made for', () => {
    const ix = new CurrentIndex(0);
    const added = Array.from({ length: 20 }, (_, i) => ix.add(i + 1, dg(i, i)));
    expect(added.indexOf(false)).toBe(15);
  });
});
