import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFixtures } from '../fixtures/requests/seed';
import { epocRequestJson } from '../fixtures/epoc/epoc-request';
import { expectAxeClean } from './support/browser';
import { createTeamVault, PASS } from './support/desk';
import { openDesk, type E2EDesk } from './support/open-desk';

const CERTIFICATE = fileURLToPath(
  new URL('../fixtures/intake/epoc/epoc-koeln-emergency.txt', import.meta.url),
);

/**
 * A European Production Order in Chromium over a real vault: the certificate read in fills the
 * wizard's EPOC section; the request page shows the order and its 48-hour validation, which the
 * officer records when it arrives.
 */
describe('a European Production Order', () => {
  let desk: E2EDesk;
  let page: Page;
  const scan = async (name: string) => {
    await expectAxeClean(page, name);
  };

  beforeAll(async () => {
    desk = await openDesk({ prefix: 'naw-desk-e2e-epoc-' });
    page = desk.page;
    await createTeamVault(desk.harness.session, ['olga', 'piet']);
    await importFixtures(desk.harness.session.vault!.db);
    await desk.must('vault.lock', {});
    await page.goto(desk.harness.url);
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    await page.getByLabel('Gebruikersnaam').fill('olga');
    await page.getByLabel('Wachtwoordzin').fill(PASS.olga);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    await page.getByRole('button', { name: 'Vergrendelen' }).waitFor();
  });

  afterAll(() => desk?.close());

  it('the certificate read in fills the wizard’s EPOC section, each value with its source', async () => {
    await page.goto(`${desk.harness.origin}/#/requests/new`);
    await page.getByRole('heading', { level: 1, name: 'Nieuw verzoek' }).waitFor();
    await page.getByText('Tekst plakken').click();
    await page.getByLabel('Tekst van het verzoek').fill(readFileSync(CERTIFICATE, 'utf8'));
    await page.getByRole('button', { name: 'Tekst inlezen' }).click();
    const section = page.getByRole('region', { name: 'Europees verstrekkingsbevel (EPOC)' });
    await section.waitFor();
    expect(await section.getByLabel('Uitvaardigende staat').inputValue()).toBe('DE');
    expect(await section.getByLabel('Termijn').inputValue()).toBe('emergency_8_hours');
    expect(await section.getByLabel('Spoedbevel: validatie volgt binnen 48 uur').isChecked()).toBe(
      true,
    );
    await section.scrollIntoViewIfNeeded();
    await scan('epoc-01-wizard-section');
  });

  it('the request page shows the order and its validation; recording the validation clears it', async () => {
    await desk.must('vault.unlock', { userName: 'olga', passphrase: PASS.olga });
    const yesterday = new Date(Date.now() - 24 * 3_600_000).toISOString().slice(0, 16) + 'Z';
    const { registerNo } = await desk.must(
      'requests.create',
      epocRequestJson(
        {
          issuingAuthority: {
            name: 'Bundeskriminalamt, Wiesbaden',
            function: 'other_competent',
            fileReference: 'BKA-SO-2026-0917',
          },
          deadline: 'emergency_8_hours',
          emergency: true,
          noValidationReason: 'emergency_pending_validation',
        },
        {
          receivedAt: yesterday,
          verification: { method: 'known_portal', by: 'olga', at: yesterday },
          items: [{ kind: 'ip', value: '203.0.113.5', port: 1500, moment: '2025-06-01T14:00' }],
        },
      ),
    );
    await page.goto(`${desk.harness.origin}/#/requests/${registerNo}`);
    const panel = page.getByRole('region', { name: 'Europees verstrekkingsbevel' });
    await panel.waitFor();
    await panel
      .getByTestId('epoc-validation')
      .getByText(/Validatie verschuldigd uiterlijk/)
      .waitFor();
    await scan('epoc-02-request-panel');

    const form = panel.getByRole('form', { name: 'Validatie vastleggen' });
    await form.getByLabel('Naam').fill('Amtsgericht Wiesbaden');
    await form.getByLabel('Hoedanigheid').selectOption('judge');
    await form.getByLabel('Dossiernummer').fill('5 Gs 12/26');
    await form.getByLabel(/Waarom/).fill('validatie ontvangen via het e-Evidence-systeem');
    await form.getByRole('button', { name: 'Validatie vastleggen' }).click();
    await panel
      .getByTestId('epoc-validation')
      .getByText(/Gevalideerd op/)
      .waitFor();
    await panel.getByText(/Amtsgericht Wiesbaden, Rechter — 5 Gs 12\/26/).waitFor();
    // The correction is worded, not shown as the JSON it is stored as.
    await page
      .getByText('Validerende autoriteit (EPOC): Amtsgericht Wiesbaden, Rechter — 5 Gs 12/26', {
        exact: false,
      })
      .first()
      .waitFor();
    expect(await page.getByText('"fileReference"').count()).toBe(0);
    await scan('epoc-03-validated');
  });
});
