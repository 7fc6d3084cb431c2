import { describe, expect, it } from 'vitest';
import { CurrentIndex } from '../../electron/customers/current-index';
import type { LineDigest } from '../../electron/customers/line-digest';
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

describe('line digests stored with the rows', () => {
  const digests = (d: Awaited<ReturnType<typeof importerDesk>>) =>
    // quote(): all 64 bits as text, 'NULL' for none.
    d.all<{ customer_id: string; open: number; digest: string }>(
      `SELECT customer_id, valid_to IS NULL AS open, quote(line_digest) AS digest
         FROM customer_version ORDER BY id`,
    );

  it('stores a digest for every row a history or a snapshot writes; the same fields digest alike', async () => {
    const d = await importerDesk();
    await d.report(
      d.csv('customer_id;name;valid_from\nC1;Jan Jansen;2024-01-01\nC2;Piet Bakker;2024-01-01\n'),
      'customers',
    );
    const history = digests(d);
    expect(history.every((r) => r.digest !== 'NULL')).toBe(true);
    expect(history[0]!.digest).not.toBe(history[1]!.digest);
    // The same fields in another column order, without the validity: the rows as held.
    const r = await d.report(
      d.csv('name;customer_id\nJan Jansen;C1\nPiet Bakker;C2\n'),
      'customers',
      {
        asOf: '2024-03-01',
      },
    );
    expect(r).toMatchObject({ status: 'committed', unchanged: 2, changed: 0, added: 0, closed: 0 });
    expect(digests(d)).toEqual(history);
  });

  it('checks a row without a digest the exact way once, and stores the digest of its line', async () => {
    const d = await importerDesk();
    await d.report(d.csv(CUSTOMERS), 'customers', { asOf: '2024-03-01' });
    const held = digests(d);
    // As a vault from before the digests, which had no copy of its current rows either.
    d.db().exec(`UPDATE customer_version SET line_digest = NULL WHERE customer_id = 'C2'`);
    d.db().exec(`DELETE FROM current_copy; DELETE FROM current_copy_part`);
    const r = await d.report(d.csv(CUSTOMERS), 'customers', { asOf: '2024-03-02' });
    expect(r).toMatchObject({ status: 'committed', unchanged: 2, changed: 0, closed: 0 });
    expect(digests(d)).toEqual(held);
  });

  it('refuses extra fields on a line that is otherwise the row held', async () => {
    const d = await importerDesk();
    await d.report(d.csv(CUSTOMERS), 'customers', { asOf: '2024-03-01' });
    const r = await d.report(
      d.csv(CUSTOMERS.replace('C1;Jan Jansen', 'C1;Jan Jansen;Markt 1')),
      'customers',
      {
        asOf: '2024-03-02',
        acceptValid: true,
      },
    );
    expect(r).toMatchObject({ unchanged: 1, rejectedRows: 1, closed: 1 });
    expect(r.rejected[0]).toMatchObject({ line: 2, code: 'too_many_fields' });
  });

  it('stores the digest of a changed line, so the next snapshot passes it by digest', async () => {
    const d = await importerDesk();
    await d.report(d.csv(CUSTOMERS), 'customers', { asOf: '2024-03-01' });
    const moved = CUSTOMERS.replace('Piet Bakker', 'Piet de Bakker');
    expect(await d.report(d.csv(moved), 'customers', { asOf: '2024-03-02' })).toMatchObject({
      changed: 1,
      unchanged: 1,
    });
    const open = digests(d).filter((r) => r.open);
    expect(open.map((r) => r.customer_id)).toEqual(['C1', 'C2']);
    expect(open.every((r) => r.digest !== 'NULL')).toBe(true);
    expect(await d.report(d.csv(moved), 'customers', { asOf: '2024-03-03' })).toMatchObject({
      changed: 0,
      unchanged: 2,
      closed: 0,
    });
  });
});

describe('CurrentIndex', () => {
  const dg = (hi: number, lo: number): LineDigest => ({ hi, lo });

  it('finds a row by its line digest, and nothing for another digest', () => {
    const ix = new CurrentIndex(3);
    ix.add(7, dg(10, 20));
    ix.add(8, dg(11, 20));
    expect(ix.same(dg(10, 20))).toBe(7);
    expect(ix.same(dg(11, 20))).toBe(8);
    expect(ix.same(dg(10, 21))).toBe(0);
    expect(ix.same(dg(12, 20))).toBe(0);
  });

  it('sends two rows with the same digest to the exact path, and still offers both for closing', () => {
    const ix = new CurrentIndex(3);
    ix.add(5, dg(3, 4));
    ix.add(9, dg(3, 4));
    ix.add(6, dg(99, 4));
    expect(ix.same(dg(3, 4))).toBe(0);
    expect(ix.idsWithout((id) => id === 6)).toEqual([5, 9]);
    expect(ix.idsWithout(() => false)).toEqual([5, 6, 9]);
  });

  it('offers a row without a digest for closing but never finds it', () => {
    const ix = new CurrentIndex(2);
    ix.add(4, null);
    ix.add(2, dg(1, 1));
    expect(ix.same(dg(0, 0))).toBe(0);
    expect(ix.idsWithout(() => false)).toEqual([2, 4]);
  });

  it('grows past the rows it was made for: every row is still found, a shared digest still is not', () => {
    const ix = new CurrentIndex(0);
    for (let i = 1; i <= 1000; i++) ix.add(i, dg(i * 7, i));
    ix.add(1001, dg(7, 1)); // the digest of row 1 again
    expect(ix.same(dg(7, 1))).toBe(0);
    for (let i = 2; i <= 1000; i++) expect(ix.same(dg(i * 7, i))).toBe(i);
    expect(ix.same(dg(1, 1))).toBe(0);
    expect(ix.idsWithout((id) => id > 2)).toEqual([1, 2]);
  });
});
