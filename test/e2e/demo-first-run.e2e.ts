import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAxeClean, screenshot } from './support/browser';
import { openDesk, type E2EDesk } from './support/open-desk';

/** A new user on a fresh install: "Open demo vault" on the first-run screen, then back out. */
describe('first run: open the demo vault at once', () => {
  let desk: E2EDesk;
  let page: Page;

  beforeAll(async () => {
    desk = await openDesk({ prefix: 'naw-desk-e2e-first-run-' });
    page = desk.page;
  });

  afterAll(() => desk?.close());

  it('offers the demo on the setup screen, shows its sign-in, and leaves the real vault untouched', async () => {
    await page.goto(desk.harness.url);
    await page.getByRole('button', { name: 'Demokluis openen' }).click();
    // Creating the demo goes through the real import and register code: give it time.
    await page.getByText('Dit is de demokluis').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByLabel('Gebruikersnaam').inputValue()).toBe('demo-admin');
    const hint = await page.getByText(/Aanmelden als demo-admin met wachtwoordzin:/).textContent();
    const passphrase = hint!.split('wachtwoordzin: ')[1]!.trim();
    await expectAxeClean(page, 'demo-first-run-unlock');

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
    expect(desk.harness.session.vaultDir).toBe(desk.harness.session.mainVaultDir);
    expect(desk.harness.session.exists).toBe(false);
    expect(desk.problems).toEqual([]);
  });
});
