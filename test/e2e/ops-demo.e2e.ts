import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskSession } from '../../electron/core/session';
import { createDemoVault } from '../../electron/demo/seed';
import { dispatch } from '../../electron/api/table';
import { expectAxeClean, screenshot } from './support/browser';
import { E2E_KDF } from './support/desk';
import { openDesk, signIn, type E2EDesk } from './support/open-desk';

/** The demo vault (made by the same handler as `npm run demo`) opened in Chromium. */
describe('demo vault in the browser', () => {
  let desk: E2EDesk;
  let page: Page;
  let passphrase = '';

  beforeAll(async () => {
    desk = await openDesk({
      prefix: 'naw-desk-e2e-demo-',
      vaultFolder: 'demo-vault',
      prepare: async (vaultDir) => {
        const maker = new DeskSession({ vaultDir, kdfCost: E2E_KDF, seedDemo: createDemoVault });
        const made = await dispatch(maker, 'ops.createDemo', { years: 2 });
        if (!made.ok) throw new Error(made.message);
        passphrase = (made.data as { passphrase: string }).passphrase;
      },
    });
    page = desk.page;
  });

  afterAll(() => desk?.close());

  it('is marked demo everywhere and every page has something to show', async () => {
    await page.goto(desk.harness.url);
    await page.getByText('Demonet Telecom B.V. (DEMO)').first().waitFor();
    await screenshot(page, 'ops-demo-unlock');
    await signIn(page, 'demo-officer', passphrase);
    await page.getByRole('heading', { level: 1, name: 'Verzoeken' }).waitFor();
    await page.locator('.demo-banner').waitFor();
    // Open requests in several states, and the register of past years.
    await page
      .getByText(/\d{4}-\d{4}/)
      .first()
      .waitFor();
    await expectAxeClean(page, 'ops-demo-requests');

    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await signIn(page, 'demo-auditor', passphrase);
    await page.getByRole('link', { name: 'Auditlog' }).click();
    await page.getByRole('heading', { level: 1, name: 'Auditlog' }).waitFor();
    await page.getByRole('button', { name: 'Keten controleren' }).click();
    await page.getByTestId('verify-result').getByText('De keten is intact.').waitFor();
    await page.locator('.demo-banner').waitFor();
    await screenshot(page, 'ops-demo-audit');
    expect(desk.problems).toEqual([]);
  });
});
