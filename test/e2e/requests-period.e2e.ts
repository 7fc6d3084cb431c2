import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFixtures } from '../fixtures/requests/seed';
import { requestJson } from '../fixtures/requests/desk';
import { expectAxeClean } from './support/browser';
import { fillDateTime } from './support/date-time';
import { createTeamVault, PASS } from './support/desk';
import { openDesk, type E2EDesk } from './support/open-desk';

const PERIODS = fileURLToPath(new URL('../fixtures/periods/', import.meta.url));

/**
 * An identifier asked for a period, in Chromium over a real vault: the wizard's item row with its
 * moment / period choice, and the request page with each holder and the part of the period.
 */
describe('an item that asks for a period', () => {
  let desk: E2EDesk;
  let page: Page;
  const scan = async (name: string) => {
    await expectAxeClean(page, name);
  };

  beforeAll(async () => {
    desk = await openDesk({ prefix: 'naw-desk-e2e-period-' });
    page = desk.page;
    await createTeamVault(desk.harness.session, ['olga', 'piet']);
    await importFixtures(desk.harness.session.vault!.db);
    await importFixtures(desk.harness.session.vault!.db, PERIODS);
    await desk.must('vault.lock', {});
    await page.goto(desk.harness.url);
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    await page.getByLabel('Gebruikersnaam').fill('olga');
    await page.getByLabel('Wachtwoordzin').fill(PASS.olga);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    await page.getByRole('button', { name: 'Vergrendelen' }).waitFor();
  });

  afterAll(() => desk?.close());

  it('the wizard row offers moment or period and says what is wrong with a period', async () => {
    await page.goto(`${desk.harness.origin}/#/requests/new`);
    await page.getByRole('heading', { level: 1, name: 'Nieuw verzoek' }).waitFor();
    const row = page.getByRole('group', { name: 'Identificator 1' });
    await row.getByLabel('Nummer of adres').fill('06-11111111');
    await row.getByLabel('Moment of periode').selectOption('period');
    await fillDateTime(row, 'Van', '2025-03-01T00:00');
    await fillDateTime(row, 'Tot', '2025-02-01T00:00');
    await row.getByText('moet later zijn dan ‘van’').waitFor();
    await fillDateTime(row, 'Tot', '2025-05-01T00:00');
    expect(await row.locator('[data-check]').count()).toBe(0);
    await row.scrollIntoViewIfNeeded();
    await scan('period-01-wizard-row');
  });

  it('the request page shows the period and every holder with the part of the period', async () => {
    await desk.must('vault.unlock', { userName: 'olga', passphrase: PASS.olga });
    const { registerNo } = await desk.must(
      'requests.create',
      requestJson({
        items: [
          {
            kind: 'phone',
            value: '06-11111111',
            period: { from: '2025-03-01T00:00', to: '2025-05-01T00:00' },
          },
          {
            kind: 'ip',
            value: '203.0.113.77',
            period: { from: '2025-02-01T00:00', to: '2025-04-01T00:00' },
          },
          {
            kind: 'phone',
            value: '0622222222',
            period: { from: '2025-10-01T00:00', to: '2025-10-26T02:30' },
          },
        ],
      }),
    );
    await page.goto(`${desk.harness.origin}/#/requests/${registerNo}`);
    await page.getByRole('heading', { level: 1, name: `Verzoek ${registerNo}` }).waitFor();
    await page.getByRole('button', { name: 'Controleren en matchen', exact: true }).click();
    const row = (n: number) => page.locator(`tr[data-item="${n}"]`);
    await row(1).getByText('Bram de Wit').waitFor();
    expect(await row(1).getByText('Anna Smit').count()).toBe(2);
    await row(1).getByText('Periode: 1 mrt 2025').first().waitFor();
    await row(2)
      .getByText(/zonder de bronpoort/)
      .waitFor();
    // The end in the repeated autumn hour is chosen on its own.
    await row(3).getByRole('group', { name: 'Kies de bedoelde tijd (einde)' }).waitFor();
    await scan('period-02-request-matched');
  });
});
