import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFixtures } from '../fixtures/requests/seed';
import { epocRequestJson } from '../fixtures/epoc/epoc-request';
import { expectAxeClean, SCREENS_DIR } from './support/browser';
import { fillDateTime } from './support/date-time';
import { createTeamVault, PASS } from './support/desk';
import { openDesk, signIn, type E2EDesk } from './support/open-desk';

const CERTIFICATE = fileURLToPath(
  new URL('../fixtures/intake/epoc/epoc-koeln-emergency.txt', import.meta.url),
);
/** The full-page screenshots, the form's panel and the form's pages of this journey. */
const SHOTS = join(SCREENS_DIR, 'annex3');

/**
 * Answering European Production Orders in Chromium over a real vault. One order goes from the
 * certificate read in through the checks and matching to a disclosure, approved by a second user,
 * and its letter. Another, issued by an authority that may not order subscriber data without a
 * validation, is refused; the officer makes its Annex III form with the reason the checks propose
 * ticked, and the PDF says so.
 */
describe('answering a European Production Order', () => {
  let desk: E2EDesk;
  let page: Page;
  let disclosed = '';
  let refused = '';

  const annex3 = () => page.getByRole('region', { name: 'Annex III-formulier (EPOC)' });
  const shot = async (name: string) => {
    await expectAxeClean(page, name);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    // The form's panel on its own too, readable at full size.
    if ((await annex3().count()) > 0) {
      await annex3().screenshot({ path: join(SHOTS, `${name}-panel.png`) });
    }
  };
  const switchTo = async (user: 'olga' | 'piet') => {
    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await signIn(page, user, PASS[user]);
  };
  const openRequest = async (registerNo: string) => {
    await page.goto(`${desk.harness.origin}/#/requests/${registerNo}`);
    await page.getByRole('heading', { level: 1, name: `Verzoek ${registerNo}` }).waitFor();
  };

  beforeAll(async () => {
    desk = await openDesk({ prefix: 'naw-desk-e2e-epoc-answer-' });
    page = desk.page;
    await createTeamVault(desk.harness.session, ['olga', 'piet']);
    await importFixtures(desk.harness.session.vault!.db);
    await desk.must('vault.lock', {});
    await page.goto(desk.harness.url);
    await signIn(page, 'olga', PASS.olga);
  });

  afterAll(() => desk?.close());

  it('an order read in from its certificate is logged, checked and matched', async () => {
    await page.goto(`${desk.harness.origin}/#/requests/new`);
    await page.getByRole('heading', { level: 1, name: 'Nieuw verzoek' }).waitFor();
    await page.getByText('Tekst plakken').click();
    await page.getByLabel('Tekst van het verzoek').fill(readFileSync(CERTIFICATE, 'utf8'));
    await page.getByRole('button', { name: 'Tekst inlezen' }).click();
    await page.getByRole('region', { name: 'Europees verstrekkingsbevel (EPOC)' }).waitFor();
    // The certificate gives no moment of receipt: the officer enters it (an hour ago).
    await fillDateTime(
      page,
      'Ontvangen op',
      DateTime.now().setZone('Europe/Amsterdam').minus({ hours: 1 }).toFormat("yyyy-MM-dd'T'HH:mm"),
    );
    await page
      .getByRole('group', { name: 'Identificator 1' })
      .getByLabel('Klopt met het document')
      .check();
    await shot('annex3-01-intake');
    await page.getByRole('button', { name: 'Bevestigen en registreren' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /^Verzoek \d{4}-\d{4}$/ });
    await heading.waitFor();
    disclosed = (await heading.textContent())!.replace(/^Verzoek /, '');

    // It came through the e-Evidence system: a known portal.
    const verify = page.getByRole('form', { name: 'Verificatie vastleggen' });
    await verify.getByLabel('Hoe', { exact: true }).selectOption('known_portal');
    await verify.getByRole('button', { name: 'Verificatie vastleggen' }).click();
    await page.getByRole('button', { name: 'Controleren en matchen', exact: true }).click();
    await page.locator('tr[data-item="1"]').getByText('Pieter Bakker').waitFor();
    // An open order could still ask a clarification on the form; nothing is ticked for it.
    await annex3().getByText('Verduidelijking vragen met een Annex III-formulier').waitFor();
    expect(
      await annex3().getByRole('button', { name: 'Annex III-formulier maken' }).isVisible(),
    ).toBe(false);
    await shot('annex3-02-matched');
  });

  it('the officer decides to disclose; another user approves; the letter is made', async () => {
    await page.getByRole('radio', { name: /^Verstrekken/ }).check();
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.getByText('wacht op goedkeuring', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Goedkeuren' }).count()).toBe(0);
    // Awaiting approval the order has no form: it is neither refused nor open.
    await expect.poll(() => annex3().count()).toBe(0);

    await switchTo('piet');
    await openRequest(disclosed);
    await page.getByRole('button', { name: 'Goedkeuren' }).click();
    await page.getByText(/Goedgekeurd door piet/).waitFor();
    await page.getByText('Verstrekt', { exact: true }).first().waitFor();
    await shot('annex3-03-approved');

    await switchTo('olga');
    await openRequest(disclosed);
    const letter = page.getByRole('region', { name: 'Brief aan de aanvrager' });
    await letter.getByRole('button', { name: 'Brief definitief maken en archiveren' }).click();
    await letter
      .getByTestId('letter-status')
      .getByText(/Brief uitgegeven en gearchiveerd/)
      .waitFor();
    // A disclosure is answered by the letter, never by an Annex III form.
    await expect.poll(() => annex3().count()).toBe(0);
    await shot('annex3-04-letter');
  });

  it('an order its issuer may not give alone is refused; its Annex III form ticks reason (f)', async () => {
    await desk.must('vault.unlock', { userName: 'olga', passphrase: PASS.olga });
    ({ registerNo: refused } = await desk.must(
      'requests.create',
      epocRequestJson(
        {
          issuingAuthority: {
            name: 'Polizeipräsidium Köln',
            function: 'other_competent',
            fileReference: 'PP-K-2026-4411',
          },
        },
        { items: [{ kind: 'ip', value: '203.0.113.5', port: 1500, moment: '2025-06-01T14:00' }] },
      ),
    ));
    await openRequest(refused);
    await page.getByRole('radio', { name: /^Weigeren/ }).check();
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.getByText('Geweigerd', { exact: true }).first().waitFor();

    const panel = annex3();
    await panel.waitFor();
    const reason = (letter: string) =>
      panel.getByRole('checkbox', { name: new RegExp(`^\\(${letter}\\)`) });
    // Proposed from the check that found the issuer not allowed, and only that.
    expect(await reason('f').isChecked()).toBe(true);
    for (const other of ['a', 'b', 'c', 'd', 'e', 'g'])
      expect(await reason(other).isChecked()).toBe(false);
    expect(await panel.getByLabel('Taal van het formulier').inputValue()).toBe('de');
    await shot('annex3-05-form');

    // Ticking (g) asks an explanation; the core says so in Dutch.
    await reason('g').check();
    await panel.getByRole('button', { name: 'Annex III-formulier maken' }).click();
    await panel
      .getByText(/^Reden \(g\) van het Annex III-formulier vraagt om een toelichting/)
      .waitFor();
    await shot('annex3-06-explain-missing');
    await reason('g').uncheck();
    await panel
      .getByLabel(/^Toelichting op de redenen/)
      .fill(
        'Die Anordnung einer Polizeibehörde bedarf der Validierung durch ein Gericht oder eine Staatsanwaltschaft.',
      );
    await panel.getByRole('button', { name: 'Annex III-formulier maken' }).click();
    await panel
      .getByTestId('annex3-status')
      .getByText(/Annex III-formulier gemaakt en gearchiveerd/)
      .waitFor();
    await panel.getByRole('img', { name: /^Kopie — pagina 1 van \d+$/i }).waitFor();
    const sha = (await panel.locator('code.hash').textContent())!.trim();
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    // The timeline says it in words, with what the form answered.
    await page
      .getByRole('region', { name: 'Tijdlijn' })
      .getByText(/— olga — Annex III-formulier gemaakt \(weigeren\)$/)
      .waitFor();
    await shot('annex3-07-made');

    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Opslaan als PDF' }).click(),
    ]);
    expect(dl.suggestedFilename()).toBe(`${refused}-annex-III.pdf`);
    const file = join(desk.dir, 'annex3.pdf');
    await dl.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']).toString();
    execFileSync('pdftoppm', ['-png', '-r', '60', file, join(SHOTS, 'annex3-pdf')]);
    expect(text).toContain('ABSCHNITT C');
    expect(text).toContain('PP-K-2026-4411');
    const line = (l: string) => text.split('\n').find((x) => x.includes(`(${l})`)) ?? '';
    expect(line('f')).toContain('☒');
    for (const other of ['a', 'b', 'c', 'd', 'e', 'g']) expect(line(other)).not.toContain('☒');
    expect(text).toContain('Validierung durch ein Gericht');
    expect(desk.problems).toEqual([]);
  });
});
