import { describe, expect, it } from 'vitest';
import type { ImportKind, ImportReport } from '../../shared/schemas/customers';
import { CurrentCopy } from '../../electron/customers/current-copy';
import { amsterdamMidnight, importerDesk } from '../fixtures/customers/desk';

type Desk = Awaited<ReturnType<typeof importerDesk>>;
type Row = { id: number; digest: string | null };

const TABLE: Record<ImportKind, string> = {
  customers: 'customer_version',
  numbers: 'number_assignment',
  ips: 'ip_assignment',
};

/** The 64-bit digest as text (hex of both halves), or null. */
const hex = (hi: number | null, lo: number | null) =>
  hi === null ? null : `${hi.toString(16).padStart(8, '0')}${lo!.toString(16).padStart(8, '0')}`;

/** The rows the stored copy holds for a kind (read as the next snapshot reads it), in id order. */
function copyRows(d: Desk, kind: ImportKind): Row[] {
  const h = head(d, kind) as { at: number; max_id: number } | undefined;
  if (!h) return [];
  const read = new CurrentCopy(d.db(), kind).read(h.at + 1, h.max_id, () => {});
  if (!read) throw new Error(`the ${kind} copy does not add up`);
  const rows: Row[] = [];
  read.index.each((id, dg) => rows.push({ id, digest: dg && hex(dg.hi, dg.lo) }));
  return rows.sort((a, b) => a.id - b.id);
}

/** The rows the table holds as current at `at`, with their stored digests, in id order. */
function tableRows(d: Desk, kind: ImportKind, at: number): Row[] {
  return d
    .all<{ id: number; hi: number | null; lo: number | null }>(
      `SELECT id, (line_digest >> 32) & 4294967295 AS hi, line_digest & 4294967295 AS lo
         FROM ${TABLE[kind]} WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) ORDER BY id`,
      at,
      at,
    )
    .map((r) => ({ id: r.id, digest: hex(r.hi, r.lo) }));
}

const head = (d: Desk, kind: ImportKind) =>
  d.all(
    'SELECT at, max_id, latest, current, future_to, layers FROM current_copy WHERE kind = ?',
    kind,
  )[0];

/** A report without what differs between any two runs: when, how long, which run. */
const outcome = ({ startedAt: _s, durationMs: _d, importId: _i, ...rest }: ImportReport) => rest;

const CUSTOMERS = 'customer_id;name\nC1;Jan Jansen\nC2;Piet Bakker\nC3;Els de Vries\n';
const NUMBERS = 'number;customer_id\n0612345678;C1\n0612345679;C2\n0201234567;C3\n';

