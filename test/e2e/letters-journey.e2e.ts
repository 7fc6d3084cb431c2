import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/table';
import { runImport } from '../../electron/customers/run-import';
import { requestJson } from '../fixtures/requests/desk';
import { SCREENS_DIR, expectAxeClean, screenshot, tabTo } from './support/browser';
import { fillDateTime } from './support/date-time';
import { createTeamVault, PASS } from './support/desk';
import { openDesk, signIn, type E2EDesk } from './support/open-desk';

const ZOE = 'Zoë Çelik-Øvergård';
/** The current minute on the desk's wall clock (the letter was just issued: sent now). */
const nowLocal = () => DateTime.now().setZone('Europe/Amsterdam').toFormat("yyyy-MM-dd'T'HH:mm");

/** Customer data with diacritics, imported through the real customer import. */
const CUSTOMERS = [
  'customer_id;name;street;house_number;house_number_addition;postcode;city;country;customer_type;valid_from;valid_to',
  `C101;${ZOE};Prinsengracht;263;;1016 GV;Amsterdam;NL;person;2020-01-01;`,
  'C102;Bram Jansen;Lindenlaan;4;;3521 AB;Utrecht;NL;person;2019-01-01;',
].join('\n');
const NUMBERS = [
  'number,customer_id,service,valid_from,valid_to',
  '06-23456789,C101,mobile,2022-01-01,',
  '06-34567890,C102,mobile,2021-01-01,',
].join('\n');

/**
 * The letter journey in Chromium against the real handler table over the loopback
 * harness. Three requests are brought to a final decision through the handler table (that part is
 * the requests journey's subject): a disclosure approved by a second user, a no-data answer and a
 * refusal. The letter part is driven in the UI by the officer: preview (pages as images), issue,
 * the archived letter shown as a copy, download (Save as PDF / Print download the PDF in the
 * browser transport), the PDF's text checked with pdftotext, mark as sent, and then no more sending.
 */
