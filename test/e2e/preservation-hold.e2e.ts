import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../renderer/components/format';
import { epocRequestJson } from '../fixtures/epoc/epoc-request';
import { expectAxeClean } from './support/browser';
import { createTeamVault, PASS, seedFormerCustomer } from './support/desk';
import { openDesk, signIn, type E2EDesk } from './support/open-desk';

const DAY_MS = 86_400_000;

/**
 * A European Preservation Order (EPOC-PR) in Chromium over a real vault. It arrived 55 days ago
 * and asks for the subscriber of a number held by a former customer whose data are past their
 * retention period. Matching places the hold: the request page shows it, the dashboard warns that
 * it ends in 5 days, the officer extends it by 30 days (the warning goes), the admin's purge
 * preview says which request keeps that customer and until when, and releasing it is confirmed.
 */
describe('a preservation hold (EPOC-PR)', () => {
  let desk: E2EDesk;
  let page: Page;
  let registerNo = '';
  let receivedAt = '';
  const scan = async (name: string) => {
    await expectAxeClean(page, name);
  };
  const holdPanel = () => page.getByRole('region', { name: 'Bewaring', exact: true });
  const day = (ms: number) => formatDate(new Date(ms).toISOString(), 'nl');

  beforeAll(async () => {
    desk = await openDesk({ prefix: 'naw-desk-e2e-hold-' });
    page = desk.page;
    await createTeamVault(desk.harness.session, ['olga']);
    // K-1 held +31 6 1234 5678 from 2019 to 2023: past retention, so the purge would take it.
    seedFormerCustomer(desk.harness.session.vault!.db, 'admin');
    await desk.must('vault.unlock', { userName: 'olga', passphrase: PASS.olga });
    // Minutes only, as the register takes a moment; 55 days ago, so 5 of its 60 days are left.
    receivedAt = new Date(Date.now() - 55 * DAY_MS).toISOString().slice(0, 16) + 'Z';
    ({ registerNo } = await desk.must(
      'requests.create',
      epocRequestJson(
        { kind: 'preservation' },
        {
          receivedAt,
          verification: { method: 'known_portal', by: 'olga', at: receivedAt },
          items: [{ kind: 'phone', value: '06-12345678', moment: '2022-06-01T10:00' }],
        },
      ),
    ));
    await desk.must('vault.lock', {});
    await page.goto(desk.harness.url);
    await signIn(page, 'olga', PASS.olga);
  });

  afterAll(() => desk?.close());

  it('matching places the hold; the request page shows what it keeps and until when', async () => {
    await page.goto(`${desk.harness.origin}/#/requests/${registerNo}`);
    await holdPanel().getByText('Nog niets bewaard').waitFor();
    await page.getByRole('button', { name: 'Controleren en matchen' }).click();
    const until = Date.parse(receivedAt) + 60 * DAY_MS;
    await holdPanel().getByTestId('hold-state').getByText('Loopt').waitFor();
    expect(await holdPanel().getByTestId('hold-until').innerText()).toBe(
      `${day(until)} nog 5 dagen`,
    );
    expect(await holdPanel().getByTestId('hold-held').innerText()).toBe(
      '1 nummertoewijzing, 1 versie van NAW-gegevens van 1 klant',
    );
    expect(await holdPanel().getByTestId('hold-history').innerText()).toMatch(
      new RegExp(`^Geplaatst op .* door olga, tot ${day(until)}$`),
    );
    // Counts only: the customer's name is nowhere on the panel.
    expect(await holdPanel().getByText('Oud-klant Jansen').count()).toBe(0);
    // The hold is the answer: the steps end with preserving, past its 10 days it is not late,
    // and no decision to disclose is on offer.
    const steps = page.getByRole('list', { name: 'Voortgang' });
    expect(await steps.getByRole('listitem').allInnerTexts()).toEqual([
      'Registreren',
      'Verifiëren',
      'Controleren',
      'Matchen',
      'Bewaren',
    ]);
    expect(await steps.locator('li[data-state="done"]').count()).toBe(5);
    expect(await page.getByText(/te laat/).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Besluit' }).count()).toBe(0);
    // The certificate is named for what it is; the catalogue's authority speaks Dutch.
    const cert = page.getByRole('region', { name: 'Europees bewaringsbevel' });
    await cert.getByText('Zonder onnodige vertraging bewaren (artikel 11)').waitFor();
    expect(await page.getByText('Foreign EU issuing authority').count()).toBe(0);
    await holdPanel().scrollIntoViewIfNeeded();
    await scan('holds-01-request-placed');
  });

  it('the dashboard lists the hold ending within ten days, linking to the request', async () => {
    await page.getByRole('link', { name: 'Verzoeken', exact: true }).first().click();
    const list = page.getByTestId('holds-expiring');
    await list.getByRole('heading', { name: 'Bewaarbevelen die verlopen' }).waitFor();
    expect(await list.getByRole('listitem').innerText()).toBe(
      `${registerNo} — bewaard tot ${day(Date.parse(receivedAt) + 60 * DAY_MS)} nog 5 dagen — nog te verlengen`,
    );
    await list.scrollIntoViewIfNeeded();
    await scan('holds-02-dashboard-expiring');
    // Answered by its hold, so not counted among the requests past their deadline.
    expect(await page.locator('[data-tile="overdue"]').innerText()).toMatch(
      /^0\s+Termijn verstreken$/,
    );
    await list.getByRole('link', { name: registerNo }).click();
    await holdPanel().waitFor();
  });

  it('extending adds 30 days once; the dashboard warning goes', async () => {
    const extend = holdPanel().getByRole('button', { name: 'Verlengen met 30 dagen' });
    const until = Date.parse(receivedAt) + 90 * DAY_MS;
    await holdPanel()
      .getByText(`Nieuwe einddatum: ${day(until)}.`)
      .waitFor();
    await extend.click();
    await holdPanel()
      .getByText(`Bewaring verlengd tot ${day(until)}.`)
      .waitFor();
    expect(await holdPanel().getByTestId('hold-until').innerText()).toBe(
      `${day(until)} nog 35 dagen`,
    );
    expect(await holdPanel().getByTestId('hold-history').innerText()).toMatch(
      /\nVerlengd op .* door olga$/,
    );
    expect(await extend.isDisabled()).toBe(true);
    await holdPanel().getByText('Al verlengd; verlengen kan één keer.').waitFor();
    await holdPanel().scrollIntoViewIfNeeded();
    await scan('holds-03-extended');
    const audit = desk.harness.session
      .vault!.db.prepare(`SELECT user FROM audit_event WHERE action = 'hold.extended'`)
      .all();
    expect(audit).toEqual([{ user: 'olga' }]);

    await page.getByRole('link', { name: 'Terug naar het register' }).click();
    await page.getByRole('heading', { level: 2, name: 'Openstaande verzoeken' }).waitFor();
    expect(await page.getByTestId('holds-expiring').count()).toBe(0);
  });

  it('the purge preview names the held records, the request that keeps them and until when', async () => {
    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await signIn(page, 'admin', PASS.admin);
    await page.getByRole('link', { name: 'Instellingen' }).click();
    await page
      .getByRole('navigation', { name: 'Onderdelen van Instellingen' })
      .getByRole('link', { name: 'Opschonen' })
      .click();
    await page.getByRole('button', { name: 'Toon wat verlopen is' }).click();
    const held = page.getByTestId('purge-held');
    await held.waitFor();
    const row = held.getByRole('row', { name: new RegExp(registerNo) });
    expect(await row.getByRole('cell').allInnerTexts()).toEqual([
      'Loopt',
      day(Date.parse(receivedAt) + 90 * DAY_MS),
      '1 nummertoewijzing, 1 versie van NAW-gegevens van 1 klant',
      '1',
    ]);
    // The held former customer is not among what the purge would delete.
    await page.getByText('Er is niets verlopen.').waitFor();
    await page
      .getByRole('heading', { name: 'Bewaard voor een bewaringsbevel' })
      .scrollIntoViewIfNeeded();
    await scan('holds-04-purge-preview');
  });

  it('releasing asks for a reason and a confirmation; the hold then ends', async () => {
    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await signIn(page, 'olga', PASS.olga);
    await page.goto(`${desk.harness.origin}/#/requests/${registerNo}`);
    await holdPanel().getByRole('button', { name: 'Bewaring opheffen' }).click();
    const form = holdPanel().getByRole('form', { name: 'Bewaring opheffen' });
    const submit = form.getByRole('button', { name: 'Bewaring opheffen' });
    await form
      .getByLabel('Waarom wordt de bewaring opgeheven?')
      .fill('Staatsanwaltschaft Köln: bewaring niet langer nodig');
    expect(await submit.isDisabled()).toBe(true);
    await form.getByLabel(/Ik begrijp dat de bewaarde gegevens/).check();
    await form.scrollIntoViewIfNeeded();
    await scan('holds-05-release-confirm');
    await submit.click();
    await holdPanel().getByText('Bewaring opgeheven.').waitFor();
    await holdPanel().getByTestId('hold-state').getByText('Opgeheven').waitFor();
    // Once ended, the panel says when it ended, not until when it holds.
    await holdPanel().getByText('Beëindigd op', { exact: true }).waitFor();
    await holdPanel().getByText('Wat bewaard werd', { exact: true }).waitFor();
    expect(await holdPanel().getByTestId('hold-history').innerText()).toMatch(
      /\nOpgeheven op .* door olga: Staatsanwaltschaft Köln: bewaring niet langer nodig$/,
    );
    expect(
      await holdPanel()
        .getByRole('button', { name: /Verlengen/ })
        .count(),
    ).toBe(0);
    await holdPanel().scrollIntoViewIfNeeded();
    await scan('holds-06-released');
    expect(desk.problems).toEqual([]);
  });
});
