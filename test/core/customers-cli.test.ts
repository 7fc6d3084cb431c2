import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { tempDir } from '../support/desk';
import { fixture, IMPORTER_PASS } from '../fixtures/customers/desk';

const ADMIN = { NAW_DESK_USER: 'admin', NAW_DESK_PASSPHRASE: 'correct horse battery' };
const OLGA = { NAW_DESK_USER: 'olga', NAW_DESK_PASSPHRASE: IMPORTER_PASS };

async function cliVault() {
  const vault = join(tempDir(), 'vault');
  expect(
    (await cli(['init', '--vault', vault, '--org', 'Testnet B.V.', '--user', 'admin'], ADMIN)).code,
  ).toBe(0);
  const add = await cli(['user', 'add', 'olga', '--role', 'importer', '--vault', vault], {
    ...ADMIN,
    NAW_DESK_NEW_PASSPHRASE: IMPORTER_PASS,
  });
  expect(add.code).toBe(0);
  return vault;
}

describe('naw-desk import', () => {
  it('imports the three kinds with a JSON report, and status --json counts them', async () => {
    const vault = await cliVault();
    for (const [kind, file] of [
      ['customers', 'customers-history.csv'],
      ['numbers', 'numbers-history.csv'],
      ['ips', 'ips-history.csv'],
    ] as const) {
      const r = await cli(['import', kind, fixture(file), '--vault', vault, '--json'], OLGA);
      expect(r.code, r.stderr).toBe(0);
      const report = r.json();
      expect(report).toMatchObject({
        added: 4,
        changed: 0,
        closed: 0,
        rejected: [],
        status: 'committed',
      });
      expect(typeof report.durationMs).toBe('number');
    }
    const s = await cli(['status', '--vault', vault, '--json'], OLGA);
    expect(s.json()).toMatchObject({
      customers: 3,
      customerVersions: 4,
      numberAssignments: 4,
      ipAssignments: 4,
    });
  });

  it('exits 1 with the rejected rows listed when a file is refused; --accept-valid writes the rest', async () => {
    const vault = await cliVault();
    const r = await cli(
      ['import', 'customers', fixture('customers-bad.csv'), '--vault', vault, '--json'],
      OLGA,
    );
    expect(r.code).toBe(1);
    const report = r.json();
    expect(report.status).toBe('rejected');
    // The JSON report carries the English reason and the code and parameters to word it.
    expect(report.rejected).toContainEqual({
      line: 3,
      column: 'name',
      reason: 'name is empty; it is required',
      code: 'required_empty',
      params: { column: 'name' },
    });
    // The listing words the reasons in Dutch, as the window does, or in English when asked.
    const text = await cli(
      ['import', 'customers', fixture('customers-bad.csv'), '--vault', vault],
      OLGA,
    );
    expect(text.stdout).toMatch(/line 2, postcode: "12345" is geen Nederlandse postcode/);
    expect(text.stdout).toMatch(/line 3, name: name is leeg; dit veld is verplicht/);
    expect(text.stdout).toMatch(/nothing was written/);
    const english = await cli(
      ['import', 'customers', fixture('customers-bad.csv'), '--vault', vault, '--language', 'en'],
      OLGA,
    );
    expect(english.stdout).toMatch(/line 2, postcode: "12345" is not a Dutch postcode/);
    const ok = await cli(
      [
        'import',
        'customers',
        fixture('customers-bad.csv'),
        '--vault',
        vault,
        '--json',
        '--accept-valid',
      ],
      OLGA,
    );
    expect(ok.code).toBe(0);
    expect(ok.json()).toMatchObject({ added: 1, status: 'committed' });
  });

  it('takes --dry-run and --as-of, and explains bad usage', async () => {
    const vault = await cliVault();
    const dry = await cli(
      [
        'import',
        'customers',
        fixture('customers-history.csv'),
        '--vault',
        vault,
        '--json',
        '--dry-run',
      ],
      OLGA,
    );
    expect(dry.code).toBe(0);
    expect(dry.json()).toMatchObject({ status: 'dry_run', added: 4, written: false });
    const snapshot = join(tempDir(), 'tonight.csv');
    (await import('node:fs')).writeFileSync(snapshot, 'customer_id,name\nC9,Jan Jansen\n');
    const asOf = await cli(
      [
        'import',
        'customers',
        snapshot,
        '--vault',
        vault,
        '--json',
        '--as-of',
        '2024-03-01T02:00:00+01:00',
      ],
      OLGA,
    );
    expect(asOf.json()).toMatchObject({
      mode: 'snapshot',
      asOf: '2024-03-01T01:00:00.000Z',
      added: 1,
    });
    const badTime = await cli(
      ['import', 'customers', snapshot, '--vault', vault, '--as-of', 'tomorrow'],
      OLGA,
    );
    expect(badTime.code).toBe(1);
    expect(badTime.stderr).toMatch(/as-of: "tomorrow" is not a time/);
    const kind = await cli(['import', 'people', snapshot, '--vault', vault], OLGA);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/customers, numbers, ips/);
    const missing = await cli(
      ['import', 'numbers', join(vault, 'nope.csv'), '--vault', vault],
      OLGA,
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Cannot read/);
    const admin = await cli(['import', 'numbers', snapshot, '--vault', vault], ADMIN);
    expect(admin.code).toBe(1);
    expect(admin.stderr).toMatch(/FORBIDDEN/);
  });
});
