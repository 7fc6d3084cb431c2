import { describe, expect, it } from 'vitest';
import { importIssueKey } from '../../shared/import-issue';
import { coreText } from '../../shared/messages';
import {
  amsterdamMidnight,
  fixture,
  IMPORTER_PASS,
  importerDesk,
  sha256File,
} from '../fixtures/customers/desk';

const CUSTOMERS = fixture('customers-history.csv');
const NUMBERS = fixture('numbers-history.csv');
const IPS = fixture('ips-history.csv');

/** A desk holding the three fixture history files. */
async function loadedDesk() {
  const d = await importerDesk();
  for (const [file, kind] of [
    [CUSTOMERS, 'customers'],
    [NUMBERS, 'numbers'],
    [IPS, 'ips'],
  ] as const) {
    const r = await d.report(file, kind);
    expect(r.status, `${kind}: ${JSON.stringify(r.rejected)}`).toBe('committed');
  }
  return d;
}

describe('customer data import: history files', () => {
  it('imports customers, numbers and IP assignments with normalised identifiers and exact times', async () => {
    const d = await importerDesk();
    const r = await d.report(CUSTOMERS, 'customers');
    expect(r).toMatchObject({
      status: 'committed',
      written: true,
      mode: 'history',
      rows: 4,
      added: 4,
      changed: 0,
      closed: 0,
      rejectedRows: 0,
      rejected: [],
      sha256: sha256File(CUSTOMERS),
      fileName: 'customers-history.csv',
    });
    await d.report(NUMBERS, 'numbers');
    await d.report(IPS, 'ips');

    // `;`, BOM, CRLF and quotes were read; the postcode normalised; the date = Amsterdam midnight.
    const jan = d.all(
      `SELECT street, house_number_addition AS addition, postcode, valid_from, valid_to FROM customer_version WHERE customer_id = 'C001' ORDER BY valid_from`,
    );
    expect(jan).toEqual([
      {
        street: 'Dorpsstraat',
        addition: null,
        postcode: '1234 AB',
        valid_from: amsterdamMidnight('2020-01-01'),
        valid_to: amsterdamMidnight('2023-05-01'),
      },
      {
        street: 'Kerkplein',
        addition: 'A',
        postcode: '3511 AB',
        valid_from: amsterdamMidnight('2023-05-01'),
        valid_to: null,
      },
    ]);
    expect(d.all(`SELECT name FROM customer_version WHERE customer_id = 'C002'`)).toEqual([
      { name: 'Bakkerij "De Korenschoof" B.V.' },
    ]);
    expect(
      d.all(`SELECT street, postcode, country FROM customer_version WHERE customer_id = 'C003'`),
    ).toEqual([{ street: 'Rue de la Loi; aile B', postcode: '1000', country: 'BE' }]);

    // 050-1234567 changed hands on 2024-01-01: two half-open periods, the number as given kept.
    expect(
      d.all(
        `SELECT number_given, customer_id, valid_from, valid_to FROM number_assignment WHERE e164 = '+31501234567' ORDER BY valid_from`,
      ),
    ).toEqual([
      {
        number_given: '050-1234567',
        customer_id: 'C002',
        valid_from: amsterdamMidnight('2019-06-15'),
        valid_to: amsterdamMidnight('2024-01-01'),
      },
      {
        number_given: '+31 50 123 4567',
        customer_id: 'C003',
        valid_from: amsterdamMidnight('2024-01-01'),
        valid_to: null,
      },
    ]);
    expect(
      d.all(
        `SELECT prefix, prefix_length, hex(ip_from) AS f, hex(ip_to) AS t, port_from, port_to FROM ip_assignment ORDER BY id`,
      ),
    ).toEqual([
      {
        prefix: '203.0.113.7',
        prefix_length: 32,
        f: '00000000000000000000FFFFCB007107',
        t: '00000000000000000000FFFFCB007107',
        port_from: 1024,
        port_to: 2047,
      },
      expect.objectContaining({ prefix: '203.0.113.7', port_from: 2048, port_to: 3071 }),
      expect.objectContaining({
        prefix: '2001:db8:12::/48',
        prefix_length: 48,
        t: '20010DB80012FFFFFFFFFFFFFFFFFFFF',
      }),
      expect.objectContaining({ prefix: '2001:db8:ab:cd00::/56', prefix_length: 56 }),
    ]);
    expect(d.all(`SELECT family, prefix_length FROM ip_prefix_length ORDER BY 1, 2`)).toEqual([
      { family: 4, prefix_length: 32 },
      { family: 6, prefix_length: 48 },
      { family: 6, prefix_length: 56 },
    ]);

    const summary = await d.must('vault.summary', {});
    expect(summary.counts).toMatchObject({
      customers: 3,
      customerVersions: 4,
      numberAssignments: 4,
      ipAssignments: 4,
    });
  });

  it('audits every import: who, file name, SHA-256 and counts, in the intact chain', async () => {
    const d = await loadedDesk();
    await d.must('vault.lock', {});
    await d.must('vault.unlock', { userName: 'admin', passphrase: 'correct horse battery' });
    const events = (await d.must('audit.list', { action: 'customers.import' })).events;
    expect(events).toHaveLength(3);
    const numbers = events.find((e) => e.details.kind === 'numbers')!;
    expect(numbers.user).toBe('olga');
    expect(numbers.details).toMatchObject({
      fileName: 'numbers-history.csv',
      sha256: sha256File(NUMBERS),
      status: 'committed',
      added: 4,
      changed: 0,
      closed: 0,
      rejected: 0,
    });
    expect(JSON.stringify(events)).not.toContain('06-12345678'); // counts, not customer data
    expect((await d.must('audit.verify', {})).intact).toBe(true);
  });

  it('re-importing the same files changes nothing', async () => {
    const d = await loadedDesk();
    const before = d.dataFingerprint();
    for (const [file, kind] of [
      [CUSTOMERS, 'customers'],
      [NUMBERS, 'numbers'],
      [IPS, 'ips'],
    ] as const) {
      const r = await d.report(file, kind);
      expect(r).toMatchObject({
        status: 'committed',
        added: 0,
        changed: 0,
        closed: 0,
        unchanged: 4,
      });
    }
    expect(d.dataFingerprint()).toBe(before);
  });

  it('continues a history: a later version closes the open one; a valid_to closes it', async () => {
    const d = await loadedDesk();
    const r = await d.report(
      d.csv(
        'customer_id,name,street,house_number,postcode,city,valid_from,valid_to\n' +
          'C002,"Bakkerij ""De Korenschoof"" B.V.",Vismarkt,10,9712 CA,Groningen,2025-02-01,\n',
      ),
      'customers',
    );
    expect(r).toMatchObject({ status: 'committed', changed: 1, added: 0 });
    expect(
      d.all(
        `SELECT street, valid_to FROM customer_version WHERE customer_id = 'C002' ORDER BY valid_from`,
      ),
    ).toEqual([
      { street: 'Markt', valid_to: amsterdamMidnight('2025-02-01') },
      { street: 'Vismarkt', valid_to: null },
    ]);
    const closed = await d.report(
      d.csv(
        'number,customer_id,service,valid_from,valid_to\n06-12345678,C001,mobile,2020-01-01,2025-06-01\n',
      ),
      'numbers',
    );
    expect(closed).toMatchObject({ status: 'committed', closed: 1, added: 0 });
  });

  it('rejects a malformed file as a whole, with line, column and reason for each problem', async () => {
    const d = await loadedDesk();
    const before = d.dataFingerprint();
    const r = await d.report(fixture('customers-bad.csv'), 'customers');
    expect(r.status).toBe('rejected');
    expect(r.written).toBe(false);
    expect(r.rejectedRows).toBe(5);
    expect(r.added).toBe(1); // the one good row would have been added
    expect(r.message).toMatch(/nothing was written/);
    expect(r.warnings).toEqual([
      {
        line: 1,
        column: 'favourite_colour',
        reason: 'unknown column "favourite_colour" was ignored',
      },
    ]);
    const at = (line: number, column: string) =>
      r.rejected.find((i) => i.line === line && i.column === column)?.reason;
    expect(at(2, 'postcode')).toMatch(/not a Dutch postcode/);
    expect(at(3, 'name')).toMatch(/required/);
    expect(at(4, 'house_number')).toMatch(/house_number_addition/);
    expect(at(4, 'email')).toMatch(/not an e-mail address/);
    expect(at(4, 'customer_type')).toMatch(/person or business/);
    expect(at(4, 'valid_to')).toMatch(/not after valid_from/);
    expect(at(5, 'country')).toMatch(/ISO 3166/);
    expect(at(5, 'valid_from')).toMatch(/not a calendar date/);
    expect(at(6, 'valid_from')).toMatch(/no time zone/);
    expect(d.dataFingerprint()).toBe(before);
    expect(
      d.all(`SELECT status, rejected FROM import_run WHERE file_name = 'customers-bad.csv'`),
    ).toEqual([{ status: 'rejected', rejected: 5 }]);
  });

  it('with accept-valid writes the valid rows and keeps the report', async () => {
    const d = await loadedDesk();
    const r = await d.report(fixture('customers-bad.csv'), 'customers', { acceptValid: true });
    expect(r).toMatchObject({ status: 'committed', written: true, added: 1, rejectedRows: 5 });
    expect(r.rejected.length).toBeGreaterThanOrEqual(5);
    expect(d.all(`SELECT customer_id FROM customer WHERE customer_id LIKE 'C10%'`)).toEqual([
      { customer_id: 'C105' },
    ]);
  });

  it('a dry run checks and counts but writes nothing', async () => {
    const d = await importerDesk();
    const before = d.dataFingerprint();
    const r = await d.report(CUSTOMERS, 'customers', { dryRun: true });
    expect(r).toMatchObject({ status: 'dry_run', written: false, added: 4 });
    expect(d.dataFingerprint()).toBe(before);
  });

  it('rejects a number held by two customers at once, in the file or against the vault', async () => {
    const d = await loadedDesk();
    const r = await d.report(
      d.csv(
        'number,customer_id,service,valid_from,valid_to\n' +
          '0201111111,C001,fixed,2021-01-01,\n' +
          '020-1111111,C002,fixed,2022-01-01,\n' + // line 3: same number, other customer, overlapping
          '06-12345678,C002,mobile,2024-01-01,\n' + // line 4: held by C001 since 2020 (open)
          '0612345678,C001,mobile,2019-01-01,2019-12-31\n' + // line 5: before C001's period: fine
          '06-29999999,C999,mobile,2024-01-01,\n', // line 6: unknown customer
      ),
      'numbers',
    );
    expect(r.status).toBe('rejected');
    expect(r.rejected).toEqual([
      {
        line: 3,
        column: 'number',
        reason:
          'the same number is held by another customer at the same time on line 2 of this file',
        code: 'own_other_holder',
        params: { line: 2, kind: 'numbers' },
      },
      {
        line: 4,
        column: 'number',
        // What the line itself says, never the other holder's period or import.
        reason:
          'this number (2023-12-31T23:00:00Z to open end, as this line gives it) overlaps an existing assignment in the vault; a history file may add later periods or close the current one, not change or overlap what is held',
        code: 'overlaps_held',
        params: { from: '2023-12-31T23:00:00Z', to: '…' },
      },
      {
        line: 6,
        column: 'customer_id',
        reason: 'unknown customer_id "C999": import the customers file first',
        code: 'unknown_customer',
        params: { id: 'C999' },
      },
    ]);
    expect(r.added).toBe(2);
  });

  it('rejects overlapping port blocks and prefixes held by other customers at the same time', async () => {
    const d = await loadedDesk();
    const r = await d.report(
      d.csv(
        'prefix,port_from,port_to,customer_id,valid_from,valid_to\n' +
          '203.0.113.7,3072,4095,C003,2023-06-01,\n' + // 2: a free block on the shared address
          '203.0.113.7,2000,2100,C003,2023-06-01,\n' + // 3: overlaps C001's 1024-2047 and C002's 2048-3071
          '203.0.113.7,,,C003,2023-06-01,\n' + // 4: the whole address: overlaps every block
          '2001:db8:12:3400::/56,,,C001,2022-01-01,\n' + // 5: inside C002's /48
          '2001:db8:ab::/48,,,C001,2023-01-01,\n' + // 6: around C003's /56
          '2001:db8:ab:cd00::/56,,,C003,2020-01-01,2022-02-01\n' + // 7: C003's own earlier period: fine
          '203.0.113.0/29,,,C001,2024-01-01,\n', // 8: contains the shared address
      ),
      'ips',
    );
    expect(r.status).toBe('rejected');
    expect(r.rejected.map((i) => [i.line, i.column])).toEqual([
      [3, 'prefix'],
      [4, 'prefix'],
      [5, 'prefix'],
      [6, 'prefix'],
      [8, 'prefix'],
    ]);
    expect(r.rejected[0]!.reason).toMatch(/overlaps an existing assignment in the vault/);
    // Never the periods the vault holds (2023-01-01T00:00Z, 2020-12-31T23:00Z, 2022-01-31T23:00Z).
    expect(JSON.stringify(r.rejected)).not.toMatch(
      /C00\d|import #|2023-01-01T00:00|2020-12-31T23|2022-01-31T23/,
    );
    expect(r.added).toBe(2);
  });

  it('refuses a port block on a prefix, half a port block, and a bad prefix', async () => {
    const d = await loadedDesk();
    const r = await d.report(
      d.csv(
        'prefix,port_from,port_to,customer_id,valid_from\n' +
          '198.51.100.0/24,1024,2047,C001,2024-01-01\n' +
          '198.51.100.9,1024,,C001,2024-01-01\n' +
          '198.51.100.5/29,,,C001,2024-01-01\n' +
          '198.51.100.10,70000,70001,C001,2024-01-01\n',
      ),
      'ips',
    );
    expect(r.rejected).toEqual([
      {
        line: 2,
        column: 'prefix',
        reason: 'a port block belongs to one shared public IPv4 address, not to a prefix',
        code: 'port_block_prefix',
        params: {},
      },
      {
        line: 3,
        column: 'port_to',
        reason: 'give both port_from and port_to, or neither',
        code: 'ports_both',
        params: {},
      },
      {
        line: 4,
        column: 'prefix',
        reason: '"198.51.100.5/29" has host bits set; the network is 198.51.100.0/29',
        code: 'prefix_host_bits',
        params: { text: '198.51.100.5/29', network: '198.51.100.0/29' },
      },
      {
        line: 5,
        column: 'port_from',
        reason: '"70000" is not a port number (0-65535)',
        code: 'port_invalid',
        params: { text: '70000' },
      },
      {
        line: 5,
        column: 'port_to',
        reason: '"70001" is not a port number (0-65535)',
        code: 'port_invalid',
        params: { text: '70001' },
      },
    ]);
    // The reader's language words them from their code.
    expect(coreText('nl', importIssueKey('prefix_host_bits'), r.rejected[2]!.params)).toBe(
      '"198.51.100.5/29" heeft hostbits gezet; het netwerk is 198.51.100.0/29',
    );
  });

  it('refuses a file without the required columns, naming them', async () => {
    const d = await importerDesk();
    const r = await d.report(d.csv('customer_id,naam\nC1,Jan\n'), 'customers');
    expect(r).toMatchObject({ status: 'rejected', written: false, rows: 0 });
    expect(r.rejected).toEqual([
      {
        line: 1,
        column: 'name',
        reason: 'the required column "name" is missing (is this a customers file?)',
      },
    ]);
    const asOf = await d.report(CUSTOMERS, 'customers', { asOf: '2024-01-01' });
    expect(asOf.rejected[0]!.reason).toMatch(/applies only to a current-state snapshot/);
    const empty = await d.report(d.csv(''), 'numbers');
    expect(empty.rejected[0]!.reason).toMatch(/empty/);
  });

  it('lets importers import; officers, approvers, admins and auditors only see the summary', async () => {
    const d = await importerDesk();
    await d.must('vault.unlock', { userName: 'admin', passphrase: 'correct horse battery' });
    await d.must('users.add', {
      name: 'otto',
      role: 'officer',
      passphrase: 'officer passphrase 1',
    });
    for (const [userName, passphrase] of [
      ['admin', 'correct horse battery'],
      ['otto', 'officer passphrase 1'],
    ] as const) {
      await d.must('vault.lock', {});
      await d.must('vault.unlock', { userName, passphrase });
      const f = d.session.files.register(CUSTOMERS);
      const denied = await d.call('customers.importStart', { file: f.token, kind: 'customers' });
      expect(!denied.ok && denied.code, userName).toBe('FORBIDDEN');
      const preview = await d.call('customers.preview', { file: f.token });
      expect(!preview.ok && preview.code, userName).toBe('FORBIDDEN');
      const summary = await d.must('customers.summary', {});
      expect(summary.customers).toEqual({ total: 0, current: 0 });
    }
    await d.must('vault.unlock', { userName: 'olga', passphrase: IMPORTER_PASS });
    const bad = await d.call('customers.importStart', { file: 'f'.repeat(32), kind: 'customers' });
    expect(!bad.ok && bad.code).toBe('NOT_FOUND');
  });
});

