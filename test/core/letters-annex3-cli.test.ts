import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { tempDir, testDesk } from '../support/desk';
import { seedCustomerTables } from '../fixtures/requests/seed';
import { epocRequestJson } from '../fixtures/epoc/epoc-request';

const ADMIN = { NAW_DESK_USER: 'admin', NAW_DESK_PASSPHRASE: 'admin passphrase 1' };
const OLGA = { NAW_DESK_USER: 'olga', NAW_DESK_PASSPHRASE: 'olga passphrase 12' };

describe('CLI: naw-desk request annex3 NO --out FILE.pdf', () => {
  it('asks a clarification of an open EPOC with reason (c) and writes the archived form', async () => {
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
    await d.must('vault.lock', {});
    await d.must('vault.unlock', { userName: 'olga', passphrase: OLGA.NAW_DESK_PASSPHRASE });
    const { registerNo } = await d.must('requests.create', epocRequestJson({ issuingState: 'AT' }));
    await d.must('vault.lock', {});

    const dir = tempDir();
    const v = ['--vault', vault];
    const bad = await cli(
      ['request', 'annex3', registerNo, '--out', join(dir, 'x.pdf'), '--reason', 'z', ...v],
      OLGA,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--reason: "z" is none of a-g/);
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);

    const out = join(dir, 'annex3.pdf');
    const r = await cli(
      [
        'request',
        'annex3',
        registerNo,
        '--out',
        out,
        '--reason',
        'c',
        '--clarification',
        'Bitte geben Sie den Quellport der IP-Adresse an.',
        '--preserved',
        ...v,
      ],
      OLGA,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Annex III form 1 \(clarify; \(c\) insufficient_information; de\), \d page\(s\), sha256 [0-9a-f]{64}/,
    );
    const pdf = readFileSync(out);
    expect(r.stdout).toContain(createHash('sha256').update(pdf).digest('hex'));
    const t = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString();
    expect(t).toContain('ANHANG III');
    expect(t).toMatch(/☒\s+\(c\) es enthält nicht genügend Informationen/);
    expect(t).toContain('Bitte geben Sie den Quellport der IP-Adresse an.');
    expect(t).toContain('Die angeforderten Daten werden gesichert');

    // Written once: a second run to the same file refuses to overwrite it.
    const again = await cli(
      [
        'request',
        'annex3',
        registerNo,
        '--out',
        out,
        '--reason',
        'c',
        '--clarification',
        'x?',
        ...v,
      ],
      OLGA,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/exists already/);
  });
});
