import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeVault, createVault } from '../../electron/vault/vault';
import { expectAxeClean, isFocused, screenshot, tabTo } from './support/browser';
import { E2E_KDF } from './support/desk';
import { openDesk, type E2EDesk } from './support/open-desk';

const ADMIN_PASS = 'blauwe tram over de brug';
const OFFICER_PASS = 'groene fiets in de regen';

/**
 * The first journey, in Chromium against the real handler table over the loopback harness:
 * first run → setup → recovery key confirmed → lock → wrong passphrase refused → unlock → add a
 * user → audit log shows it all and the chain verifies. Every screen is scanned with axe.
 */
describe('vault journey', () => {
  let desk: E2EDesk;
  let page: Page;

  const scan = (name: string) => expectAxeClean(page, name);
  const h1 = () => page.getByRole('heading', { level: 1 });
  async function expectHeading(name: string) {
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }

  beforeAll(async () => {
    desk = await openDesk({ prefix: 'naw-desk-e2e-' });
    page = desk.page;
  });

  afterAll(() => desk?.close());

  it('first run: setup validates, creates the vault and shows the recovery key once', async () => {
    await page.goto(desk.harness.url);
    await expectHeading('Nieuwe kluis inrichten');
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    await scan('01-setup');

    await page.getByRole('button', { name: 'Kluis aanmaken' }).click();
    await page.getByText('Vul dit veld in.').first().waitFor();
    expect(await page.getByText('Vul dit veld in.').count()).toBe(4);
    await scan('02-setup-errors');

    await page.getByLabel('Naam van de organisatie').fill('Testnet B.V.');
    await page.getByLabel('Gebruikersnaam').fill('anna');
    await page.getByLabel('Volledige naam (optioneel)').fill('Anna de Vries');
    await page.getByLabel('Wachtwoordzin', { exact: true }).fill(ADMIN_PASS);
    await page.getByLabel('Herhaal de wachtwoordzin').fill(`${ADMIN_PASS}.`);
    await page.getByRole('button', { name: 'Kluis aanmaken' }).click();
    await page.getByText('De twee wachtwoordzinnen zijn niet gelijk.').waitFor();
    await page.getByLabel('Herhaal de wachtwoordzin').fill(ADMIN_PASS);
    await page.getByRole('button', { name: 'Kluis aanmaken' }).click();

    await expectHeading('Uw herstelsleutel');
    const groups = await page.getByTestId('recovery-key').locator('code').allTextContents();
    expect(groups).toHaveLength(16);
    for (const g of groups) expect(g).toMatch(/^[0-9A-F]{4}$/);
    await scan('03-recovery-key');
  });

  it('continuing needs the confirmation; done by keyboard only (Tab, Space, Enter)', async () => {
    const confirm = page.getByLabel(/Ik heb de herstelsleutel opgeschreven/);
    const next = page.getByRole('button', { name: 'Verder naar de desk' });
    await next.focus();
    await page.keyboard.press('Enter');
    await page.getByText('Bevestig eerst dat u de herstelsleutel hebt vastgelegd.').waitFor();
    expect(await isFocused(confirm)).toBe(true);
    await page.keyboard.press('Space');
    expect(await confirm.isChecked()).toBe(true);
    await tabTo(page, next, 3);
    await page.keyboard.press('Enter');
    await expectHeading('Verzoeken');
    await page.getByText('Testnet B.V.').first().waitFor();
    await page.getByText('Anna de Vries').waitFor();
    await scan('04-shell-requests');
  });

  it('locks, refuses a wrong passphrase with a visible message, then unlocks', async () => {
    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await expectHeading('Aanmelden');
    await scan('05-unlock');

    await page.getByLabel('Gebruikersnaam').fill('anna');
    await page.getByLabel('Wachtwoordzin').fill('dit is niet de goede');
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Onbekende gebruiker of onjuiste wachtwoordzin');
    expect(await alert.isVisible()).toBe(true);
    await scan('06-unlock-wrong-passphrase');

    // Keyboard only: the passphrase field has focus again after the failure.
    expect(await isFocused(page.getByLabel('Wachtwoordzin'))).toBe(true);
    await page.keyboard.type(ADMIN_PASS);
    await page.keyboard.press('Enter');
    await expectHeading('Verzoeken');
  });

  it('adds a second user in Settings', async () => {
    await page.getByRole('link', { name: 'Instellingen' }).click();
    await expectHeading('Instellingen');
    await page.getByRole('cell', { name: 'anna', exact: true }).waitFor();
    await scan('07-settings');

    const form = page.locator('form', {
      has: page.getByRole('heading', { name: 'Gebruiker toevoegen' }),
    });
    await form.getByLabel('Gebruikersnaam').fill('bert');
    await form.getByLabel('Volledige naam (optioneel)').fill('Bert Jansen');
    await form.getByLabel('Rol').selectOption('officer');
    await form.getByLabel('Eerste wachtwoordzin').fill(OFFICER_PASS);
    await form.getByLabel('Herhaal de wachtwoordzin').fill(OFFICER_PASS);
    await form.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    await page.getByText('Gebruiker bert is toegevoegd.', { exact: false }).waitFor();
    await page.getByRole('cell', { name: 'Bert Jansen' }).waitFor();
    await scan('08-settings-user-added');
  });

  it('the audit log shows the journey and verifies the chain (keyboard only)', async () => {
    // A fresh load puts focus on the page heading; the skip link is the first Tab stop.
    await page.reload();
    await expectHeading('Instellingen');
    expect(await isFocused(h1())).toBe(true);
    const skip = page.getByRole('link', { name: 'Direct naar de inhoud' });
    await tabTo(page, skip, 20, 'backward');
    expect(await skip.isVisible()).toBe(true);
    await screenshot(page, '09-keyboard-skip-link');
    // From there, Tab forward through the header to the Audit log link; Enter opens it.
    const auditLink = page.getByRole('link', { name: 'Auditlog' });
    await tabTo(page, auditLink, 12);
    await screenshot(page, '10-keyboard-focus-nav');
    await page.keyboard.press('Enter');
    await expectHeading('Auditlog');

    await page.getByText(/Gebeurtenis 1–\d+ van \d+/).waitFor();
    // Each action is worded (its code kept on the cell).
    const cells = page.locator('table tbody tr td:nth-child(4)');
    const actions = await Promise.all(
      (await cells.all()).map((cell) => cell.getAttribute('data-action')),
    );
    for (const a of ['vault.created', 'user.added', 'login.ok', 'vault.locked', 'login.failed']) {
      expect(actions, `audit shows ${a}`).toContain(a);
    }
    expect(actions.filter((a) => a === 'user.added')).toHaveLength(2); // anna (setup) and bert
    const labels = await cells.allTextContents();
    for (const l of [
      'kluis aangemaakt',
      'gebruiker toegevoegd',
      'aangemeld',
      'mislukte aanmelding',
    ]) {
      expect(labels, `audit shows ${l}`).toContain(l);
    }
    await scan('11-audit');

    const verify = page.getByRole('button', { name: 'Keten controleren' });
    await tabTo(page, verify, 10);
    await page.keyboard.press('Space');
    const result = page.getByTestId('verify-result');
    await result.getByText('De keten is intact.').waitFor();
    expect(await result.textContent()).toMatch(/\d+ gebeurtenissen gecontroleerd/);
    await scan('12-audit-verified');

    // Filter on failed logins and open the event's detail.
    await page.getByLabel('Handeling').selectOption({ label: 'mislukte aanmelding' });
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.getByText(/Gebeurtenis 1–1 van 1/).waitFor();
    await page
      .getByRole('button', { name: /Details/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 2, name: /Gebeurtenis \d+/ }).waitFor();
    expect(await page.locator('.detail__list').textContent()).toContain('user:anna');
    await scan('13-audit-detail');
  });

  it('an officer sees only their sections; English is one click away', async () => {
    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await expectHeading('Aanmelden');
    await page.getByLabel('Gebruikersnaam').fill('bert');
    await page.getByLabel('Wachtwoordzin').fill(OFFICER_PASS);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    await expectHeading('Verzoeken');
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Verzoeken',
      'Klanten',
      'Statistiek',
      'Instellingen',
    ]);
    await page.goto(`${desk.harness.origin}/#/audit`);
    await expectHeading('Geen toegang');

    await page.getByRole('button', { name: 'English' }).click();
    await expectHeading('No access');
    await page.getByRole('link', { name: 'Settings' }).click();
    await expectHeading('Settings');
    expect(await page.getByRole('heading', { name: 'Users' }).count()).toBe(0);
    await page
      .getByRole('navigation', { name: 'Sections of Settings' })
      .getByRole('link', { name: 'My passphrase' })
      .click();
    await page.getByRole('heading', { name: 'Change your own passphrase' }).waitFor();
    await scan('14-officer-settings-en');
    // The language choice survives a reload; the skip link moves focus to the content.
    await page.reload();
    await expectHeading('Settings');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await tabTo(page, skip, 20, 'backward');
    await page.keyboard.press('Enter');
    expect(await isFocused(page.locator('#main'))).toBe(true);
  });

  it('raised no console errors, CSP violations or page errors', () => {
    expect(desk.problems).toEqual([]);
  });
});

