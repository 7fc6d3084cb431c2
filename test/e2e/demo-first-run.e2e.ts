import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness/server';
import { launchBrowser, openPage, screenshot, seriousA11yViolations } from './support/browser';

const KDF = { N: 2 ** 12, r: 8, p: 1 };

/** A new user on a fresh install: "Open demo vault" on the first-run screen, then back out. */
describe('first run: open the demo vault at once', () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    harness = await startHarness({
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
  });

  it('offers the demo on the setup screen, shows its sign-in, and leaves the real vault untouched', async () => {
    await page.goto(harness.url);
    await page.getByRole('button', { name: 'Demokluis openen' }).click();
    // Creating the demo goes through the real import and register code: give it time.
    await page.getByText('Dit is de demokluis').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByLabel('Gebruikersnaam').inputValue()).toBe('demo-admin');
    const hint = await page.getByText(/Aanmelden als demo-admin met wachtwoordzin:/).textContent();
    const passphrase = hint!.split('wachtwoordzin: ')[1]!.trim();
    await screenshot(page, 'demo-first-run-unlock');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Wachtwoordzin').fill(passphrase);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    await page.locator('.demo-banner').waitFor();
    await screenshot(page, 'demo-first-run-inside');

    await page.getByRole('button', { name: /Vergrendel/ }).click();
    await page.getByRole('button', { name: 'Demokluis verlaten' }).click();
    await page
      .getByRole('heading', { level: 1 })
      .filter({ hasText: /kluis|Kluis/ })
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Demokluis openen' }).waitFor();
    expect(harness.session.vaultDir).toBe(harness.session.mainVaultDir);
    expect(harness.session.exists).toBe(false);
    expect(problems).toEqual([]);
  });
});