describe('customer data import: preview, progress and summary', () => {
  it('previews the header, detected delimiter, kind, mode and first rows without writing', async () => {
    const d = await importerDesk();
    const f = d.session.files.register(CUSTOMERS);
    const p = await d.must('customers.preview', { file: f.token });
    expect(p).toMatchObject({
      fileName: 'customers-history.csv',
      delimiter: ';',
      kind: 'customers',
      mode: 'history',
      unknown: [],
      missing: [],
      problems: [],
    });
    expect(p.header[0]).toBe('customer_id');
    expect(p.rows).toHaveLength(4);
    expect(p.rows[2]![1]).toBe('Bakkerij "De Korenschoof" B.V.');
    const n = await d.must('customers.preview', { file: d.session.files.register(NUMBERS).token });
    expect(n).toMatchObject({ kind: 'numbers', delimiter: ',', mode: 'history' });
    expect(d.dataFingerprint()).toBe((await importerDesk()).dataFingerprint());
  });

  it('reports progress and a summary of what the vault holds, counts only', async () => {
    const d = await loadedDesk();
    const f = d.session.files.register(NUMBERS);
    const { jobId } = await d.must('customers.importStart', { file: f.token, kind: 'numbers' });
    let s = await d.must('customers.importProgress', { jobId });
    expect(['running', 'done']).toContain(s.state);
    s = await d.must('customers.importProgress', { jobId, waitMs: 10_000 });
    expect(s.state).toBe('done');
    expect(s.progress.totalBytes).toBe(s.report!.bytes);
    const summary = await d.must('customers.summary', {});
    expect(summary.customers).toEqual({ total: 3, current: 3 });
    expect(summary.customerVersions).toBe(4);
    expect(summary.numbers).toEqual({ total: 4, current: 3 });
    expect(summary.ips).toEqual({ total: 4, current: 4 });
    expect(summary.lastImports.map((l) => [l.kind, l.status, l.user])).toEqual([
      ['customers', 'committed', 'olga'],
      ['ips', 'committed', 'olga'],
      ['numbers', 'committed', 'olga'],
    ]);
    expect(JSON.stringify(summary)).not.toMatch(/Jan de Vries|\+316/);
  });

  it('runs one import at a time', async () => {
    const d = await loadedDesk();
    const big = d.csv(
      'number,customer_id,service,valid_from\n' +
        Array.from({ length: 30_000 }, (_, i) => `06-${20000000 + i},C001,mobile,2021-01-01`).join(
          '\n',
        ),
    );
    // The worker's import starts by taking the vault's write lock. While this connection holds
    // it, the first import cannot finish, so the second one always meets it running.
    d.db().exec('BEGIN IMMEDIATE');
    const { first, second, state } = await (async () => {
      try {
        const first = await d.must('customers.importStart', {
          file: d.session.files.register(big).token,
          kind: 'numbers',
          dryRun: true,
        });
        const second = await d.call('customers.importStart', {
          file: d.session.files.register(NUMBERS).token,
          kind: 'numbers',
        });
        const { state } = await d.must('customers.importProgress', { jobId: first.jobId });
        return { first, second, state };
      } finally {
        d.db().exec('ROLLBACK');
      }
    })();
    expect(state).toBe('running');
    expect(!second.ok && second.code).toBe('CONFLICT');
    const s = await d.must('customers.importProgress', { jobId: first.jobId, waitMs: 10_000 });
    expect(s.state).toBe('done');
    // Once it has finished, the next import may start.
    const next = await d.must('customers.importStart', {
      file: d.session.files.register(NUMBERS).token,
      kind: 'numbers',
    });
    const after = await d.must('customers.importProgress', { jobId: next.jobId, waitMs: 10_000 });
    expect(after.state).toBe('done');
  });
});
