import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { tempDir, testDesk } from '../support/desk';
import { FIXTURES, importFixtures } from '../fixtures/requests/seed';
import { AMSTERDAM_DUTY_DESK } from '../fixtures/requests/duty-desk';

const ADMIN = { NAW_DESK_USER: 'admin', NAW_DESK_PASSPHRASE: 'admin passphrase 1' };
const OLGA = { NAW_DESK_USER: 'olga', NAW_DESK_PASSPHRASE: 'olga passphrase 12' };
const PIET = { NAW_DESK_USER: 'piet', NAW_DESK_PASSPHRASE: 'piet passphrase 12' };
const REQUEST = join(FIXTURES, 'request-126na.json');

async function vaultWithCustomers(): Promise<string> {
  const vault = join(tempDir(), 'v');
  expect(
    (await cli(['init', '--vault', vault, '--user', 'admin', '--org', 'Testnet B.V.'], ADMIN)).code,
  ).toBe(0);
  for (const [name, role, pass] of [
    ['olga', 'officer', OLGA.NAW_DESK_PASSPHRASE],
    ['piet', 'approver', PIET.NAW_DESK_PASSPHRASE],
  ] as const) {
    const r = await cli(['user', 'add', name, '--role', role, '--vault', vault], {
      ...ADMIN,
      NAW_DESK_NEW_PASSPHRASE: pass,
    });
    expect(r.code).toBe(0);
  }
  const d = testDesk({ vaultDir: vault });
  await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN.NAW_DESK_PASSPHRASE });
  await importFixtures(d.session.vault!.db);
  await d.must('catalogue.addContact', AMSTERDAM_DUTY_DESK);
  await d.must('vault.lock', {});
  return vault;
}

describe('CLI: the request lifecycle', () => {
  it('new → list → match → decide → approve as the second user → show', async () => {
    const vault = await vaultWithCustomers();
    const v = ['--vault', vault];

    const created = await cli(['request', 'new', REQUEST, ...v, '--json'], OLGA);
    expect(created.stderr).toBe('');
    expect(created.json()).toEqual({ registerNo: '2026-0001' });

    const list = await cli(
      ['request', 'list', '--year', '2026', '--status', 'checked', ...v, '--json'],
      OLGA,
    );
    expect(list.json().map((r: { registerNo: string }) => r.registerNo)).toEqual(['2026-0001']);
    const none = await cli(['request', 'list', '--year', '2025', ...v, '--json'], OLGA);
    expect(none.json()).toEqual([]);

    const match = await cli(['request', 'match', '2026-0001', ...v, '--json'], OLGA);
    expect(match.code).toBe(0);
    const items = match.json().items as {
      index: number;
      status: string;
      subscribers: Record<string, unknown>[];
      evidence: Record<string, unknown>[];
    }[];
    expect(items.map((i) => [i.index, i.status])).toEqual([
      [1, 'match'],
      [2, 'match'],
      [3, 'match'],
      [4, 'ambiguous_time'],
    ]);
    expect(items[0]!.subscribers[0]).toMatchObject({
      customerId: 'C001',
      name: 'Jan de Vries',
      street: 'Stationsstraat',
      houseNumber: '1',
      houseNumberAddition: null,
      postcode: '1012 AB',
      city: 'Amsterdam',
      country: 'NL',
    });
    expect(items[1]!.subscribers[0]).toMatchObject({
      customerId: 'C003',
      houseNumberAddition: 'bis',
    });
    expect(items[2]!.subscribers[0]).toMatchObject({ customerId: 'C002' });
    expect(items[0]!.evidence[0]).toMatchObject({
      table: 'number_assignment',
      identifier: '+31612345678',
      importFile: 'numbers.csv',
    });

    const resolved = await cli(
      ['request', 'resolve-time', '2026-0001', '--item', '4', '--offset', '+02:00', ...v],
      OLGA,
    );
    expect(resolved.code).toBe(0);
    const again = await cli(['request', 'match', '2026-0001', ...v, '--json'], OLGA);
    expect(again.json().items[3]).toMatchObject({
      status: 'match',
      subscribers: [{ customerId: 'C004' }],
    });

    const decide = await cli(
      [
        'request',
        'decide',
        '2026-0001',
        '--disclose',
        'name,address,postcode,city',
        '--items',
        '1,2',
        ...v,
        '--json',
      ],
      OLGA,
    );
    expect(decide.code).toBe(0);
    expect(decide.json()).toMatchObject({
      status: 'awaiting_approval',
      decision: {
        items: [1, 2],
        categories: ['name', 'address', 'postcode', 'city'],
        withheld: ['number', 'service_type'],
      },
    });

    const self = await cli(['request', 'approve', '2026-0001', ...v], OLGA);
    expect(self.code).toBe(1);
    expect(self.stderr).toMatch(/FORBIDDEN/);

    const approve = await cli(['request', 'approve', '2026-0001', ...v, '--json'], PIET);
    expect(approve.code).toBe(0);
    expect(approve.json()).toMatchObject({
      status: 'disclosed',
      approval: { approved: true, by: 'piet', onePerson: false },
    });

    const show = await cli(['request', 'show', '2026-0001', ...v], PIET);
    expect(show.stdout).toMatch(/2026-0001 {2}disclosed/);
    expect(show.stdout).toMatch(/approved by piet/);
    expect(show.stdout).toMatch(/time_resolved/);
  });

  it('refusal, bad usage and bad files', async () => {
    const vault = await vaultWithCustomers();
    const v = ['--vault', vault];
    const dir = tempDir();
    const unverified = join(dir, 'unverified.json');
    const json = JSON.parse((await import('node:fs')).readFileSync(REQUEST, 'utf8')) as Record<
      string,
      unknown
    >;
    delete json.verification;
    writeFileSync(unverified, JSON.stringify(json));
    const { registerNo } = (await cli(['request', 'new', unverified, ...v, '--json'], OLGA)).json();
    const check = await cli(['request', 'check', registerNo, ...v], OLGA);
    expect(check.stdout).toMatch(/FAIL not_verified/);
    const match = await cli(['request', 'match', registerNo, ...v], OLGA);
    expect(match.code).toBe(1);
    expect(match.stderr).toMatch(/not verified/);
    const refuse = await cli(
      [
        'request',
        'decide',
        registerNo,
        '--refuse',
        'Requester could not be verified',
        ...v,
        '--json',
      ],
      OLGA,
    );
    expect(refuse.json()).toMatchObject({ status: 'refused' });
    expect(refuse.json().decision.reasons).toHaveLength(2);

    expect(
      (await cli(['request', 'decide', registerNo, '--no-data', '--refer', ...v], OLGA)).code,
    ).toBe(2);
    expect((await cli(['request', 'list', '--status', 'lost', ...v], OLGA)).code).toBe(2);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"authority": ');
    const bad = await cli(['request', 'new', broken, ...v], OLGA);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/not valid JSON/);
    const missing = await cli(['request', 'new', join(dir, 'nope.json'), ...v], OLGA);
    expect(missing.stderr).toMatch(/Cannot read/);
    writeFileSync(broken, JSON.stringify({ ...json, channel: 'pigeon' }));
    const invalid = await cli(['request', 'new', broken, ...v], OLGA);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/channel/);
    const unknown = await cli(['request', 'show', '2026-0999', ...v], OLGA);
    expect(unknown.stderr).toMatch(/no request 2026-0999/);
  });
});
