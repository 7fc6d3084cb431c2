import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAxeClean, isFocused, tabTo } from './support/browser';
import { PASS, prepareKabelnetVault } from './support/desk';
import { openDesk, signIn, type E2EDesk } from './support/open-desk';

describe('catalogues and desk rules in Settings, shell notices (Chromium)', () => {
  let desk: E2EDesk;
  let page: Page;

  const scan = (name: string) => expectAxeClean(page, name);
  const panel = (heading: string) =>
    page.locator('section.panel', { has: page.getByRole('heading', { level: 2, name: heading }) });
  const db = () => desk.harness.session.vault!.db;
  /** Opens a section of Settings through its sub-navigation. */
  const openSection = async (link: string, heading: string) => {
    await page
      .getByRole('navigation', { name: 'Onderdelen van Instellingen' })
      .getByRole('link', { name: link })
      .click();
    await page.getByRole('heading', { level: 2, name: heading }).waitFor();
  };

  beforeAll(async () => {
    // A vault made through the real handler table, with a former customer past retention.
    desk = await openDesk({
      prefix: 'naw-desk-e2e-catalogue-',
      prepare: (vaultDir) =>
        prepareKabelnetVault(vaultDir, {
          users: [
            { name: 'olga', displayName: 'Olga Smit', role: 'officer', passphrase: PASS.olga },
          ],
          formerCustomerBy: 'anna',
        }),
    });
    page = desk.page;
    await page.goto(desk.harness.url);
    await signIn(page, 'anna', PASS.admin);
  });

  afterAll(() => desk?.close());

  it('after sign-in an admin is told a purge is due, with a link to the purge in Settings', async () => {
    const notice = page.getByTestId('shell-purge-due');
    await notice
      .getByText('Bij 1 gegevens is de bewaartermijn verstreken; ze kunnen worden opgeschoond.')
      .waitFor();
    await scan('catalogue-shell-purge-due');
    await notice.getByRole('button', { name: 'Naar opschonen in Instellingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Instellingen' }).waitFor();
    const purge = page.getByRole('heading', { level: 2, name: 'Bewaartermijnen en opschonen' });
    // The section focuses its heading in the same render that shows what it loaded (its notice).
    await panel('Bewaartermijnen en opschonen').getByTestId('purge-due').waitFor();
    expect(await isFocused(purge)).toBe(true);
    expect(new URL(page.url()).hash).toBe('#/settings/retention');
    const nav = page.getByRole('navigation', { name: 'Onderdelen van Instellingen' });
    expect(await nav.getByRole('link', { name: 'Opschonen' }).getAttribute('aria-current')).toBe(
      'page',
    );
    // On the purge section its own notice takes over.
    expect(await page.getByTestId('shell-purge-due').count()).toBe(0);
    await scan('catalogue-settings-purge-section');
  });

  it('adds an authority with a verified phone channel (never taken from a request)', async () => {
    await openSection('Instanties en contactkanalen', 'Instanties en geverifieerde contactkanalen');
    const section = panel('Instanties en geverifieerde contactkanalen');
    const add = section.locator('form', {
      has: page.getByRole('heading', { name: 'Nieuwe instantie' }),
    });
    await add
      .getByLabel('Naam', { exact: true })
      .fill('Koninklijke Marechaussee – District Schiphol');
    await add.getByLabel('Code').fill('kmar-schiphol');
    await add.getByLabel('Soort').selectOption('kmar');
    await add.getByRole('button', { name: 'Instantie toevoegen' }).click();
    await section
      .getByText('Koninklijke Marechaussee – District Schiphol is toegevoegd.')
      .waitFor();

    const editor = section.getByRole('group', { name: /District Schiphol/ });
    await editor.getByText('Nog geen geverifieerd kanaal').waitFor();
    const form = editor.locator('form', {
      has: page.getByRole('heading', { name: 'Geverifieerd kanaal toevoegen' }),
    });
    await form.getByLabel('Gegevens').fill('088 - 662 33 00');
    await form
      .getByLabel('Hoe geverifieerd')
      .fill('kmar.nl/contact, centrale gebeld en doorverbonden met de meldkamer');
    expect(await form.getByLabel('Geverifieerd door').inputValue()).toBe('Anna de Vries');
    // Without the confirmation nothing is sent.
    await form.getByRole('button', { name: 'Kanaal toevoegen' }).click();
    await form.getByText('Bevestig dat het kanaal zelfstandig is geverifieerd.').waitFor();
    await scan('catalogue-contact-confirm-missing');
    // Keyboard: reach the confirmation by Tab, tick it with Space, submit with Enter.
    const confirm = form.getByLabel(/zelfstandig geverifieerd en niet overgenomen/);
    await form.getByLabel('Opmerking (optioneel)').focus();
    await tabTo(page, confirm, 5);
    await page.keyboard.press('Space');
    expect(await confirm.isChecked()).toBe(true);
    await tabTo(page, form.getByRole('button', { name: 'Kanaal toevoegen' }), 5);
    await page.keyboard.press('Enter');
    await form.getByText('Het kanaal is toegevoegd.').waitFor();
    const row = editor.getByRole('row', { name: /\+31886623300/ });
    await row.getByText('door Anna de Vries op').waitFor();
    await scan('catalogue-authority-contact');

    const stored = db()
      .prepare(`SELECT kind, contacts, active FROM authority WHERE code = 'kmar-schiphol'`)
      .get() as { kind: string; contacts: string; active: number };
    expect(stored.kind).toBe('kmar');
    expect(stored.active).toBe(1);
    expect(JSON.parse(stored.contacts)).toEqual([
      expect.objectContaining({
        kind: 'phone',
        value: '+31886623300',
        verifiedBy: 'Anna de Vries',
        addedBy: 'anna',
      }),
    ]);
    const audit = db()
      .prepare(`SELECT count(*) AS n FROM audit_event WHERE action = 'catalogue.contact.added'`)
      .get();
    expect(audit).toEqual({ n: 1 });
    await editor.getByRole('button', { name: 'Sluiten' }).click();
    await expect
      .poll(() =>
        isFocused(
          section.getByRole('button', {
            name: 'Koninklijke Marechaussee – District Schiphol bewerken',
          }),
        ),
      )
      .toBe(true);
  });

  it("edits a legal basis's allowed categories", async () => {
    await openSection('Wettelijke grondslagen', 'Wettelijke grondslagen');
    const section = panel('Wettelijke grondslagen');
    await section.getByRole('button', { name: 'Sv 126na lid 1 bewerken' }).click();
    const editor = section.getByRole('group', { name: /Sv 126na lid 1/ });
    const categories = editor.getByRole('group', { name: 'Toegestane gegevens' });
    expect(await categories.getByLabel('Postcode').isChecked()).toBe(true);
    await categories.getByLabel('Postcode').uncheck();
    await categories.getByLabel('Soort dienst').uncheck();
    await editor.getByLabel('Versiedatum').fill('2026-03-01');
    await editor.getByRole('button', { name: 'Grondslag opslaan' }).click();
    await editor.getByText('Sv 126na lid 1 is opgeslagen.').waitFor();
    await section
      .getByRole('row', { name: /Sv 126na lid 1 Vordering gebruikersgegevens/ })
      .getByText('Naam, Adres, Woonplaats, Nummer')
      .waitFor();
    await scan('catalogue-legal-basis-edit');
    const b = db()
      .prepare(`SELECT categories, version_date FROM legal_basis WHERE code = 'sv-126na-1'`)
      .get() as { categories: string; version_date: string };
    expect(JSON.parse(b.categories)).toEqual(['name', 'address', 'city', 'number']);
    expect(b.version_date).toBe('2026-03-01');
    const ev = db()
      .prepare(
        `SELECT details FROM audit_event WHERE action = 'catalogue.legalBasis.changed' ORDER BY seq DESC`,
      )
      .get() as { details: string };
    expect(JSON.parse(ev.details).after).toEqual({
      categories: ['name', 'address', 'city', 'number'],
      versionDate: '2026-03-01',
    });
  });

  it('changes the default deadlines and the import rule within bounds', async () => {
    await openSection('Termijnen en importregels', 'Regels van de desk: termijnen');
    const rules = panel('Regels van de desk: termijnen');
    await rules.getByLabel('Normaal (dagen)').fill('2');
    await rules.getByLabel('Spoed (dagen)').fill('3');
    await rules.getByRole('button', { name: 'Termijnen opslaan' }).click();
    await rules.getByText('Spoed mag niet langer duren dan normaal.').waitFor();
    await rules.getByLabel('Normaal (dagen)').fill('7');
    await rules.getByRole('button', { name: 'Termijnen opslaan' }).click();
    await rules.getByText('De termijnen zijn opgeslagen.').waitFor();
    const v = db().prepare(`SELECT value FROM setting WHERE key = 'deadlineDaysNormal'`).get();
    expect(v).toEqual({ value: '7' });

    const imports = panel('Regels voor de import');
    const share = imports.getByLabel('Een momentopname mag hoogstens dit deel beëindigen (%)');
    expect(await share.inputValue()).toBe('5');
    await share.fill('101');
    await imports.getByRole('button', { name: 'Importregels opslaan' }).click();
    await imports.getByText('Kies een geheel getal binnen het aangegeven bereik.').waitFor();
    await share.fill('20');
    await imports.getByRole('button', { name: 'Importregels opslaan' }).click();
    await imports.getByText('De importregels zijn opgeslagen.', { exact: false }).waitFor();
    await scan('catalogue-settings-rules');
    const p = db().prepare(`SELECT value FROM setting WHERE key = 'snapshotMaxClosePercent'`).get();
    expect(p).toEqual({ value: '20' });
  });

  it('switching four eyes off shows a loud banner on every page', async () => {
    expect(await page.getByTestId('four-eyes-banner').count()).toBe(0);
    await openSection(
      'Vier ogen, statistiek en bewaartermijnen',
      'Vier ogen, statistiek en bewaartermijnen',
    );
    const policy = panel('Vier ogen, statistiek en bewaartermijnen');
    await policy.getByLabel(/Vier ogen: elke verstrekking/).uncheck();
    await policy.getByRole('button', { name: 'Beleid opslaan' }).click();
    await policy.getByText('Vier ogen uitzetten?').waitFor();
    await policy.getByRole('button', { name: 'Beleid opslaan' }).click();
    await page.getByTestId('four-eyes-off').waitFor();
    await page.getByRole('link', { name: 'Verzoeken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verzoeken' }).waitFor();
    const banner = page.getByTestId('four-eyes-banner');
    await banner
      .getByText(
        'Vier-ogen-principe staat UIT — elke verstrekking wordt als één-persoons gemarkeerd',
      )
      .waitFor();
    await scan('catalogue-four-eyes-banner');
    await banner.getByRole('button', { name: 'Naar de instelling' }).click();
    await page.getByRole('heading', { level: 1, name: 'Instellingen' }).waitFor();
    // The policy section focuses its heading as it shows the loaded setting.
    await page.getByTestId('four-eyes-off').waitFor();
    expect(
      await isFocused(
        page.getByRole('heading', { level: 2, name: 'Vier ogen, statistiek en bewaartermijnen' }),
      ),
    ).toBe(true);
    expect(new URL(page.url()).hash).toBe('#/settings/policy');
    await page.getByTestId('four-eyes-banner').waitFor();
    expect(desk.problems).toEqual([]);
  });

  it('an officer reads the authorities with their verified channels and the legal bases, and edits nothing', async () => {
    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await signIn(page, 'olga', PASS.olga);
    await page.getByRole('link', { name: 'Instellingen' }).click();
    // An officer's Settings opens on the catalogue: the call-back channels.
    const heading = page.getByRole('heading', {
      level: 2,
      name: 'Instanties en geverifieerde contactkanalen',
    });
    await heading.waitFor();
    const nav = page.getByRole('navigation', { name: 'Onderdelen van Instellingen' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Instanties en contactkanalen',
      'Wettelijke grondslagen',
      'Mijn wachtwoordzin',
    ]);
    const section = panel('Instanties en geverifieerde contactkanalen');
    await section.getByLabel('Zoek een instantie').fill('Schiphol');
    const row = section.getByRole('row', { name: /District Schiphol/ });
    await row.getByText('+31886623300').waitFor();
    expect(await row.textContent()).toMatch(
      /Geverifieerd door Anna de Vries op \d+ \S+ \d{4}: kmar\.nl\/contact, centrale gebeld en doorverbonden met de meldkamer/,
    );
    expect(await section.getByRole('button').count()).toBe(0);
    await scan('catalogue-settings-officer-authorities');

    await openSection('Wettelijke grondslagen', 'Wettelijke grondslagen');
    const bases = panel('Wettelijke grondslagen');
    await bases.getByRole('row', { name: /Sv 126na lid 1/ }).waitFor();
    expect(await bases.getByRole('button').count()).toBe(0);
    await scan('catalogue-settings-officer-bases');
    // The admin sections are not there by address either.
    await page.goto(`${desk.harness.origin}/#/settings/users`);
    await heading.waitFor();
    expect(new URL(page.url()).hash).toBe('#/settings/authorities');
    expect(await page.getByRole('heading', { name: 'Gebruikers' }).count()).toBe(0);
    expect(desk.problems).toEqual([]);
  });
});
