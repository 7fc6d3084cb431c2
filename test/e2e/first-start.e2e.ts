import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskSession } from '../../electron/core/session';
import { expectAxeClean, isFocused, screenshot, tabTo } from './support/browser';
import { E2E_KDF, PASS, createTeamVault } from './support/desk';
import { openDesk, signIn, type E2EDesk } from './support/open-desk';

/** A fresh vault with only its admin: the start page guides the first steps. */
describe('first start: the admin of a new vault is guided', () => {
  let desk: E2EDesk;
  let page: Page;
  const guide = () => page.getByRole('region', { name: 'Eerste stappen' });
  const step = (k: string) => page.getByTestId(`first-step-${k}`);

  beforeAll(async () => {
    desk = await openDesk({
      prefix: 'naw-desk-e2e-first-start-',
      prepare: async (vaultDir) => {
        const maker = new DeskSession({ vaultDir, kdfCost: E2E_KDF });
        await createTeamVault(maker, []);
        maker.lock('manual');
      },
    });
    page = desk.page;
    await page.goto(desk.harness.url);
    await signIn(page, 'admin', PASS.admin);
  });

  afterAll(() => desk?.close());

  it('shows every step open, says why the admin needs colleagues, and links to Users', async () => {
    await guide().waitFor();
    await guide().getByText('0 van 4 stappen gedaan').waitFor();
    expect(await guide().textContent()).toContain('vier-ogenprincipe');
    for (const k of ['officer', 'approver', 'customers', 'organisation']) {
      expect(await step(k).getAttribute('data-done'), k).toBe('false');
    }
    await expectAxeClean(page, 'first-start-01-guide');

    // Keyboard only: the officer step's link is reachable with Tab and opens Settings > Users.
    const link = step('officer').getByRole('link', { name: 'Behandelaar aanmaken' });
    await tabTo(page, link, 40);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Gebruiker toevoegen' }).waitFor();
    expect(page.url()).toMatch(/#\/settings\/users$/);
    await screenshot(page, 'first-start-01b-settings-users');
  });

  it('an officer added in Settings ticks the officer step', async () => {
    const form = page.locator('form', {
      has: page.getByRole('heading', { name: 'Gebruiker toevoegen' }),
    });
    await form.getByLabel('Gebruikersnaam').fill('olga');
    await form.getByLabel('Rol').selectOption('officer');
    await form.getByLabel('Eerste wachtwoordzin').fill(PASS.olga);
    await form.getByLabel('Herhaal de wachtwoordzin').fill(PASS.olga);
    await form.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    await page.getByText('Gebruiker olga is toegevoegd.', { exact: false }).waitFor();

    await page.getByRole('link', { name: 'Verzoeken' }).click();
    await guide().getByText('1 van 4 stappen gedaan').waitFor();
    expect(await step('officer').getAttribute('data-done')).toBe('true');
    expect(await step('officer').textContent()).toContain('Gedaan');
    expect(await step('approver').getAttribute('data-done')).toBe('false');
    await expectAxeClean(page, 'first-start-02-officer-ticked');

    // The approver step's link opens the same form with the approver role already chosen.
    await step('approver').getByRole('link', { name: 'Goedkeurder aanmaken' }).click();
    const add = page.locator('form', {
      has: page.getByRole('heading', { name: 'Gebruiker toevoegen' }),
    });
    await add.waitFor();
    expect(await add.getByLabel('Rol').inputValue()).toBe('approver');
    await page.getByRole('link', { name: 'Verzoeken' }).click();
    await guide().getByText('1 van 4 stappen gedaan').waitFor();
  });

  it('reads in English too, and stays hidden for this user once hidden', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    const en = page.getByRole('region', { name: 'First steps' });
    await en.getByText('1 of 4 steps done').waitFor();
    await screenshot(page, 'first-start-03-guide-en');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await guide().waitFor();

    await guide().getByRole('button', { name: 'Eerste stappen verbergen' }).click();
    const note = page.getByText('De eerste stappen zijn verborgen.', { exact: false });
    await note.waitFor();
    await expect.poll(() => isFocused(note)).toBe(true);
    await screenshot(page, 'first-start-04-hidden');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Verzoeken' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Openstaande verzoeken' }).waitFor();
    // Every call of the page answered (the guide's among them): only then is "no guide" telling.
    await page.waitForLoadState('networkidle');
    expect(await guide().count()).toBe(0);
    // Nothing in the browser's storage names the user or the organisation.
    const stored = (await page.evaluate('JSON.stringify({ ...window.localStorage })')) as string;
    expect(stored).not.toContain('admin');
    expect(stored).not.toContain('Testnet');
    expect(desk.problems).toEqual([]);
  });
});