describe('the stored copy of the current rows', () => {
  it('holds exactly what a committed snapshot leaves current, with the digests the rows have', async () => {
    const d = await importerDesk();
    const t1 = amsterdamMidnight('2024-03-01');
    await d.report(d.csv(CUSTOMERS), 'customers', { asOf: '2024-03-01' });
    expect(head(d, 'customers')).toEqual({
      at: t1,
      max_id: 3,
      latest: t1,
      current: 3,
      future_to: null,
      layers: 0,
    });
    expect(copyRows(d, 'customers')).toEqual(tableRows(d, 'customers', t1));

    // Changed, closed and added on a night compared with the copy: the copy follows.
    const t2 = amsterdamMidnight('2024-03-02');
    const next = 'customer_id;name\nC1;Jan Jansen\nC2;Piet de Bakker\nC4;Ans Smit\n';
    const r = await d.report(d.csv(next), 'customers', {
      asOf: '2024-03-02',
      allowMassClose: true,
    });
    expect(r).toMatchObject({ status: 'committed', unchanged: 1, changed: 1, added: 1, closed: 1 });
    // Laid on the copy as a layer: C3 and C2's old version gone, C2's new one and C4 written.
    expect(head(d, 'customers')).toMatchObject({
      at: t2,
      max_id: 5,
      latest: t2,
      current: 3,
      layers: 1,
    });
    expect(copyRows(d, 'customers')).toEqual(tableRows(d, 'customers', t2));
    expect(copyRows(d, 'customers').map((x) => x.id)).toEqual([1, 4, 5]);

    // Numbers keep their own copy beside it.
    await d.report(d.csv(NUMBERS), 'numbers', { asOf: '2024-03-02' });
    expect(copyRows(d, 'numbers')).toEqual(tableRows(d, 'numbers', t2));
    expect(copyRows(d, 'customers')).toEqual(tableRows(d, 'customers', t2));
  });

  it('is what the next snapshot compares with: the table is not read while the copy stands for it', async () => {
    const d = await importerDesk();
    await d.report(d.csv(CUSTOMERS), 'customers', { asOf: '2024-03-01' });
    // Only to show which of the two is read: a copy made to lack C3 (its last row).
    const part = d.all<{ data: Buffer }>(
      `SELECT data FROM current_copy_part WHERE kind = 'customers' AND what = 'rows'`,
    )[0]!.data;
    d.db()
      .prepare(`UPDATE current_copy_part SET data = ? WHERE kind = 'customers' AND what = 'rows'`)
      .run(part.subarray(0, 24));
    d.db().exec(`UPDATE current_copy SET current = 2 WHERE kind = 'customers'`);

    const withoutC3 = CUSTOMERS.replace('C3;Els de Vries\n', '');
    const r = await d.report(d.csv(withoutC3), 'customers', { asOf: '2024-03-02' });
    expect(r).toMatchObject({ status: 'committed', unchanged: 2, closed: 0 });
    // The unchanged night only moved the copy to its moment.
    expect(head(d, 'customers')).toMatchObject({ at: amsterdamMidnight('2024-03-02'), current: 2 });

    // Without the copy the table is read, and C3, not named, is closed.
    d.db().exec(`DELETE FROM current_copy`);
    const again = await d.report(d.csv(withoutC3), 'customers', {
      asOf: '2024-03-03',
      allowMassClose: true,
    });
    expect(again).toMatchObject({ status: 'committed', unchanged: 2, closed: 1 });
  });

  it('is dropped by a delete or by a change of a period or of data, whoever makes it; not by a new digest', async () => {
    const d = await importerDesk();
    await d.report(d.csv(CUSTOMERS), 'customers', { asOf: '2024-03-01' });
    await d.report(d.csv(NUMBERS), 'numbers', { asOf: '2024-03-01' });
    const kinds = () => d.all<{ kind: string }>('SELECT kind FROM current_copy ORDER BY kind');
    const parts = (kind: string) =>
      d.all(`SELECT n FROM current_copy_part WHERE kind = ?`, kind).length;
    expect(kinds()).toEqual([{ kind: 'customers' }, { kind: 'numbers' }]);

    d.db().exec(`UPDATE customer_version SET line_digest = 42 WHERE id = 1`);
    expect(kinds()).toEqual([{ kind: 'customers' }, { kind: 'numbers' }]);

    // A change drops the head: the copy is no longer read (its parts wait for the next one).
    d.db().exec(`UPDATE customer_version SET name = 'Jan Janssen' WHERE id = 1`);
    expect(kinds()).toEqual([{ kind: 'numbers' }]);
    // A delete (a purge) drops the parts too.
    d.db().exec(`DELETE FROM number_assignment WHERE id = 3`);
    expect(kinds()).toEqual([]);
    expect(parts('numbers')).toBe(0);

    await d.report(d.csv(CUSTOMERS), 'customers', { asOf: '2024-03-02', acceptValid: true });
    expect(kinds()).toEqual([{ kind: 'customers' }]);
    // A history file that closes a period (no row added) drops it too.
    const r = await d.report(
      d.csv('customer_id;name;valid_from;valid_to\nC2;Piet Bakker;2024-03-01;2024-04-01\n'),
      'customers',
    );
    expect(r).toMatchObject({ status: 'committed', closed: 1 });
    expect(kinds()).toEqual([]);
  });

  it('is kept only by a committed snapshot: a dry run or a refused file leaves the one before', async () => {
    const d = await importerDesk();
    await d.report(d.csv(CUSTOMERS), 'customers', { asOf: '2024-03-01' });
    const before = { head: head(d, 'customers'), rows: copyRows(d, 'customers') };
    const changed = CUSTOMERS.replace('Els de Vries', 'Els Visser');
    const dry = await d.report(d.csv(changed), 'customers', { asOf: '2024-03-02', dryRun: true });
    expect(dry).toMatchObject({ changed: 1 });
    expect(dry.status).not.toBe('committed');
    const refused = await d.report(d.csv(changed + 'C9;\n'), 'customers', { asOf: '2024-03-02' });
    expect(refused.status).not.toBe('committed');
    expect({ head: head(d, 'customers'), rows: copyRows(d, 'customers') }).toEqual(before);
  });
});

