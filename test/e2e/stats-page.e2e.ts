import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScenario, PERSONAL, SCENARIO_NOW } from '../core/stats-scenario';
import { seedCustomerTables } from '../fixtures/requests/seed';
import { SCREENS_DIR, expectAxeClean } from './support/browser';
import { openDesk, type E2EDesk } from './support/open-desk';

const ADMIN = { userName: 'admin', passphrase: 'blauwe tram over de brug' };

/**
 * The Statistics page in Chromium against the real handler table over the loopback
 * harness: a register with known requests in 2025 and 2026 (built through the register handlers,
 * clock injected), the headline figures, charts each with a table, the year selector, the CSV
 * export (suppressed, no personal data) and the transparency report as PDF, read with pdftotext.
 */
describe('stats page', () => {
  let desk: E2EDesk;
  let page: Page;
  let now = new Date('2025-01-01T08:00:00Z');

  const scan = (name: string) => expectAxeClean(page, name);
  const figure = (name: string) => page.getByRole('region', { name, exact: true });
  const row = (table: ReturnType<Page['getByRole']>, label: string) =>
    table.getByRole('row', { name: new RegExp(`^${label} `) });

  beforeAll(async () => {
    desk = await openDesk({ prefix: 'naw-desk-e2e-stats-', now: () => now });
    page = desk.page;
    await desk.must('vault.create', {
      orgName: 'Testnet B.V.',
      adminName: 'admin',
      passphrase: ADMIN.passphrase,
    });
    seedCustomerTables(desk.harness.session.vault!.db);
    await buildScenario({ must: desk.must, setNow: (iso) => (now = new Date(iso)) });
    now = new Date(SCENARIO_NOW);
    await desk.must('vault.unlock', ADMIN);
  });

  afterAll(() => desk?.close());

  it('shows the year so far: headline figures and a table beside every chart', async () => {
    await page.goto(desk.harness.url);
    await page.getByRole('link', { name: 'Statistiek' }).click();
    await page.getByRole('heading', { level: 1, name: 'Statistiek' }).waitFor();
    await page.getByRole('heading', { name: 'Kerncijfers 2026' }).waitFor();
    expect(await page.getByLabel('Jaar', { exact: true }).inputValue()).toBe('2026');
    expect(await page.getByTestId('stats-so-far').textContent()).toBe(
      '7 verzoeken dit jaar tot nu toe; 1 in dezelfde periode van 2025.',
    );
    const headline = page.getByTestId('stats-headline');
    expect(await headline.getByText('Verzoeken', { exact: true }).locator('..').textContent()).toBe(
      'Verzoeken7',
    );
    await headline.getByText('3 / 18,4 uur').waitFor();
    await headline.getByText('5 / 1').waitFor();

    // Every chart is an image with a text alternative, and has a table with a caption. 2026 has
    // requests in every breakdown, so each of the seven draws its bars (none says "no requests").
    const charts = page.locator('[data-testid^="chart-"]');
    expect(await charts.count()).toBe(7);
    for (let i = 0; i < 7; i++) {
      const c = charts.nth(i);
      const id = (await c.getAttribute('data-testid'))!.replace(/^chart-/, '');
      expect(await c.locator('table caption').count()).toBe(1);
      const img = c.getByRole('img');
      expect(await img.count(), `chart ${id} is drawn`).toBe(1);
      expect(await img.getAttribute('aria-labelledby')).toBe(`${id}-title ${id}-desc`);
      expect((await c.locator(`[id="${id}-desc"]`).textContent())!.length).toBeGreaterThan(0);
    }
    const months = figure('Verzoeken per maand').getByRole('table');
    expect(await row(months, 'januari 2026').textContent()).toContain('1');
    expect(await row(months, 'mei 2026').getByRole('cell').first().textContent()).toBe('2');
    const byOutcome = figure('Uitkomst').getByRole('table');
    expect(await row(byOutcome, 'Nog in behandeling').getByRole('cell').first().textContent()).toBe(
      '2',
    );
    const byAuthority = figure('Verzoekende instantie').getByRole('table');
    expect(
      await row(byAuthority, 'Politie – Eenheid Amsterdam').getByRole('cell').first().textContent(),
    ).toBe('3');
    const desc = await figure('Wettelijke grondslag').locator('svg desc').textContent();
    expect(desc).toContain('Sv 126na lid 1 5');
    // the internal view is exact: no suppressed cell anywhere
    expect(await page.getByRole('cell', { name: /^</ }).count()).toBe(0);
    expect(await page.locator('td').count()).toBeGreaterThan(60);
    await scan('stats-01-2026');
    mkdirSync(SCREENS_DIR, { recursive: true });
    await figure('Redenen van weigering').screenshot({
      path: join(SCREENS_DIR, 'stats-01-refusals.png'),
    });
    await page.getByTestId('stats-headline').screenshot({
      path: join(SCREENS_DIR, 'stats-01-headline.png'),
    });
  });

  it('switches to another year', async () => {
    await page.getByLabel('Jaar', { exact: true }).selectOption('2025');
    await page.getByRole('heading', { name: 'Kerncijfers 2025' }).waitFor();
    expect(await page.getByTestId('stats-so-far').textContent()).toBe(
      '3 verzoeken in 2025; 0 in 2024.',
    );
    const refusals = figure('Redenen van weigering').getByRole('table');
    await row(refusals, 'Verzoeker niet geverifieerd').waitFor();
    await row(refusals, 'Andere reden').waitFor();
    await scan('stats-02-2025');
  });

  it('exports published CSV without personal data, and the report as PDF', async () => {
    const [csvDl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV downloaden' }).click(),
    ]);
    expect(csvDl.suggestedFilename()).toBe('naw-desk-statistics-2025.csv');
    const csvFile = join(desk.dir, 'stats.csv');
    await csvDl.saveAs(csvFile);
    const csv = readFileSync(csvFile, 'utf8');
    expect(csv.split('\r\n')).toContain('requests,,< 5');
    for (const p of PERSONAL) expect(csv, p).not.toContain(p);
    await page
      .getByTestId('stats-export-result')
      .getByText('naw-desk-statistics-2025.csv')
      .waitFor();

    const [pdfDl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Transparantieverslag (PDF)' }).click(),
    ]);
    const pdfFile = join(desk.dir, 'report.pdf');
    await pdfDl.saveAs(pdfFile);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdfFile, '-']).toString();
    expect(text).toContain('Transparantieverslag 2025');
    expect(text).toMatch(/Verzoeken ontvangen\s+< ?5/);
    for (const p of PERSONAL) expect(text, p).not.toContain(p);
    mkdirSync(SCREENS_DIR, { recursive: true });
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      pdfFile,
      join(SCREENS_DIR, 'stats-03-report'),
    ]);

    const audit = await desk.must('audit.list', { action: 'stats.', limit: 10 });
    expect(audit.events.map((e) => e.action).sort()).toEqual(['stats.exported', 'stats.report']);
    await scan('stats-03-exported');
    expect(desk.problems).toEqual([]);
  });
});
