import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAxeClean, isFocused, screenshot, tabTo } from './support/browser';
import { PASS, prepareKabelnetVault } from './support/desk';
import { openDesk, signIn, type E2EDesk } from './support/open-desk';

/** Each admin section: its link in the sub-navigation, its route and the heading it opens with. */
const ADMIN_SECTIONS = [
  ['Gebruikers', 'users', 'Gebruikers'],
  ['Organisatie en briefhoofd', 'organisation', 'Organisatie en briefhoofd'],
  ['Algemeen', 'general', 'Algemeen'],
  ['Termijnen en importregels', 'deadlines', 'Regels van de desk: termijnen'],
  [
    'Vier ogen, statistiek en bewaartermijnen',
    'policy',
    'Vier ogen, statistiek en bewaartermijnen',
  ],
  ['Instanties en contactkanalen', 'authorities', 'Instanties en geverifieerde contactkanalen'],
  ['Wettelijke grondslagen', 'legal-bases', 'Wettelijke grondslagen'],
  ['Opschonen', 'retention', 'Bewaartermijnen en opschonen'],
  ['Back-up', 'backup', 'Back-up'],
  ['Mijn wachtwoordzin', 'passphrase', 'Eigen wachtwoordzin wijzigen'],
] as const;

describe('Settings sub-navigation (Chromium)', () => {
  let desk: E2EDesk;
  let page: Page;

  const nav = () => page.getByRole('navigation', { name: 'Onderdelen van Instellingen' });
  const hash = () => new URL(page.url()).hash;

  beforeAll(async () => {
    desk = await openDesk({
      prefix: 'naw-desk-e2e-settings-nav-',
      prepare: (vaultDir) => prepareKabelnetVault(vaultDir, { formerCustomerBy: 'anna' }),
    });
    page = desk.page;
    await page.goto(desk.harness.url);
    await signIn(page, 'anna', PASS.admin);
  });

  afterAll(() => desk?.close());

  it('an admin lands on the first section, one section at a time, with the page heading focused', async () => {
    await page.getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('cell', { name: 'Anna de Vries' }).waitFor();
    expect(hash()).toBe('#/settings/users');
    expect(await isFocused(page.getByRole('heading', { level: 1, name: 'Instellingen' }))).toBe(
      true,
    );
    expect(await nav().getByRole('link').allTextContents()).toEqual(
      ADMIN_SECTIONS.map(([link]) => link),
    );
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Gebruikers']);
    await expectAxeClean(page, 'settings-nav-admin-users');
  });

  it('by keyboard: Tab into the sub-navigation, Enter opens a section and focuses its heading', async () => {
    const org = nav().getByRole('link', { name: 'Organisatie en briefhoofd' });
    await tabTo(page, org, 10);
    await page.keyboard.press('Enter');
    const heading = page.getByRole('heading', { level: 2, name: 'Organisatie en briefhoofd' });
    // Focus moves with the loaded form, in the same render.
    await page.getByLabel('Naam organisatie').waitFor();
    expect(await isFocused(heading)).toBe(true);
    expect(hash()).toBe('#/settings/organisation');
    expect(await org.getAttribute('aria-current')).toBe('page');
    expect(
      await nav().getByRole('link', { name: 'Gebruikers' }).getAttribute('aria-current'),
    ).toBeNull();
    // Tab goes on into the section's form.
    await tabTo(page, page.getByLabel('Naam organisatie'), 3);
  });

  it('every admin section opens on its own route, with its heading', async () => {
    for (const [link, route, heading] of ADMIN_SECTIONS) {
      await nav().getByRole('link', { name: link }).click();
      await page.getByRole('heading', { level: 2, name: heading }).waitFor();
      expect(hash()).toBe(`#/settings/${route}`);
      expect(await page.getByRole('heading', { level: 2 }).count(), route).toBe(
        route === 'deadlines' ? 2 : 1,
      );
      // The other journeys scan the sections they use; this one the rest.
      if (route === 'general') await expectAxeClean(page, 'settings-nav-admin-general');
      else await screenshot(page, `settings-nav-admin-${route}`);
    }
  });

  it('reads the same in English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    const en = page.getByRole('navigation', { name: 'Sections of Settings' });
    await en.getByRole('link', { name: 'Deadlines and import rules' }).click();
    await page.getByRole('heading', { level: 2, name: 'Import rules' }).waitFor();
    await page.getByLabel('A snapshot may end at most this share (%)').waitFor();
    await expectAxeClean(page, 'settings-nav-admin-rules-en');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await nav().waitFor();
    expect(desk.problems).toEqual([]);
  });
});
