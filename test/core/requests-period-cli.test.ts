import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { tempDir, testDesk } from '../support/desk';
import { importFixtures, FIXTURES } from '../fixtures/requests/seed';

const PERIODS = fileURLToPath(new URL('../fixtures/periods/', import.meta.url));
const ADMIN = { NAW_DESK_USER: 'admin', NAW_DESK_PASSPHRASE: 'admin passphrase 1' };
const OLGA = { NAW_DESK_USER: 'olga', NAW_DESK_PASSPHRASE: 'olga passphrase 12' };

async function vaultWithCustomers(): Promise<string> {
  const vault = join(tempDir(), 'v');
  expect(
    (await cli(['init', '--vault', vault, '--user', 'admin', '--org', 'Testnet B.V.'], ADMIN)).code,
  ).toBe(0);
  const added = await cli(['user', 'add', 'olga', '--role', 'officer', '--vault', vault], {
    ...ADMIN,
    NAW_DESK_NEW_PASSPHRASE: OLGA.NAW_DESK_PASSPHRASE,
  });
  expect(added.code).toBe(0);
  const d = testDesk({ vaultDir: vault });
  await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN.NAW_DESK_PASSPHRASE });
  await importFixtures(d.session.vault!.db, FIXTURES);
  await importFixtures(d.session.vault!.db, PERIODS);
  await d.must('vault.lock', {});
  return vault;
}

function requestFile(items: unknown[]): string {
  const file = join(tempDir(), 'request.json');
  writeFileSync(
    file,
    JSON.stringify({
      authority: 'pol-amsterdam',
      requester: { name: 'J. de Boer', function: 'opsporingsambtenaar' },
      legalBasis: 'sv-126na-1',
      caseReference: 'PL1300-2026012345',
      receivedAt: '2026-03-02T09:15',
      channel: 'email',
      categories: ['naw'],
      verification: { method: 'known_portal', by: 'olga', at: '2026-03-02T09:40' },
      items,
    }),
  );
  return file;
}

interface MatchedItem {
  index: number;
  status: string;
  reason: string;
  reasonKey?: string;
  subscribers: { customerId: string; street: string; interval?: { from: string; to: string } }[];
  evidence: { table: string; customerId: string; importFile: string }[];
}

describe('CLI: an item that asks for a period', () => {
  it('request JSON with a period → request match --json: every holder with its interval', async () => {
    const vault = await vaultWithCustomers();
    const v = ['--vault', vault];
    const file = requestFile([
      {
        kind: 'phone',
        value: '06-11111111',
        period: { from: '2025-03-01T00:00', to: '2025-05-01T00:00' },
      },
      { kind: 'phone', value: '06-12345678', moment: '2024-05-01T10:00' },
      {
        kind: 'ip',
        value: '203.0.113.77',
        port: 1500,
        period: { from: '2025-02-01T00:00', to: '2025-04-01T00:00' },
      },
      {
        kind: 'phone',
        value: '0622222222',
        period: { from: '2025-10-01T00:00', to: '2025-10-26T02:30' },
      },
    ]);
    const created = await cli(['request', 'new', file, ...v, '--json'], OLGA);
    expect(created.stderr).toBe('');
    const { registerNo } = created.json() as { registerNo: string };

    const show = await cli(['request', 'show', registerNo, ...v, '--json'], OLGA);
    const items = show.json().items as { index: number; moment: string; period?: unknown }[];
    expect(items[0]).toMatchObject({
      moment: '2025-03-01T00:00',
      utc: '2025-02-28T23:00:00.000Z',
      period: { to: '2025-05-01T00:00', toUtc: '2025-04-30T22:00:00.000Z', toTimeStatus: 'ok' },
    });
    expect(items[1]!.period).toBeUndefined();
    expect(items[3]).toMatchObject({
      period: { to: '2025-10-26T02:30', toUtc: null, toTimeStatus: 'ambiguous_time' },
    });

    const match = await cli(['request', 'match', registerNo, ...v, '--json'], OLGA);
    expect(match.code).toBe(0);
    const m = match.json().items as MatchedItem[];
    expect(m.map((i) => i.status)).toEqual(['match', 'match', 'match', 'ambiguous_time']);
    expect(
      m[0]!.subscribers.map((s) => [s.customerId, s.street, s.interval?.from, s.interval?.to]),
    ).toEqual([
      ['P001', 'Lindelaan', '2025-02-28T23:00:00.000Z', '2025-03-14T23:00:00.000Z'],
      ['P001', 'Beukenlaan', '2025-03-14T23:00:00.000Z', '2025-04-10T09:30:00.000Z'],
      ['P002', 'Eikenweg', '2025-04-10T09:30:00.000Z', '2025-04-30T22:00:00.000Z'],
    ]);
    expect(m[0]!.reasonKey).toBe('matching.periodMatch');
    expect(m[0]!.evidence.filter((e) => e.table === 'number_assignment')).toHaveLength(2);
    // A moment item has no interval, as before.
    expect(m[1]!.subscribers).toHaveLength(1);
    expect(m[1]!.subscribers[0]!.interval).toBeUndefined();
    expect(m[1]!.reason).toBe('Customer C001 held +31612345678 at 2024-05-01T08:00:00.000Z.');
    expect(m[2]!.subscribers.map((s) => s.customerId)).toEqual(['P001', 'P002']);
    expect(m[3]!.reason).toMatch(/occurred twice/);

    // The end that occurred twice is chosen on its own; then the item matches.
    const wrongEnd = await cli(
      ['request', 'resolve-time', registerNo, '--item', '4', '--offset', '+01:00', ...v],
      OLGA,
    );
    expect(wrongEnd.code).not.toBe(0);
    const ok = await cli(
      [
        'request',
        'resolve-time',
        registerNo,
        '--item',
        '4',
        '--offset',
        '+01:00',
        '--end',
        'to',
        ...v,
      ],
      OLGA,
    );
    expect(ok.code).toBe(0);
    const again = await cli(['request', 'match', registerNo, ...v, '--json'], OLGA);
    const fourth = (again.json().items as MatchedItem[])[3]!;
    expect(fourth.status).toBe('match');
    expect(fourth.subscribers.map((s) => s.interval)).toEqual([
      { from: '2025-09-30T22:00:00.000Z', to: '2025-10-26T01:30:00.000Z' },
    ]);

    // The text output names each holder's interval too.
    const text = await cli(['request', 'match', registerNo, ...v], OLGA);
    expect(text.stdout).toContain('[2025-02-28T23:00:00.000Z, 2025-03-14T23:00:00.000Z):');
  });

  it('refuses an item with both a moment and a period, or neither', async () => {
    const vault = await vaultWithCustomers();
    for (const item of [
      {
        kind: 'phone',
        value: '0611111111',
        moment: '2025-03-01T00:00',
        period: { from: '2025-03-01T00:00', to: '2025-04-01T00:00' },
      },
      { kind: 'phone', value: '0611111111' },
    ]) {
      const r = await cli(['request', 'new', requestFile([item]), '--vault', vault], OLGA);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/either a moment or a period/);
    }
  });
});
