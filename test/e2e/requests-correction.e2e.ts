import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFixtures } from '../fixtures/requests/seed';
import { expectAxeClean } from './support/browser';
import { createTeamVault, PASS } from './support/desk';
import { openDesk, signIn, type E2EDesk } from './support/open-desk';

/**
 * A correction and a call-back verification in Chromium: the officer opens a request logged
 * without verification and without the CGNAT port of its IP address, sees the authority's
 * verified channels from the catalogue, records the call-back on one of them, and corrects the
 * missing port with a reason; that identifier alone is matched again.
 */
describe('requests: correction and verification', () => {
  let desk: E2EDesk;
  let page: Page;
  let registerNo = '';

  const scan = (name: string) => expectAxeClean(page, `corr-${name}`);

  beforeAll(async () => {
    desk = await openDesk({ prefix: 'naw-desk-e2e-corr-' });
    page = desk.page;
    await createTeamVault(desk.harness.session, ['olga', 'piet']);
    await importFixtures(desk.harness.session.vault!.db);
    // A second verified channel: the officer names the one she called.
    await desk.must('catalogue.addContact', {
      authority: 'pol-amsterdam',
      kind: 'email',
      value: 'meldkamer@politie.example',
      verifiedBy: 'Admin',
      verifiedAt: '2026-01-05',
      verifiedHow: 'letter on file from the unit head',
      independent: true,
    });
    await desk.must('vault.lock', {});
    await desk.must('vault.unlock', { userName: 'olga', passphrase: PASS.olga });
    registerNo = (
      await desk.must('requests.create', {
        authority: 'pol-amsterdam',
        requester: {
          name: 'J. de Boer',
          function: 'opsporingsambtenaar',
          phone: '+31 20 555 0100',
        },
        legalBasis: 'sv-126na-1',
        caseReference: 'PL1300-2026012345',
        receivedAt: '2026-03-02T09:15',
        channel: 'email',
        categories: ['naw'],
        items: [
          { kind: 'phone', value: '06-12345678', moment: '2024-05-01T10:00' },
          { kind: 'ip', value: '203.0.113.5', moment: '2025-06-01T14:00' },
        ],
      })
    ).registerNo;
    await desk.must('vault.lock', {});
  });

  afterAll(() => desk?.close());

  it('the verification step lists the catalogue channels; the call-back names one', async () => {
    await page.goto(desk.harness.url);
    await signIn(page, 'olga', PASS.olga);
    await page.goto(`${desk.harness.origin}/#/requests/${registerNo}`);
    const panel = page.getByRole('region', { name: 'Verificatie' });
    await panel.waitFor();
    const channels = panel.getByRole('group', { name: 'Teruggebeld op (uit de catalogus)' });
    await channels.getByText(/\+31205595000/).waitFor();
    await channels.getByText(/meldkamer@politie\.example/).waitFor();
    // The number in the request itself is not offered.
    expect(await panel.getByText('+31 20 555 0100').count()).toBe(0);
    const submit = panel.getByRole('button', { name: 'Verificatie vastleggen' });
    expect(await submit.isDisabled()).toBe(true);
    await scan('01-verification-step');

    await channels.getByLabel(/\+31205595000/).check();
    await panel.getByLabel('Toelichting').fill('Meldkamer bevestigt het verzoek.');
    await submit.click();
    const record = panel.getByTestId('verification-record');
    await record.waitFor();
    const text = await record.textContent();
    expect(text).toContain('Teruggebeld op een nummer uit de catalogus');
    expect(text).toContain('+31205595000');
    expect(text).toContain('olga');
    expect(text).toContain('Meldkamer bevestigt het verzoek.');
    await page.getByText('Alle controles geslaagd: het verzoek kan worden gematcht.').waitFor();
    await scan('02-verified');
  });

  it('a missing port is corrected with a reason; that identifier alone is matched again', async () => {
    await desk.must('requests.match', { registerNo });
    await page.reload();
    const row = (n: number) => page.locator(`tr[data-item="${n}"]`);
    await row(1).getByText('Jan de Vries').waitFor();
    expect(await row(2).textContent()).not.toContain('Pieter Bakker');

    const corrections = page.getByRole('region', { name: 'Correcties' });
    // A moment in the desk's date format, as the requester wrote it (its zone is the next row),
    // not as stored (2025-06-01T14:00), and not moved to the workstation's zone.
    expect(
      await corrections.locator('tr[data-field="items.2.moment"] td').first().textContent(),
    ).toBe('1 jun 2025 14:00');
    await corrections.getByRole('button', { name: 'Identificator 2: poort corrigeren' }).click();
    const form = corrections.getByRole('form', { name: 'Correctie van Identificator 2: poort' });
    await form.getByLabel('Nieuwe waarde: Identificator 2: poort').fill('1500');
    const save = form.getByRole('button', { name: 'Correctie vastleggen' });
    expect(await save.isDisabled()).toBe(true); // the reason is required
    await form
      .getByLabel('Reden van de correctie (verplicht)')
      .fill('Poort per e-mail nagezonden door de aanvrager.');
    await scan('03-correcting');
    await save.click();

    await row(2).getByText('Pieter Bakker').waitFor();
    const made = await corrections.textContent();
    expect(made).toContain('Vastgelegde correcties');
    expect(made).toContain('Poort per e-mail nagezonden door de aanvrager.');
    expect(made).toContain('door olga');
    const timeline = await page.getByRole('region', { name: 'Tijdlijn' }).textContent();
    expect(timeline).toContain('Gecorrigeerd');
    expect(timeline).toContain('Opnieuw gematcht na correctie');
    await scan('04-corrected');
    expect(desk.problems).toEqual([]);
  });
});
