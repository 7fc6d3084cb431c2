import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFixtures } from '../fixtures/requests/seed';
import { expectAxeClean } from './support/browser';
import { fillDateTime } from './support/date-time';
import { createTeamVault, PASS } from './support/desk';
import { openDesk, signIn, type E2EDesk } from './support/open-desk';

/**
 * The wizard journey in Chromium against the real handler table over the loopback harness:
 * an officer logs a request (three identifiers and the original PDF), verifies the requester,
 * the checks pass, matching finds the subscribers (one item needs the officer to choose the
 * offset of a repeated autumn hour), the officer decides to disclose part of the data; a
 * different user, an approver, approves it. Every screen is screenshotted and scanned with axe.
 */
describe('requests journey', () => {
  let desk: E2EDesk;
  let page: Page;
  let registerNo = '';

  const scan = (name: string) => expectAxeClean(page, name);

  beforeAll(async () => {
    desk = await openDesk({ prefix: 'naw-desk-e2e-req-' });
    page = desk.page;
    await createTeamVault(desk.harness.session, ['olga', 'piet']);
    await importFixtures(desk.harness.session.vault!.db);
    await desk.must('vault.lock', {});
  });

  afterAll(() => desk?.close());

  it('the officer logs a request with three identifiers and the original document', async () => {
    await page.goto(desk.harness.url);
    await signIn(page, 'olga', PASS.olga);
    await page.getByRole('link', { name: 'Verzoeken' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Verzoeken' }).waitFor();
    await page.getByText('Geen openstaande verzoeken.').waitFor();
    await scan('req-01-register-empty');

    await page.getByRole('link', { name: 'Nieuw verzoek registreren' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuw verzoek' }).waitFor();
    await page.getByRole('button', { name: 'Registreren' }).click();
    await page.getByText('Vul dit veld in.').first().waitFor();
    await scan('req-02-form-errors');

    await page.getByLabel('Instantie').selectOption('pol-amsterdam');
    await page.getByLabel('Wettelijke grondslag').selectOption('sv-126na-1');
    await page.getByLabel('Zaaknummer (PV/BVH of parketnummer)').fill('PL1300-2026012345');
    await page.getByRole('region', { name: 'Aanvrager' }).getByLabel('Naam').fill('J. de Boer');
    await page.getByLabel('Dienstnummer').fill('AB1234');
    await page.getByLabel('Soort dienst').uncheck();

    const item = (n: number) => page.getByRole('group', { name: `Identificator ${n}` });
    await item(1).getByLabel('Nummer of adres').fill('06-12345678');
    await fillDateTime(item(1), 'Moment', '2024-05-01T10:00');
    await page.getByRole('button', { name: 'Identificator toevoegen' }).click();
    await item(2).getByLabel('Soort').selectOption('ip');
    await item(2).getByLabel('Nummer of adres').fill('203.0.113.5');
    await item(2).getByLabel('Bronpoort').fill('1500');
    await fillDateTime(item(2), 'Moment', '2025-06-01T14:00');
    await page.getByRole('button', { name: 'Identificator toevoegen' }).click();
    await item(3).getByLabel('Nummer of adres').fill('0687654321');
    await fillDateTime(item(3), 'Moment', '2025-10-26T02:30');

    const pdf = join(desk.dir, 'vordering.pdf');
    writeFileSync(pdf, '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    await page.getByLabel('PDF of afbeelding van het verzoek').setInputFiles(pdf);
    await page.getByText('vordering.pdf').waitFor();
    await scan('req-03-form-filled');

    await page.getByRole('button', { name: 'Registreren' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /^Verzoek \d{4}-0001$/ });
    await heading.waitFor();
    registerNo = (await heading.textContent())!.replace(/^Verzoek(en)? /, '');
    await page
      .getByText('Niet geverifieerd — op dit verzoek wordt nooit verstrekt.')
      .first()
      .waitFor();
    expect(await page.getByText('vordering.pdf').count()).toBeGreaterThan(0);
    await scan('req-04-logged');
  });

  it('verify → checks pass → match, choosing the offset of the repeated hour', async () => {
    await page.getByRole('button', { name: 'Verificatie vastleggen' }).click();
    await page.getByText('Alle controles geslaagd: het verzoek kan worden gematcht.').waitFor();
    await page.getByRole('button', { name: 'Controleren en matchen', exact: true }).click();
    const row = (n: number) => page.locator(`tr[data-item="${n}"]`);
    await row(1).getByText('Jan de Vries').waitFor();
    expect(await row(1).textContent()).toContain('Kerkstraat 22 A'); // today's address: he moved
    expect(await row(2).textContent()).toContain('Pieter Bakker');
    expect(await row(3).textContent()).toContain('Tijd dubbelzinnig');
    await scan('req-05-matched-ambiguous-time');

    await row(3)
      .getByRole('button', { name: /Gebruik \+02:00/ })
      .click();
    await page.getByRole('button', { name: 'Opnieuw controleren en matchen' }).click();
    await row(3).getByText('Sanne Visser').waitFor();
    await row(1).getByText('Bewijs').click();
    await row(1)
      .getByText(/^Nummertoewijzing: \+31612345678 aan klant \S+, geldig van /)
      .waitFor();
    await scan('req-06-matched');
  });

  it('the officer decides to disclose items 1 and 3 without the number; that is withheld', async () => {
    // No outcome is chosen beforehand; disclosing is what the match suggests.
    await page.getByRole('radio', { name: /^Verstrekken/ }).check();
    // The decision names the identifiers: item 2 is the IP address with its port.
    await page
      .getByRole('group', { name: 'Te verstrekken identificatoren' })
      .getByLabel('203.0.113.5 poort 1500')
      .uncheck();
    await page
      .getByRole('group', { name: 'Te verstrekken gegevens' })
      .getByLabel('Nummer')
      .uncheck();
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.getByText('wacht op goedkeuring', { exact: true }).waitFor();
    expect(await page.getByText('Achtergehouden: Nummer').count()).toBe(1);
    // An officer cannot approve: there is no approve button for her.
    expect(await page.getByRole('button', { name: 'Goedkeuren' }).count()).toBe(0);
    await scan('req-07-awaiting-approval');
  });

  it('a different user with the approver role approves; the disclosure takes effect', async () => {
    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await signIn(page, 'piet', PASS.piet);
    await page.getByRole('link', { name: 'Verzoeken' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Verzoeken' }).waitFor();
    await page.getByRole('link', { name: registerNo }).first().waitFor();
    expect(await page.getByText('Wacht op goedkeuring').count()).toBeGreaterThan(0);
    await scan('req-08-register-dashboard');
    await page.getByRole('link', { name: registerNo }).first().click();
    await page.getByRole('button', { name: 'Goedkeuren' }).click();
    await page.getByText(/Goedgekeurd door piet/).waitFor();
    await page.getByText('Verstrekt', { exact: true }).first().waitFor();
    const timeline = await page.getByRole('region', { name: 'Tijdlijn' }).textContent();
    for (const step of [
      'Geregistreerd',
      'Geverifieerd',
      'Gecontroleerd',
      'Gematcht',
      'Tijd gekozen',
      'Besloten',
      'Goedgekeurd',
    ])
      expect(timeline).toContain(step);
    await scan('req-09-disclosed');
    expect(desk.problems).toEqual([]);
  });
});
