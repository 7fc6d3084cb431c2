import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskSession } from '../../electron/core/session';
import { createDemoVault } from '../../electron/demo/seed';
import { dispatch } from '../../electron/api/table';
import { startHarness, type Harness } from '../harness/server';
import { launchBrowser, openPage, screenshot, seriousA11yViolations } from './support/browser';

const KDF = { N: 2 ** 12, r: 8, p: 1 };

/** The demo vault (made by the same handler as `npm run demo`) opened in Chromium. */
describe('demo vault in the browser', () => {
  let dir: string;
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let passphrase = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'naw-desk-e2e-demo-'));
    const vaultDir = join(dir, 'demo-vault');
    const maker = new DeskSession({ vaultDir, kdfCost: KDF, seedDemo: createDemoVault });
    const made = await dispatch(maker, 'ops.createDemo', { years: 2 });
    if (!made.ok) throw new Error(made.message);
    passphrase = (made.data as { passphrase: string }).passphrase;
    harness = await startHarness({
      vaultDir,
      kdfCost: KDF,
      ...(process.env.NAW_DESK_RENDERER_DIR
        ? { rendererDir: process.env.NAW_DESK_RENDERER_DIR }
        : {}),
    });
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser));
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is marked demo everywhere and every page has something to show', async () => {
    await page.goto(harness.url);
    await page.getByText('Demonet Telecom B.V. (DEMO)').first().waitFor();
    await screenshot(page, 'ops-demo-unlock');
    await page.getByLabel('Gebruikersnaam').fill('demo-officer');
    await page.getByLabel('Wachtwoordzin').fill(passphrase);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verzoeken' }).waitFor();
    await page.locator('.demo-banner').waitFor();
    // Open requests in several states, and the register of past years.
    await page
      .getByText(/\d{4}-\d{4}/)
      .first()
      .waitFor();
    await screenshot(page, 'ops-demo-requests');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await page.getByLabel('Gebruikersnaam').fill('demo-auditor');
    await page.getByLabel('Wachtwoordzin').fill(passphrase);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    await page.getByRole('link', { name: 'Auditlog' }).click();
    await page.getByRole('heading', { level: 1, name: 'Auditlog' }).waitFor();
    await page.getByRole('button', { name: 'Keten controleren' }).click();
    await page.getByTestId('verify-result').getByText('De keten is intact.').waitFor();
    await page.locator('.demo-banner').waitFor();
    await screenshot(page, 'ops-demo-audit');
    expect(problems).toEqual([]);
  });
});
