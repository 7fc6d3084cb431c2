import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readHi1Message } from '../../electron/hi1/message';
import { cli } from '../support/cli';
import { tempDir, testDesk } from '../support/desk';
import { importFixtures, FIXTURES } from '../fixtures/requests/seed';

const FIX = fileURLToPath(new URL('../fixtures/hi1/', import.meta.url));
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
  await d.must('vault.lock', {});
  return vault;
}

describe('CLI: hi1 import, link, export', () => {
  it('an order from an unknown sender: logged, linked by an admin, matched, refused, answered to a file', async () => {
    const vault = await vaultWithCustomers();
    const run = (args: string[], who: Record<string, string>) =>
      cli([...args, '--vault', vault], who);
    const imported = await run(['hi1', 'import', join(FIX, 'order-period-national.xml')], OLGA);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^2026-0001: checked, HI-1 transaction 0b6f6f9a/);
    expect(imported.stdout).toContain('task NL-POL-AMS-LD-0042 (SubscriberData): item(s) 1');
    expect(imported.stdout).toContain('naw-desk hi1 link NL POL-AMSTERDAM-LI --authority CODE');
    expect((await run(['request', 'match', '2026-0001'], OLGA)).code).toBe(1);

    const link = ['hi1', 'link', 'nl', 'POL-AMSTERDAM-LI', '--authority', 'pol-amsterdam'];
    expect((await run(link, OLGA)).code).toBe(1);
    const linked = await run(link, ADMIN);
    expect(linked.code).toBe(0);
    expect(linked.stdout).toContain('NL POL-AMSTERDAM-LI → pol-amsterdam');
    expect((await run(['hi1', 'senders', '--json'], ADMIN)).json()[0].authorityCode).toBe(
      'pol-amsterdam',
    );

    // Not decided: refused, no file.
    const out = join(tempDir(), 'answer.xml');
    const early = await run(['hi1', 'export', '2026-0001', '--out', out], OLGA);
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/not decided yet/);
    expect(existsSync(out)).toBe(false);

    expect((await run(['request', 'match', '2026-0001'], OLGA)).code).toBe(0);
    const refuse = ['request', 'decide', '2026-0001', '--refuse', 'Outside the order'];
    expect((await run(refuse, OLGA)).code).toBe(0);
    const ex = await run(['hi1', 'export', '2026-0001', '--out', out], OLGA);
    expect(ex.code).toBe(0);
    expect(ex.stdout).toContain('task NL-POL-AMS-LD-0042: Rejected');
    const back = readHi1Message(readFileSync(out));
    expect(back.header.receiver).toEqual({
      countryCode: 'NL',
      uniqueIdentifier: 'POL-AMSTERDAM-LI',
    });
    expect(back.actions.map((a) => a.verb)).toEqual(['UPDATE']);
  });
});
