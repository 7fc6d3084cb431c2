import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFixtures } from '../fixtures/requests/seed';
import { DUTY_DESK, requestJson } from '../fixtures/requests/desk';
import { expectAxeClean, screenshot } from './support/browser';
import { createTeamVault, PASS } from './support/desk';
import { openDesk, type E2EDesk } from './support/open-desk';

/** Local wall-clock time in Amsterdam, `minutes` from now, as the register takes it. */
function amsterdamIn(minutes: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() + minutes * 60_000));
  const p = (type: string) => parts.find((x) => x.type === type)!.value;
  return `${p('year')}-${p('month')}-${p('day')}T${p('hour')}:${p('minute')}`;
}

/**
 * First the verification: a request whose call-back names no catalogue channel is not verified
 * (its checks fail, nothing can be disclosed) until the officer records the call-back on the
 * authority's verified channel from the catalogue; the wizard offers only those channels.
 * Then the officer's standard journey after a request is logged, counted: check and match → decide
 * → an approver approves from the queue → the letter is made final. Every real click and key
 * press goes through the counter of whoever sits at the desk. Then an emergency: on the
 * dashboard and in the approver's queue it has its own colour and its hours left.
 */
describe('requests flow', () => {
  let desk: E2EDesk;
  let page: Page;
  let registerNo = '';
  const clicks = { officer: 0, approver: 0 };
  let atDesk: keyof typeof clicks = 'officer';

  const click = async (target: Locator) => {
    clicks[atDesk] += 1;
    await target.click();
  };
  const press = async (key: string) => {
    clicks[atDesk] += 1;
    await page.keyboard.press(key);
  };
  const scan = async (name: string) => {
    await expectAxeClean(page, name);
  };
  const as = async (userName: 'olga' | 'piet') => {
    if (desk.harness.session.user) await desk.must('vault.lock', {});
    await desk.must('vault.unlock', { userName, passphrase: PASS[userName] });
  };
  /** Opens the app afresh and signs in; the passphrase is sent with Enter (one key press). */
  const signInCounted = async (userName: 'olga' | 'piet') => {
    await page.goto(desk.harness.url);
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    await page.getByLabel('Gebruikersnaam').fill(userName);
    await page.getByLabel('Wachtwoordzin').fill(PASS[userName]);
    await press('Enter');
    await page.getByRole('button', { name: 'Vergrendelen' }).waitFor();
  };
  const requestHeading = () =>
    page.getByRole('heading', { level: 1, name: `Verzoek ${registerNo}` });

  beforeAll(async () => {
    desk = await openDesk({ prefix: 'naw-desk-e2e-flow-' });
    page = desk.page;
    await createTeamVault(desk.harness.session, ['olga', 'piet']);
    await importFixtures(desk.harness.session.vault!.db);
    // Logged an hour ago (the wizard is covered by the other journeys) from request JSON whose
    // call-back names no channel: that is no verification.
    await as('olga');
    const at = amsterdamIn(-60);
    registerNo = (
      await desk.must(
        'requests.create',
        requestJson({ receivedAt: at, verification: { method: 'callback', by: 'olga', at } }),
      )
    ).registerNo;
    await desk.must('vault.lock', {});
    await page.goto(desk.harness.url);
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    await page.getByLabel('Gebruikersnaam').fill('olga');
    await page.getByLabel('Wachtwoordzin').fill(PASS.olga);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    await page.getByRole('button', { name: 'Vergrendelen' }).waitFor();
    // Where the wizard leaves the officer after "Registreren": the request's page.
    await page.goto(`${desk.harness.origin}/#/requests/${registerNo}`);
    await requestHeading().waitFor();
  });

  afterAll(() => desk?.close());

  it('a call-back without a catalogue channel is no verification: recorded again on the duty desk', async () => {
    const panel = page.getByRole('region', { name: 'Verificatie' });
    await panel.getByText('Geen kanaal genoemd — telt niet als verificatie').waitFor();
    await panel.getByTestId('verification-does-not-count').waitFor();
    await page.getByText('Gecontroleerd — 1 bezwaar').waitFor();
    await page
      .getByRole('region', { name: 'Het verzoek' })
      .getByText('telt niet: niet geverifieerd')
      .waitFor();
    expect(
      await page
        .getByRole('list', { name: 'Voortgang' })
        .getByText(/^Controleren/)
        .getAttribute('data-state'),
    ).toBe('failed');
    await page
      .getByText(/noemt geen geverifieerd kanaal van Politie – Eenheid Amsterdam/)
      .waitFor();
    expect(await page.getByRole('radio', { name: /^Verstrekken/ }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Besluit vastleggen' }).isDisabled()).toBe(true);
    await scan('verify-01-callback-without-channel');

    // The only verified channel of the authority is offered; the officer called back on it.
    const channel = panel.getByRole('radio', { name: /\+31205595000/ });
    expect(await channel.isChecked()).toBe(true);
    await scan('verify-02-callback-on-catalogue-channel');
    await panel.getByRole('button', { name: 'Verificatie vastleggen' }).click();
    await panel.getByText('+31205595000', { exact: true }).waitFor();
    expect(await panel.getByTestId('verification-does-not-count').count()).toBe(0);
    const r = await desk.must('requests.get', { registerNo });
    expect(r.verified).toBe(true);
    expect(r.verification).toMatchObject({ method: 'callback', channel: DUTY_DESK });
    expect(r.check?.outcome).toBe('proceed');
  });

  it('the wizard offers only the authority’s catalogue channels for a call-back', async () => {
    await page.goto(`${desk.harness.origin}/#/requests/new`);
    await page.getByRole('heading', { level: 1, name: 'Nieuw verzoek' }).waitFor();
    await page.getByLabel('Instantie').selectOption('pol-amsterdam');
    await page.getByLabel('De aanvrager is geverifieerd').check();
    const section = page.getByRole('region', { name: 'Verificatie van de aanvrager' });
    const select = section.getByLabel('Teruggebeld op (uit de catalogus)');
    expect(await select.locator('option').allTextContents()).toEqual([
      'Kies het kanaal waarop u terugbelde',
      'Telefoon: +31205595000',
    ]);
    await page.getByRole('button', { name: 'Registreren' }).click();
    await section.getByText(/zonder kanaal telt het terugbellen niet als verificatie/).waitFor();
    await scan('verify-03-wizard-channel-required');
    await select.selectOption('+31205595000');
    await page.getByLabel('Instantie').selectOption('fiod');
    await section.getByTestId('no-channels').waitFor();
    await scan('verify-04-wizard-no-channels');
    await page.goto(`${desk.harness.origin}/#/requests/${registerNo}`);
    await requestHeading().waitFor();
  });

  it('the checks ran by themselves; check and match is one step; only possible outcomes are offered', async () => {
    await page.getByText('Alle controles geslaagd: het verzoek kan worden gematcht.').waitFor();
    // Time left on the open request, on its page.
    await page
      .getByText(/nog 9 d \d+ u/)
      .first()
      .waitFor();
    // Before matching: disclosing is shown but not possible, with what is needed.
    const disclose = page.getByRole('radio', { name: /^Verstrekken/ });
    expect(await disclose.isDisabled()).toBe(true);
    expect(await page.getByText('Eerst controleren en matchen.').count()).toBeGreaterThan(0);
    await scan('flow-01-logged-checked');

    await click(page.getByRole('button', { name: 'Controleren en matchen', exact: true }));
    const row = (n: number) => page.locator(`tr[data-item="${n}"]`);
    await row(1).getByText('Jan de Vries').waitFor();
    await row(2).getByText('Pieter Bakker').waitFor();
    expect(await disclose.isDisabled()).toBe(false);
    // Nothing is chosen beforehand; disclosing is marked as what the match suggests.
    expect(await disclose.isChecked()).toBe(false);
    expect(await page.getByRole('button', { name: 'Besluit vastleggen' }).isDisabled()).toBe(true);
    expect(await page.locator('label', { has: disclose }).textContent()).toMatch(/voorgesteld/);
    await click(disclose);
    // The decision names the identifiers, not their positions.
    const items = page.getByRole('group', { name: 'Te verstrekken identificatoren' });
    expect(await items.getByLabel('06-12345678').isChecked()).toBe(true);
    expect(await items.getByLabel('203.0.113.5 poort 1500').isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: /^Geen gegevens/ }).isDisabled()).toBe(true);
    await scan('flow-02-checked-and-matched');

    await click(page.getByRole('button', { name: 'Besluit vastleggen' }));
    await page.getByText('wacht op goedkeuring', { exact: true }).waitFor();
    // The letter cannot be made final before approval: disabled, with the reason.
    const issue = page.getByRole('button', { name: 'Brief definitief maken en archiveren' });
    expect(await issue.isDisabled()).toBe(true);
    await page
      .getByText(
        'De brief kan pas definitief worden als een goedkeurder de verstrekking heeft goedgekeurd.',
      )
      .waitFor();
    await scan('flow-03-decided');
    await click(page.getByRole('button', { name: 'Vergrendelen' }));
  });

  it('the approver approves from the queue "Wacht op mijn goedkeuring" in three steps', async () => {
    atDesk = 'approver';
    await signInCounted('piet');
    const queue = page.getByRole('region', { name: 'Wacht op mijn goedkeuring' });
    await queue.getByRole('link', { name: registerNo }).waitFor();
    await scan('flow-04-approver-queue');
    await click(queue.getByRole('link', { name: registerNo }));
    await requestHeading().waitFor();
    await click(page.getByRole('button', { name: 'Goedkeuren' }));
    await page.getByText(/Goedgekeurd door piet/).waitFor();
    await scan('flow-05-approved');
    expect(clicks.approver).toBeLessThanOrEqual(3);
  });

  it('the officer takes the desk back and makes the letter final: at most 8 steps in all', async () => {
    atDesk = 'officer';
    await click(page.getByRole('button', { name: 'Vergrendelen' }));
    await signInCounted('olga');
    await click(page.getByRole('link', { name: registerNo }).first());
    await requestHeading().waitFor();
    const panel = page.getByRole('region', { name: 'Brief aan de aanvrager' });
    await click(panel.getByRole('button', { name: 'Brief definitief maken en archiveren' }));
    await panel.getByTestId('letter-record').waitFor();
    await scan('flow-06-letter-ready');
    expect(clicks.officer, JSON.stringify(clicks)).toBeLessThanOrEqual(8);
    expect(clicks.approver, JSON.stringify(clicks)).toBeLessThanOrEqual(3);
  });

  it('an emergency is unmistakable on the dashboard and in the approver queue: colour and hours left', async () => {
    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await as('olga');
    const at = amsterdamIn(-30);
    const emergency = (
      await desk.must(
        'requests.create',
        requestJson({
          urgency: 'emergency',
          caseReference: 'PL1300-2026099999',
          receivedAt: at,
          verification: { method: 'callback', by: 'olga', at, channel: DUTY_DESK },
        }),
      )
    ).registerNo;
    await desk.must('requests.match', { registerNo: emergency });
    await desk.must('requests.decide', { registerNo: emergency, outcome: 'disclose' });
    await desk.must('vault.lock', {});

    await page.goto(desk.harness.url);
    await page.getByRole('heading', { level: 1, name: 'Aanmelden' }).waitFor();
    await page.getByLabel('Gebruikersnaam').fill('piet');
    await page.getByLabel('Wachtwoordzin').fill(PASS.piet);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    const queue = page.getByRole('region', { name: 'Wacht op mijn goedkeuring' });
    const row = queue.locator('tr', { has: page.getByRole('link', { name: emergency }) });
    await row.waitFor();
    // Deadline 8 hours after receipt, received half an hour ago: 7 hours and some minutes left.
    expect(await row.textContent()).toMatch(/Noodgeval\s*nog 7 u \d+ min/);
    expect(await row.getAttribute('class')).toContain('row--emergency');
    const tile = page.locator('[data-tile="emergency"]');
    expect(await tile.textContent()).toMatch(/1\s*Noodgevallen/);
    await scan('flow-07-emergency-approver');

    await tile.click();
    await page.getByText('Register gefilterd: Noodgevallen').waitFor();
    const shown = page.getByRole('table', { name: 'Noodgevallen' });
    await shown.getByRole('link', { name: emergency }).waitFor();
    expect(await shown.getByRole('link', { name: registerNo }).count()).toBe(0);
    await scan('flow-08-emergency-tile');
    await page.getByRole('link', { name: emergency }).first().click();
    await page.getByRole('heading', { level: 1, name: `Verzoek ${emergency}` }).waitFor();
    await page
      .getByText(/nog 7 u \d+ min/)
      .first()
      .waitFor();
    await screenshot(page, 'flow-09-emergency-request');
    await scan('flow-09-emergency-request');
    expect(desk.problems).toEqual([]);
  });
});
