import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { tempDir, testDesk } from '../support/desk';
import { seedCustomerTables } from '../fixtures/requests/seed';
import { requestJson } from '../fixtures/letters/desk';
import { AMSTERDAM_DUTY_DESK, DUTY_DESK } from '../fixtures/requests/duty-desk';
import { pdfPages } from '../fixtures/letters/pdf-text';

const ADMIN = { NAW_DESK_USER: 'admin', NAW_DESK_PASSPHRASE: 'admin passphrase 1' };
const OLGA = { NAW_DESK_USER: 'olga', NAW_DESK_PASSPHRASE: 'olga passphrase 12' };

describe('CLI: naw-desk request letter NO --out FILE.pdf', () => {
  it('issues the letter of a decided request on first use, then writes the archived bytes', async () => {
    const vault = join(tempDir(), 'v');
    expect(
      (await cli(['init', '--user', 'admin', '--vault', vault, '--org', 'Testnet B.V.'], ADMIN))
        .code,
    ).toBe(0);
    const added = await cli(['user', 'add', 'olga', '--role', 'officer', '--vault', vault], {
      ...ADMIN,
      NAW_DESK_NEW_PASSPHRASE: OLGA.NAW_DESK_PASSPHRASE,
    });
    expect(added.code).toBe(0);
    const d = testDesk({ vaultDir: vault });
    await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN.NAW_DESK_PASSPHRASE });
    seedCustomerTables(d.session.vault!.db);
    await d.must('catalogue.addContact', AMSTERDAM_DUTY_DESK);
    await d.must('vault.lock', {});
    await d.must('vault.unlock', { userName: 'olga', passphrase: OLGA.NAW_DESK_PASSPHRASE });
    const { registerNo } = await d.must(
      'requests.create',
      requestJson({
        receivedAt: '2026-01-05T09:15',
        verification: {
          method: 'callback',
          by: 'olga',
          at: '2026-01-05T09:40',
          channel: DUTY_DESK,
        },
        items: [{ kind: 'phone', value: '06-99999999', moment: '2025-01-01T10:00' }],
      }),
    );
    await d.must('requests.match', { registerNo });
    await d.must('requests.decide', { registerNo, outcome: 'no_data' });
    await d.must('vault.lock', {});

    const dir = tempDir();
    const v = ['--vault', vault];
    const first = await cli(
      ['request', 'letter', registerNo, '--out', join(dir, 'a.pdf'), ...v],
      OLGA,
    );
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/no_data letter .*issued now/);
    const a = readFileSync(join(dir, 'a.pdf'));
    const pages = pdfPages(a);
    expect(pages.join('\n')).toContain('Geen gebruikersgegevens aanwezig');
    for (const p of pages) expect(p).toContain(registerNo);

    const second = await cli(
      ['request', 'letter', registerNo, '--out', join(dir, 'b.pdf'), ...v, '--json'],
      OLGA,
    );
    expect(second.code).toBe(0);
    const b = readFileSync(join(dir, 'b.pdf'));
    expect(b.equals(a)).toBe(true);
    expect(second.json().sha256).toBe(createHash('sha256').update(a).digest('hex'));

    const exists = await cli(
      ['request', 'letter', registerNo, '--out', join(dir, 'a.pdf'), ...v],
      OLGA,
    );
    expect(exists.code).toBe(1);
    expect(exists.stderr).toMatch(/exists already/);
    const noOut = await cli(['request', 'letter', registerNo, ...v], OLGA);
    expect(noOut.code).toBe(2);

    const sent = await cli(
      ['request', 'sent', registerNo, '--method', 'portal', '--at', new Date().toISOString(), ...v],
      OLGA,
    );
    expect(sent.stderr).toBe('');
    expect(sent.stdout).toMatch(/sent by portal/);

    const undecided = await cli(
      ['request', 'letter', '2026-0999', '--out', join(dir, 'c.pdf'), ...v],
      OLGA,
    );
    expect(undecided.code).toBe(1);
    expect(existsSync(join(dir, 'c.pdf'))).toBe(false);
  });
});
