import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/table';
import { expectAxeClean } from './support/browser';
import { PASS, prepareKabelnetVault } from './support/desk';
import { openDesk, signIn, type E2EDesk } from './support/open-desk';

const ROOT = join(import.meta.dirname, '..', '..');

describe('operating the desk: users, settings, backup, purge, audit export (Chromium)', () => {
  let desk: E2EDesk;
  let page: Page;
  let dir: string;

  const scan = (name: string) => expectAxeClean(page, name);
  const panel = (heading: string) =>
    page.locator('section.panel', { has: page.getByRole('heading', { level: 2, name: heading }) });
  /** Opens a section of Settings through its sub-navigation. */
  const openSection = (link: string) =>
    page
      .getByRole('navigation', { name: 'Onderdelen van Instellingen' })
      .getByRole('link', { name: link })
      .click();

  beforeAll(async () => {
    // A vault made through the real handler table, with a former customer due for purging.
    desk = await openDesk({
      prefix: 'naw-desk-e2e-ops-',
      prepare: (vaultDir) =>
        prepareKabelnetVault(vaultDir, {
          users: [
            {
              name: 'olga',
              displayName: 'Olga Officier',
              role: 'officer',
              passphrase: PASS.olga,
            },
          ],
          formerCustomerBy: 'olga',
        }),
    });
    ({ page, dir } = desk);
    await page.goto(desk.harness.url);
    await signIn(page, 'anna', PASS.admin);
    await page.getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Instellingen' }).waitFor();
  });

  afterAll(() => desk?.close());

  it('user management: change a role, disable and enable again with a new passphrase', async () => {
    await page.getByRole('cell', { name: 'Olga Officier' }).waitFor();
    const row = page.getByRole('row', { name: /Olga Officier/ });
    await row.getByRole('button', { name: 'Rol wijzigen' }).click();
    await row.getByLabel('Nieuwe rol voor olga').selectOption('approver');
    await row.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await page.getByText('olga heeft nu de rol').waitFor();
    await row.getByRole('button', { name: 'Uitschakelen' }).click();
    await row.getByText('olga uitschakelen?').waitFor();
    await scan('ops-users-confirm-disable');
    await row.getByRole('button', { name: 'Uitschakelen' }).click();
    await row.getByRole('cell', { name: 'uitgeschakeld', exact: true }).waitFor();
    await row.getByRole('button', { name: 'Inschakelen…' }).click();
    await row.getByLabel('Nieuwe wachtwoordzin voor olga').fill('kort');
    await row.getByRole('button', { name: 'Inschakelen…' }).click();
    await row.getByText('Een wachtwoordzin heeft minstens 12 tekens.').waitFor();
    await row.getByLabel('Nieuwe wachtwoordzin voor olga').fill('een nieuwe zin voor olga');
    await row.getByRole('button', { name: 'Inschakelen…' }).click();
    await row.getByText('olga kan weer inloggen met de nieuwe wachtwoordzin.').waitFor();
    // The admin's own row offers no actions on themselves.
    await page
      .getByRole('row', { name: /Anna de Vries/ })
      .getByText('(u)')
      .waitFor();
    await scan('ops-users');
    const roles = desk.harness.session
      .vault!.db.prepare(`SELECT role, disabled_at FROM user WHERE name = 'olga'`)
      .get();
    expect(roles).toEqual({ role: 'approver', disabled_at: null });
  });

  it('organisation and letterhead with a logo upload', async () => {
    await openSection('Organisatie en briefhoofd');
    const org = panel('Organisatie en briefhoofd');
    await org.getByLabel('Naam organisatie').waitFor();
    expect(await org.getByLabel('Naam organisatie').inputValue()).toBe('Kabelnet Zwolle B.V.');
    await org.getByLabel('Adres', { exact: true }).fill('Stationsweg 1');
    await org.getByLabel('Postcode').fill('8011 CZ');
    await org.getByLabel('Plaats').fill('Zwolle');
    await org.getByLabel('KvK-nummer').fill('1234');
    await org.getByRole('button', { name: 'Organisatie opslaan' }).click();
    await org
      .getByRole('alert')
      .getByText(/8 cijfers/)
      .waitFor();
    await org.getByLabel('KvK-nummer').fill('12345678');
    await org.getByLabel('Contact-e-mail').fill('compliance@kabelnet.example');
    await org.getByRole('button', { name: 'Organisatie opslaan' }).click();
    await org.getByText('De organisatiegegevens zijn opgeslagen.').waitFor();
    const svg = join(dir, 'logo.svg');
    writeFileSync(
      svg,
      '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="48"><rect width="160" height="48" rx="8" fill="#0b4f6c"/><text x="16" y="32" fill="#fff" font-size="22" font-family="sans-serif">Kabelnet</text></svg>',
    );
    await org.locator('input[type=file]').setInputFiles(svg);
    await org.getByRole('img', { name: 'Logo op het briefhoofd' }).waitFor();
    await org.getByRole('button', { name: 'Logo verwijderen' }).waitFor();
    await scan('ops-organisation');
  });

  it('four eyes off needs a confirmation and is then loudly marked', async () => {
    await openSection('Vier ogen, statistiek en bewaartermijnen');
    const policy = panel('Vier ogen, statistiek en bewaartermijnen');
    await policy.getByText('Vier ogen staat aan').waitFor();
    await policy.getByLabel(/Vier ogen: elke verstrekking/).uncheck();
    await policy.getByRole('button', { name: 'Beleid opslaan' }).click();
    await policy.getByText('Vier ogen uitzetten?').waitFor();
    await policy.getByLabel('Auditlog bewaren (jaren)').fill('3');
    await policy.getByRole('button', { name: 'Beleid opslaan' }).click();
    await policy.getByText('minstens zo lang bewaard').waitFor();
    await policy.getByLabel('Auditlog bewaren (jaren)').fill('10');
    await policy.getByRole('button', { name: 'Beleid opslaan' }).click();
    await policy.getByRole('button', { name: 'Beleid opslaan' }).click();
    await page.getByTestId('four-eyes-off').getByText('VIER OGEN STAAT UIT.').waitFor();
    await scan('ops-four-eyes-off');
    await policy.getByLabel(/Vier ogen: elke verstrekking/).check();
    await policy.getByRole('button', { name: 'Beleid opslaan' }).click();
    await policy.getByText('Vier ogen staat aan').waitFor();
  });

  it('backup downloads one verified, encrypted file', async () => {
    await openSection('Back-up');
    const backup = panel('Back-up');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      backup.getByRole('button', { name: 'Back-up maken…' }).click(),
    ]);
    await page
      .getByTestId('backup-result')
      .getByText(/Back-up gemaakt en gecontroleerd/)
      .waitFor();
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^naw-desk-backup-.*\.nawbackup$/);
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 16).toString()).toBe('NAWDESK-BACKUP 1');
    expect(bytes.includes(Buffer.from('Oud-klant Jansen'))).toBe(false);
    await scan('ops-backup');
  });

  it('purge: the admin is told data is due, previews it and purges after confirming', async () => {
    await openSection('Opschonen');
    await page
      .getByTestId('purge-due')
      .getByText('Bij 1 gegevens is de bewaartermijn verstreken.')
      .waitFor();
    const purge = panel('Bewaartermijnen en opschonen');
    await purge.getByRole('button', { name: 'Toon wat verlopen is' }).click();
    const table = page.getByTestId('purge-preview');
    await table
      .getByRole('row', { name: /Oud-klanten/ })
      .getByRole('cell', { name: '1', exact: true })
      .first()
      .waitFor();
    const run = purge.getByRole('button', { name: 'Nu opschonen' });
    expect(await run.isDisabled()).toBe(true);
    await scan('ops-purge-preview');
    await purge.getByLabel(/Ik begrijp dat wat hierboven verlopen is \(1\)/).check();
    await run.click();
    await purge.getByText('Verwijderd: 1; de database is opnieuw opgebouwd.').waitFor();
    await purge.getByText('Er is niets verlopen.').waitFor();
    await scan('ops-purge-done');
    const left = desk.harness.session.vault!.db.prepare('SELECT count(*) AS n FROM customer').get();
    expect(left).toEqual({ n: 0 });
  });

  it('audit page: export JSON that the documented script verifies, CSV, and a witness', async () => {
    await page.getByRole('link', { name: 'Auditlog' }).click();
    await page.getByRole('heading', { level: 1, name: 'Auditlog' }).waitFor();
    const exp = panel('Exporteren en getuige');
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      exp.getByRole('button', { name: 'JSON exporteren' }).click(),
    ]);
    const jsonFile = join(dir, 'audit.json');
    await json.saveAs(jsonFile);
    await page
      .getByTestId('audit-export-result')
      .getByText(/gebeurtenissen geëxporteerd/)
      .waitFor();
    const doc = readFileSync(join(ROOT, 'docs', 'AUDIT.md'), 'utf8');
    const script = join(dir, 'verify-audit.mjs');
    writeFileSync(
      script,
      /<!-- verify-audit\.mjs[^>]*-->\s*(?:<!-- prettier-ignore -->\s*)?```js\n([\s\S]*?)```/.exec(
        doc,
      )![1]!,
    );
    const verified = spawnSync(process.execPath, [script, jsonFile], { encoding: 'utf8' });
    expect(verified.stdout).toMatch(/^INTACT/);
    const actions = (
      JSON.parse(readFileSync(jsonFile, 'utf8')) as { events: { action: string }[] }
    ).events.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'user.role.changed',
        'user.disabled',
        'user.enabled',
        'settings.changed',
        'vault.backup',
        'retention.purged',
      ]),
    );

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      exp.getByRole('button', { name: 'CSV exporteren' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const [witness] = await Promise.all([
      page.waitForEvent('download'),
      exp.getByRole('button', { name: 'Getuige exporteren' }).click(),
    ]);
    const wFile = join(dir, 'w.jsonl');
    await witness.saveAs(wFile);
    const w = JSON.parse(readFileSync(wFile, 'utf8'));
    await page
      .getByTestId('audit-export-result')
      .getByText(`Getuige: gebeurtenis #${w.seq}, hash`)
      .waitFor();
    const check = await dispatch(desk.harness.session, 'audit.checkWitness', { witnesses: [w] });
    expect(check).toMatchObject({ ok: true, data: { ok: true } });
    await scan('ops-audit-export');
    expect(desk.problems).toEqual([]);
  });
});