describe('letters journey', () => {
  let desk: E2EDesk;
  let page: Page;
  let dir: string;
  const no = { disclosure: '', noData: '', refusal: '' };

  const must: E2EDesk['must'] = (channel, input) => desk.must(channel, input);
  const as = async (userName: 'admin' | 'olga' | 'piet') => {
    if (desk.harness.session.user) await must('vault.lock', {});
    await must('vault.unlock', { userName, passphrase: PASS[userName] });
  };
  const panel = () => page.getByRole('region', { name: 'Brief aan de aanvrager' });
  const scan = (name: string) => expectAxeClean(page, name);

  async function openRequest(registerNo: string) {
    await page.goto(`${desk.harness.origin}/#/requests/${registerNo}`);
    await page.getByRole('heading', { level: 1, name: `Verzoek ${registerNo}` }).waitFor();
    await panel().waitFor();
  }

  /** Downloads the archived letter with the given button; returns the PDF's text and its PNGs. */
  async function download(button: 'Opslaan als PDF' | 'Afdrukken', name: string) {
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      panel().getByRole('button', { name: button }).click(),
    ]);
    expect(dl.suggestedFilename()).toMatch(/^\d{4}-\d{4}-brief\.pdf$/);
    const file = join(dir, `${name}.pdf`);
    await dl.saveAs(file);
    const pdf = readFileSync(file);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']).toString();
    mkdirSync(SCREENS_DIR, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', file, join(SCREENS_DIR, name)]);
    return { text, sha256: createHash('sha256').update(pdf).digest('hex') };
  }

  /** Preview → issue → archived copy; returns the record's SHA-256 shown in the panel. */
  async function previewAndIssue(registerNo: string, shot: string) {
    await openRequest(registerNo);
    // Nothing of the previously opened request's letter is left on screen.
    await expect.poll(() => panel().getByTestId('letter-record').count()).toBe(0);
    expect(await panel().getByTestId('letter-pages').count()).toBe(0);
    expect(await panel().getByTestId('letter-status').textContent()).toBe('');
    // Keyboard: Tab to the preview button and press Enter.
    await tabTo(page, panel().getByRole('button', { name: 'Voorbeeld bekijken' }), 60);
    await page.keyboard.press('Enter');
    await panel()
      .getByText('Voorbeeld: deze brief is nog niet definitief en niet gearchiveerd.')
      .waitFor();
    const pages = panel().getByRole('img', { name: /^Pagina 1 van \d+$/ });
    await pages.waitFor();
    // Every page image has loaded (the blob: SVG decoded under the CSP).
    const imgs = panel().locator('img.letter-page__img');
    for (let i = 0; i < (await imgs.count()); i++) {
      await expect
        .poll(() =>
          imgs
            .nth(i)
            .evaluate((el) => (el as { complete: boolean; naturalWidth: number }).naturalWidth),
        )
        .toBeGreaterThan(0);
    }
    expect(await panel().getByText('KOPIE').count()).toBe(0);
    await scan(`${shot}-preview`);
    await panel().screenshot({ path: join(SCREENS_DIR, `${shot}-preview-panel.png`) });

    await panel().getByRole('button', { name: 'Brief definitief maken en archiveren' }).click();
    await panel()
      .getByText(/^Kopie van de gearchiveerde brief \(archiefnummer \d+\)/)
      .waitFor();
    await panel()
      .getByTestId('letter-status')
      .getByText(/Brief uitgegeven en gearchiveerd/)
      .waitFor();
    expect(await panel().getByText('KOPIE').count()).toBeGreaterThan(0);
    expect(await panel().getByTestId('letter-sent').textContent()).toBe(
      'Nog niet als verzonden gemarkeerd.',
    );
    // Once issued there is no second issue button.
    expect(
      await panel().getByRole('button', { name: 'Brief definitief maken en archiveren' }).count(),
    ).toBe(0);
    await scan(`${shot}-issued`);
    await panel().screenshot({ path: join(SCREENS_DIR, `${shot}-issued-panel.png`) });
    return (await panel().locator('code.hash').textContent())!.trim();
  }

  /** Marks the letter as sent with method and time, via the keyboard; then it cannot be sent again. */
  async function markSent(
    registerNo: string,
    method: string,
    methodLabel: string,
    at: string,
    shot: string,
  ) {
    const select = panel().getByLabel('Verzonden per');
    await tabTo(page, select, 30);
    await select.selectOption(method);
    await fillDateTime(panel(), 'Verzonden op', at);
    await tabTo(page, panel().getByRole('button', { name: 'Markeren als verzonden' }), 12);
    await page.keyboard.press('Enter');
    await panel()
      .getByText('Vastgelegd als verzonden; de brief kan niet meer worden gewijzigd.')
      .waitFor();
    const sent = (await panel().getByTestId('letter-sent').textContent()) ?? '';
    expect(sent).toContain(`Verzonden per ${methodLabel} op`);
    expect(sent).toContain('vastgelegd door olga');
    expect(await panel().getByRole('button', { name: 'Markeren als verzonden' }).count()).toBe(0);
    expect(await panel().getByLabel('Verzonden per').count()).toBe(0);
    await scan(`${shot}-sent`);

    // After a reload of the page the record still says sent, and the core refuses a second "sent".
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Verzoek ${registerNo}` }).waitFor();
    await panel().getByText(`Verzonden per ${methodLabel} op`, { exact: false }).waitFor();
    await screenshot(page, `${shot}-reopened`);
    expect(await panel().getByRole('button', { name: 'Markeren als verzonden' }).count()).toBe(0);
    const again = await dispatch(desk.harness.session, 'letters.markSent', {
      registerNo,
      method: 'post',
      sentAt: at,
    });
    expect(again.ok).toBe(false);
    const [rec] = await must('letters.list', { registerNo });
    expect(rec!.sent?.method).toBe(method);
  }

  beforeAll(async () => {
    desk = await openDesk({ prefix: 'naw-desk-e2e-letters-' });
    ({ page, dir } = desk);
    await createTeamVault(desk.harness.session, ['olga', 'piet']);
    const db = desk.harness.session.vault!.db;
    for (const [kind, file, body] of [
      ['customers', 'customers.csv', CUSTOMERS],
      ['numbers', 'numbers.csv', NUMBERS],
    ] as const) {
      const path = join(dir, file);
      writeFileSync(path, `${body}\n`);
      const r = await runImport(db, { path, fileName: file, kind, user: 'admin' });
      expect(r.status, JSON.stringify(r)).toBe('committed');
    }

    // The officer brings three requests to a decision; an approver approves the disclosure.
    await as('olga');
    no.disclosure = (
      await must(
        'requests.create',
        requestJson({
          items: [
            { kind: 'phone', value: '06-23456789', moment: '2025-09-12T21:30' },
            { kind: 'phone', value: '06-34567890', moment: '2025-09-12T21:30' },
          ],
        }),
      )
    ).registerNo;
    await must('requests.match', { registerNo: no.disclosure });
    // Item 1 only; name, postcode and city: street, number and kind of service are withheld.
    await must('requests.decide', {
      registerNo: no.disclosure,
      outcome: 'disclose',
      items: [1],
      categories: ['name', 'postcode', 'city'],
    });
    no.noData = (
      await must(
        'requests.create',
        requestJson({
          caseReference: 'PL0900-2026077777',
          items: [{ kind: 'phone', value: '06-45678901', moment: '2025-01-01T10:00' }],
        }),
      )
    ).registerNo;
    await must('requests.match', { registerNo: no.noData });
    await must('requests.decide', { registerNo: no.noData, outcome: 'no_data' });
    no.refusal = (
      await must(
        'requests.create',
        requestJson({
          caseReference: 'PL0500-2026055555',
          categories: ['naw', 'traffic'],
          items: [{ kind: 'phone', value: '06-23456789', moment: '2025-09-12T21:30' }],
        }),
      )
    ).registerNo;
    await must('requests.decide', {
      registerNo: no.refusal,
      outcome: 'refuse',
      reasons: ['Verkeersgegevens vallen niet onder Sv 126na lid 1.'],
    });
    await as('piet');
    await must('requests.approve', { registerNo: no.disclosure });
    await must('vault.lock', {});

    await page.goto(desk.harness.url);
    await signIn(page, 'olga', PASS.olga);
  });

  afterAll(() => desk?.close());

  it('disclosure (approved by piet): preview, issue, archived copy, saved PDF with only what was decided, sent', async () => {
    const sha = await previewAndIssue(no.disclosure, 'letters-01-disclosure');
    expect(await page.getByText('Verstrekt', { exact: true }).count()).toBeGreaterThan(0);
    const { text, sha256 } = await download('Opslaan als PDF', 'letters-01-disclosure-pdf');
    await panel().getByText('De PDF is gedownload.').waitFor();
    // The download is the archived letter, byte for byte.
    expect(sha256).toBe(sha);
    expect(text).toContain(no.disclosure);
    expect(text).toContain('Verstrekking gebruikersgegevens');
    expect(text).toContain(ZOE);
    expect(text).toContain('1016 GV');
    expect(text).toContain('Amsterdam');
    expect(text).toContain('PL1300-2026012345');
    // Withheld: the street and house number, the kind of service; the item not decided.
    for (const absent of ['Prinsengracht', '263', 'mobile', 'mobiel', 'Bram Jansen', 'Lindenlaan'])
      expect(text, absent).not.toContain(absent);
    const rec = (await must('letters.list', { registerNo: no.disclosure }))[0]!;
    expect(rec).toMatchObject({
      kind: 'disclosure',
      approvedBy: 'piet',
      issuedBy: 'olga',
      categories: ['name', 'postcode', 'city'],
      withheld: ['address', 'number', 'service_type'],
    });
    await markSent(
      no.disclosure,
      'secure_email',
      'beveiligde e-mail',
      nowLocal(),
      'letters-01-disclosure',
    );
  });

  it('no data: preview, issue, printed PDF says no data is held for the number', async () => {
    const sha = await previewAndIssue(no.noData, 'letters-02-no-data');
    const { text, sha256 } = await download('Afdrukken', 'letters-02-no-data-pdf');
    await panel().getByText('De PDF is gedownload; druk hem af vanuit uw PDF-lezer.').waitFor();
    expect(sha256).toBe(sha);
    expect(text).toContain(no.noData);
    expect(text).toContain('Geen gebruikersgegevens aanwezig');
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Telefoonnummer 06-45678901');
    expect(flat).toContain(
      'Geen gegevens: deze identificator was op dit tijdstip niet aan een van onze klanten toegekend.',
    );
    expect(text).toContain('PL0900-2026077777');
    for (const absent of [ZOE, 'Bram Jansen', 'Prinsengracht', '1016 GV'])
      expect(text, absent).not.toContain(absent);
    await markSent(no.noData, 'post', 'post', nowLocal(), 'letters-02-no-data');
  });

  it('refusal: preview, issue, PDF gives the reason and discloses nothing', async () => {
    const sha = await previewAndIssue(no.refusal, 'letters-03-refusal');
    const { text, sha256 } = await download('Opslaan als PDF', 'letters-03-refusal-pdf');
    expect(sha256).toBe(sha);
    expect(text).toContain(no.refusal);
    expect(text).toContain('Weigering vordering gebruikersgegevens');
    const flat = text.replace(/\s+/g, ' ');
    // The officer's reason as written; the failed checks worded in Dutch for the authority.
    expect(flat).toContain('Verkeersgegevens vallen niet onder Sv 126na lid 1.');
    expect(flat).toContain(
      'Sv 126na lid 1 biedt geen grondslag voor het vorderen van verkeersgegevens.',
    );
    expect(flat).not.toMatch(/does not allow|NAW desk|traffic/);
    for (const absent of [ZOE, 'Bram Jansen', 'Prinsengracht', '1016 GV', 'Amsterdam 1016'])
      expect(text, absent).not.toContain(absent);
    await markSent(no.refusal, 'portal', 'portaal', nowLocal(), 'letters-03-refusal');
    expect(desk.problems).toEqual([]);
  });
});
