import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAxeClean } from './support/browser';
import { createTeamVault, PASS } from './support/desk';
import { openDesk, signIn, type E2EDesk } from './support/open-desk';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'customers');

/**
 * The Customers page in Chromium over the loopback harness: an officer chooses a CSV file (the
 * browser's file chooser → upload), checks the preview and detected columns, imports it, reads
 * the report and the summary; then a file with errors is refused as a whole and its report is
 * downloaded as CSV. Screens are screenshotted and scanned with axe.
 */
describe('customers import journey', () => {
  let desk: E2EDesk;
  let page: Page;

  const scan = (name: string) => expectAxeClean(page, name);
  async function chooseFile(name: string) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /Bestand kiezen…|Ander bestand kiezen…/ }).click();
    await (await chooser).setFiles(join(FIXTURES, name));
    await page.getByTestId('import-preview').waitFor();
  }

  beforeAll(async () => {
    desk = await openDesk({ prefix: 'naw-desk-e2e-cust-' });
    page = desk.page;
    await createTeamVault(desk.harness.session, ['ivo']);
    await desk.must('vault.lock', {});
  });

  afterAll(() => desk?.close());

  it('imports a customers file through the page and shows the report and the summary', async () => {
    await page.goto(desk.harness.url);
    await signIn(page, 'ivo', PASS.ivo);
    await page.getByRole('link', { name: 'Klanten' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Klantgegevens' }).waitFor();
    await page.getByText('Er is nog niets geïmporteerd.').waitFor();
    await scan('cust-01-empty');

    await chooseFile('customers-history.csv');
    const preview = page.getByTestId('import-preview');
    await preview
      .getByText('Scheidingsteken: puntkomma (;) · soort: Klanten (NAW) · geschiedenis')
      .waitFor();
    expect(await preview.getByRole('columnheader', { name: 'postcode' }).count()).toBe(1);
    await preview.getByText('Bakkerij "De Korenschoof" B.V.').waitFor();
    expect(await page.getByLabel('Soort gegevens').inputValue()).toBe('customers');
    await scan('cust-02-preview');

    await page.getByRole('button', { name: 'Importeren' }).click();
    const report = page.getByTestId('import-report');
    await report.getByText('Geïmporteerd').waitFor();
    await report.getByText('de gegevens zijn opgeslagen.').waitFor();
    expect(await report.locator('dt:text-is("Nieuw") + dd').textContent()).toBe('4');
    const holdings = page.getByRole('region', { name: 'Wat de kluis bevat' });
    await holdings
      .locator('dt:text-is("Klanten (nu / totaal)") + dd')
      .filter({ hasText: '3 / 3' })
      .waitFor();
    await holdings.getByRole('cell', { name: 'customers-history.csv' }).waitFor();
    await scan('cust-03-imported');
  });

  it('refuses a file with errors as a whole and offers the report as CSV', async () => {
    await page.getByRole('button', { name: 'Nog een bestand importeren' }).click();
    await chooseFile('customers-bad.csv');
    await page
      .getByText('Deze kolommen zijn onbekend en worden overgeslagen: favourite_colour')
      .waitFor();
    await page.getByRole('button', { name: 'Importeren' }).click();
    const report = page.getByTestId('import-report');
    await report.getByText('Afgekeurd', { exact: true }).first().waitFor();
    await report.getByText('er is niets opgeslagen.').waitFor();
    const problemsTable = page.getByTestId('import-problems');
    // Worded in the window's language (Dutch), from each finding's code.
    await problemsTable.getByRole('cell', { name: /is geen Nederlandse postcode/ }).waitFor();
    expect(await problemsTable.getByRole('row').count()).toBeGreaterThan(9);
    await scan('cust-04-rejected');

    const download = page.waitForEvent('download');
    await report.getByRole('button', { name: 'Verslag downloaden (CSV)' }).click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    expect(csv).toContain('customers-bad.csv');
    expect(csv).toMatch(/2,postcode,"""12345"" is geen Nederlandse postcode/);
    // The vault still holds only the first import.
    const summary = await desk.must('customers.summary', {});
    expect(summary.customers.total).toBe(3);
    expect(desk.problems).toEqual([]);
  });
});