describe('demo vault', () => {
  it('shows a clearly visible DEMO banner on every signed-in page', async () => {
    const desk = await openDesk({
      prefix: 'naw-desk-e2e-demo-',
      prepare: async (vaultDir) => {
        const created = await createVault(vaultDir, {
          orgName: 'Demo Telecom B.V.',
          adminName: 'demo',
          displayName: 'Demo Beheerder',
          passphrase: ADMIN_PASS,
          at: new Date().toISOString(),
          demo: true,
          kdfCost: E2E_KDF,
        });
        closeVault(created.vault);
      },
    });
    try {
      const { page, problems } = desk;
      await page.goto(desk.harness.url);
      await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
      await page.getByLabel('Gebruikersnaam').fill('demo');
      await page.getByLabel('Wachtwoordzin').fill(ADMIN_PASS);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Verzoeken' }).waitFor();
      const banner = page.getByRole('note').filter({ hasText: 'DEMO' });
      expect(await banner.isVisible()).toBe(true);
      expect(await banner.textContent()).toContain('demonstratiekluis');
      await page.getByRole('link', { name: 'Auditlog' }).click();
      await page.getByRole('heading', { level: 1, name: 'Auditlog' }).waitFor();
      expect(await banner.isVisible()).toBe(true);
      await expectAxeClean(page, '20-demo-banner');
      expect(problems).toEqual([]);
    } finally {
      await desk.close();
    }
  });
});