/**
 * The same nights on two vaults, one of which never has a copy (dropped before every import): every
 * report and every stored row must come out the same. The nights cover an unchanged night, changes,
 * a row whose period ends between two snapshots, a history file in between and an as-of time
 * earlier than the last snapshot's.
 */
describe('a snapshot compared with the copy answers as one compared with the table', () => {
  const nights: {
    file: string;
    kind: ImportKind;
    o?: { asOf?: string; allowMassClose?: boolean };
  }[] = [
    {
      kind: 'customers',
      file:
        'customer_id;name;valid_from;valid_to\nC1;Jan Jansen;2024-01-01;\nC2;Piet Bakker;2024-01-01;\n' +
        'C3;Els de Vries;2024-01-01;\nC4;Ans Smit;2024-01-01;2024-05-01\n',
    },
    { kind: 'customers', file: CUSTOMERS + 'C4;Ans Smit\n', o: { asOf: '2024-03-01' } },
    { kind: 'numbers', file: NUMBERS, o: { asOf: '2024-03-01' } },
    { kind: 'customers', file: CUSTOMERS + 'C4;Ans Smit\n', o: { asOf: '2024-03-02' } },
    {
      kind: 'customers',
      file: 'customer_id;name\nC1;Jan Jansen\nC2;Piet de Bakker\nC4;Ans Smit\nC5;Kees Mol\n',
      o: { asOf: '2024-03-03', allowMassClose: true },
    },
    {
      kind: 'numbers',
      file: NUMBERS.replace('0612345679;C2', '0612345679;C5'),
      o: { asOf: '2024-03-03' },
    },
    {
      kind: 'customers',
      file: 'customer_id;name\nC1;Jan Jansen\nC2;Piet de Bakker\nC4;Ans Smit\nC5;Kees Mol\n',
      o: { asOf: '2024-03-04' },
    },
    // C5 is closed; then a snapshot earlier than that one, later than any start held, sees C5
    // current and, not named, closes it at its own moment.
    {
      kind: 'customers',
      file: 'customer_id;name\nC1;Jan Jansen\nC2;Piet de Bakker\nC4;Ans Smit\n',
      o: { asOf: '2024-03-05', allowMassClose: true },
    },
    {
      kind: 'customers',
      file: 'customer_id;name\nC1;Jan Jansen\nC2;Piet de Bakker\nC4;Ans Smit\n',
      o: { asOf: '2024-03-04T12:00:00+01:00', allowMassClose: true },
    },
    // C4's period ended on 1 May: the same line opens it anew.
    {
      kind: 'customers',
      file: 'customer_id;name\nC1;Jan Jansen\nC2;Piet de Bakker\nC4;Ans Smit\nC5;Kees Mol\n',
      o: { asOf: '2024-06-01' },
    },
    // A history file that changes a period, then one that only adds a customer.
    {
      kind: 'customers',
      file: 'customer_id;name;valid_from;valid_to\nC1;Jan Jansen-Mol;2024-07-01;\n',
    },
    {
      kind: 'customers',
      file: 'customer_id;name\nC1;Jan Jansen-Mol\nC2;Piet de Bakker\nC4;Ans Smit\nC5;Kees Mol\n',
      o: { asOf: '2024-08-01' },
    },
    {
      kind: 'customers',
      file: 'customer_id;name;valid_from;valid_to\nC6;Rik Dekker;2024-08-15;\n',
    },
    {
      kind: 'customers',
      file: 'customer_id;name\nC1;Jan Jansen-Mol\nC2;Piet de Bakker\nC4;Ans Smit\nC5;Kees Mol\n',
      o: { asOf: '2024-08-20', allowMassClose: true },
    },
    // The same moment twice: what the first opened then, the second cannot close then.
    {
      kind: 'customers',
      file: 'customer_id;name\nC1;Jan Jansen-Mol\nC2;Piet de Bakker\nC4;Ans Smit\nC5;Kees Mol\nC7;Lot Veen\n',
      o: { asOf: '2024-09-01' },
    },
    {
      kind: 'customers',
      file: 'customer_id;name\nC1;Jan Jansen-Mol\nC2;Piet de Bakker\nC4;Ans Smit\nC5;Kees Mol\n',
      o: { asOf: '2024-09-01', allowMassClose: true },
    },
    {
      kind: 'numbers',
      file: NUMBERS.replace('0612345679;C2', '0612345679;C5'),
      o: { asOf: '2024-09-01' },
    },
  ];

  it('gives the same reports and the same rows, night after night', async () => {
    const withCopy = await importerDesk({ lineReaderFrom: 0 }); // read beside, the other here
    const without = await importerDesk();
    const used: boolean[] = [];
    const layers: number[] = [];
    for (const n of nights) {
      used.push(withCopy.all('SELECT 1 FROM current_copy WHERE kind = ?', n.kind).length > 0);
      const a = await withCopy.report(withCopy.csv(n.file), n.kind, n.o);
      without.db().exec('DELETE FROM current_copy; DELETE FROM current_copy_part');
      const b = await without.report(without.csv(n.file), n.kind, n.o);
      expect(outcome(a)).toEqual(outcome(b));
      expect(a.status).toBe('committed');
      expect(withCopy.dataFingerprint()).toBe(without.dataFingerprint());
      layers.push(
        withCopy.all<{ layers: number }>(
          'SELECT layers FROM current_copy WHERE kind = ?',
          n.kind,
        )[0]?.layers ?? -1,
      );
    }
    // Changes were laid on the copy as layers, two deep at least, and it was written whole again.
    expect(Math.max(...layers)).toBeGreaterThanOrEqual(2);
    expect(layers.filter((l, i) => i > 0 && l === 0 && layers[i - 1]! > 0).length).toBeGreaterThan(
      0,
    );
    // The copy was there for most nights (whether it could stand for the table is its own check).
    expect(used.filter(Boolean).length).toBeGreaterThanOrEqual(10);
  });
});

