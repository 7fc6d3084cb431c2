import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { tempDir, testDesk } from '../support/desk';
import { importFixtures } from '../fixtures/requests/seed';

const ADMIN = { NAW_DESK_USER: 'admin', NAW_DESK_PASSPHRASE: 'admin passphrase 1' };
const OLGA = { NAW_DESK_USER: 'olga', NAW_DESK_PASSPHRASE: 'olga passphrase 12' };
const EPOC = join(__dirname, '..', 'fixtures', 'epoc', 'request-epoc.json');

async function vault(): Promise<string> {
  const dir = join(tempDir(), 'v');
  expect(
    (await cli(['init', '--vault', dir, '--user', 'admin', '--org', 'T B.V.'], ADMIN)).code,
  ).toBe(0);
  const add = await cli(['user', 'add', 'olga', '--role', 'officer', '--vault', dir], {
    ...ADMIN,
    NAW_DESK_NEW_PASSPHRASE: OLGA.NAW_DESK_PASSPHRASE,
  });
  expect(add.code).toBe(0);
  const d = testDesk({ vaultDir: dir });
  await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN.NAW_DESK_PASSPHRASE });
  await importFixtures(d.session.vault!.db);
  await d.must('vault.lock', {});
  return dir;
}

describe('CLI: request new with an epoc block', () => {
  it('logs the order with its certificate, the 10-day deadline and the issuer file reference', async () => {
    const dir = await vault();
    const v = ['--vault', dir];
    const created = await cli(['request', 'new', EPOC, ...v, '--json'], OLGA);
    expect(created.stderr).toBe('');
    const { registerNo } = created.json() as { registerNo: string };
    const shown = await cli(['request', 'show', registerNo, ...v, '--json'], OLGA);
    const r = shown.json();
    expect(r.channel).toBe('epoc');
    expect(r.caseReference).toBe('121 Js 345/26');
    expect(r.deadline).toBe('2026-12-10T08:15:00.000Z');
    expect(r.epoc.certificate).toMatchObject({
      issuingState: 'DE',
      deadline: 'asap_10_days',
      categories: ['subscriber_identity', 'identification'],
    });
    expect(r.check.outcome).toBe('proceed');
  });

  it('a certificate from Denmark is logged and refused by the checks; a bad one is not logged', async () => {
    const dir = await vault();
    const v = ['--vault', dir];
    const json = JSON.parse(readFileSync(EPOC, 'utf8'));
    const dk = join(tempDir(), 'dk.json');
    writeFileSync(dk, JSON.stringify({ ...json, epoc: { ...json.epoc, issuingState: 'DK' } }));
    const created = await cli(['request', 'new', dk, ...v, '--json'], OLGA);
    const { registerNo } = created.json() as { registerNo: string };
    const r = (await cli(['request', 'show', registerNo, ...v, '--json'], OLGA)).json();
    expect(r.check.outcome).toBe('refuse');
    expect(r.check.failures.map((f: { code: string }) => f.code)).toContain('epoc_state_not_bound');

    const bad = join(tempDir(), 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...json, epoc: { ...json.epoc, emergency: true } }));
    const refused = await cli(['request', 'new', bad, ...v], OLGA);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/epoc\.deadline: an emergency order is answered within 8 hours/);
  });
});

describe('CLI: request amend records an EPOC validation', () => {
  it('--epoc-validating-authority sets the validator; the request shows it', async () => {
    const dir = await vault();
    const v = ['--vault', dir];
    const created = await cli(['request', 'new', EPOC, ...v, '--json'], OLGA);
    const { registerNo } = created.json() as { registerNo: string };
    const validator = { name: 'Amtsgericht Köln', function: 'judge', fileReference: '5 Gs 2/26' };
    const amended = await cli(
      [
        'request',
        'amend',
        registerNo,
        '--epoc-validating-authority',
        JSON.stringify(validator),
        '--reason',
        'validation received',
        ...v,
      ],
      OLGA,
    );
    expect(amended.stderr).toBe('');
    expect(amended.code).toBe(0);
    const r = (await cli(['request', 'show', registerNo, ...v, '--json'], OLGA)).json();
    expect(r.epoc.certificate.validatingAuthority).toEqual(validator);
    expect(r.epoc.certificate.noValidationReason).toBeNull();
  });
});