describe('the copy in the order of the file', () => {
  const id = (i: number) => `C${String(i).padStart(4, '0')}`;
  const line = (i: number, name = `Klant ${i}`) => `${id(i)};${name}\n`;
  const all = Array.from({ length: 6000 }, (_, i) => i + 1);
  /** A fixed shuffle (a linear congruential walk), so the test is the same every run. */
  const shuffled = (xs: number[]) => {
    const out = [...xs];
    let r = 12345;
    for (let i = out.length - 1; i > 0; i--) {
      r = (r * 1103515245 + 12345) % 2 ** 31;
      const j = r % (i + 1);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  const kept = [...all.slice(0, 1000), ...all.slice(1300)];
  const reordered = shuffled(kept);
  const nights: { file: string; o: { asOf: string; allowMassClose?: boolean } }[] = [
    { file: 'customer_id;name\n' + all.map((i) => line(i)).join(''), o: { asOf: '2024-02-01' } },
    // 300 rows in one place left out, more than the cursor looks ahead; five names changed.
    {
      file:
        'customer_id;name\n' +
        kept.map((i) => (i % 397 === 0 ? line(i, `Klant ${i} (verhuisd)`) : line(i))).join(''),
      o: { asOf: '2024-02-02', allowMassClose: true },
    },
    // The export sorted another way, with three new customers.
    {
      file:
        'customer_id;name\n' +
        [
          ...reordered.map((i) => (i % 397 === 0 ? line(i, `Klant ${i} (verhuisd)`) : line(i))),
          line(6001),
          line(6002),
          line(6003),
        ].join(''),
      o: { asOf: '2024-02-03' },
    },
  ];
  nights.push({ file: nights[2]!.file, o: { asOf: '2024-02-04' } });

  /** The ids of the copy's base, in its order. */
  const baseOrder = (d: Desk) =>
    d
      .all<{ data: Buffer }>(
        `SELECT data FROM current_copy_part WHERE kind = 'customers' AND layer = 0 AND what = 'rows' ORDER BY n`,
      )
      .flatMap(({ data }) => {
        const u = new Uint32Array(
          data.buffer.slice(data.byteOffset, data.byteOffset + data.length),
        );
        return Array.from({ length: u.length / 3 }, (_, k) => u[k * 3]!);
      });
  /** The current row ids of these customers, in this order. */
  const currentIds = (d: Desk, customers: number[]) => {
    const byCustomer = new Map(
      d
        .all<{ id: number; customer_id: string }>(
          'SELECT id, customer_id FROM customer_version WHERE valid_to IS NULL',
        )
        .map((r) => [r.customer_id, r.id]),
    );
    return customers.map((i) => byCustomer.get(id(i)));
  };

  it('answers as the table does when rows are left out in one place or the file is reordered, and keeps the new order', async () => {
    const withCopy = await importerDesk({ lineReaderFrom: 0 }); // read beside, the other here
    const without = await importerDesk();
    const history =
      'customer_id;name;valid_from;valid_to\n' +
      all.map((i) => `${id(i)};Klant ${i};2024-01-01;\n`).join('');
    for (const d of [withCopy, without]) await d.report(d.csv(history), 'customers');
    const layers: number[] = [];
    for (const n of nights) {
      const a = await withCopy.report(withCopy.csv(n.file), 'customers', n.o);
      without.db().exec('DELETE FROM current_copy; DELETE FROM current_copy_part');
      const b = await without.report(without.csv(n.file), 'customers', n.o);
      expect(a.status).toBe('committed');
      expect(outcome(a)).toEqual(outcome(b));
      expect(withCopy.dataFingerprint()).toBe(without.dataFingerprint());
      layers.push(
        withCopy.all<{ layers: number }>(
          'SELECT layers FROM current_copy WHERE kind = ?',
          'customers',
        )[0]!.layers,
      );
      if (layers.length === 1) expect(baseOrder(withCopy)).toEqual(currentIds(withCopy, all));
    }
    expect(layers.length).toBe(4);
    // The reordered night wrote the copy whole again, in that file's order (its changes alone would
    // have fitted a layer); the next only moved it.
    expect(layers.slice(2)).toEqual([0, 0]);
    expect(baseOrder(withCopy)).toEqual(currentIds(withCopy, [...reordered, 6001, 6002, 6003]));
    const last = await withCopy.report(withCopy.csv(nights[3]!.file), 'customers', {
      asOf: '2024-02-05',
    });
    expect([last.unchanged, last.changed, last.added, last.closed]).toEqual([5703, 0, 0, 0]);
  });
});
