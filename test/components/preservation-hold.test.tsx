// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { errWorded } from '../../shared/result';
import type { HoldView } from '../../shared/schemas/holds';
import { installFakeDesk, ok, signedIn } from './support/fake-desk';
import { renderApp } from './support/render-app';
import { requestDetail } from './support/request-detail';

const OLGA = { id: 2, name: 'olga', displayName: 'Olga Smit', role: 'officer' as const };
// An admin reads the register but does not handle requests.
const ADMIN_READER = { id: 1, name: 'anna', displayName: 'Anna Admin', role: 'admin' as const };

/** An EPOC-PR's hold placed on 2 Sep 2026 (09:20 Dutch time), ending 1 Nov 2026. */
function hold(over: Partial<HoldView> = {}): HoldView {
  return {
    registerNo: '2026-0001',
    regime: 'epoc',
    state: 'active',
    placedAt: '2026-09-02T07:20:00.000Z',
    placedBy: 'olga',
    until: '2026-11-01T07:15:00.000Z',
    daysLeft: 6,
    extendedAt: null,
    extendedBy: null,
    canExtend: true,
    extensionDays: 30,
    productionRegisterNo: null,
    convertedAt: null,
    endedAt: null,
    endedBy: null,
    endReason: null,
    endNote: null,
    held: { numberAssignments: 1, ipAssignments: 2, customerVersions: 1, customers: 2 },
    ...over,
  };
}
const PROCEEDED = {
  outcome: 'proceed' as const,
  failures: [],
  warnings: [],
  checkedAt: '2026-09-02T07:18:00.000Z',
  checkedBy: 'olga',
};
const NO_MATCH = {
  index: 1,
  status: 'no_match' as const,
  reason: 'no assignment',
  subscribers: [],
  evidence: [],
  matchedAt: '2026-09-02T07:20:00.000Z',
  matchedBy: 'olga',
};
const preservation = (h: HoldView | null) =>
  requestDetail({ status: 'matched', preservation: true, hold: h });

async function holdPanel() {
  const heading = await screen.findByRole('heading', { name: 'Bewaring' });
  return within(heading.closest('section')!);
}

describe('request page: the hold of a preservation order', () => {
  it('shows what the hold keeps, until when and its history; extending sends the request once', async () => {
    const extended = hold({
      until: '2026-12-01T07:15:00.000Z',
      daysLeft: 36,
      extendedAt: '2026-10-26T09:00:00.000Z',
      extendedBy: 'olga',
      canExtend: false,
    });
    const fake = installFakeDesk({
      'vault.state': () => ok(signedIn({ user: OLGA })),
      'requests.get': () => ok(preservation(hold())),
      'requests.extendHold': () => ok(preservation(extended)),
    });
    const user = userEvent.setup();
    renderApp('/requests/2026-0001');
    const panel = await holdPanel();
    expect(panel.getByTestId('hold-state').textContent).toBe('Loopt');
    expect(panel.getByTestId('hold-until').textContent).toBe('1 nov 2026 nog 6 dagen');
    expect(panel.getByTestId('hold-held').textContent).toBe(
      '1 nummertoewijzing, 2 IP-toewijzingen, 1 versie van NAW-gegevens van 2 klanten',
    );
    expect(panel.getByText('Nieuwe einddatum: 1 dec 2026.', { exact: false })).toBeTruthy();
    expect(panel.getByTestId('hold-history').textContent).toBe(
      'Geplaatst op 2 sep 2026 09:20 door olga, tot 1 nov 2026',
    );

    await user.click(panel.getByRole('button', { name: 'Verlengen met 30 dagen' }));
    expect(fake.callsTo('requests.extendHold')).toEqual([{ registerNo: '2026-0001' }]);
    expect(await panel.findByText('Bewaring verlengd tot 1 dec 2026.')).toBeTruthy();
    expect(panel.getByTestId('hold-until').textContent).toBe('1 dec 2026 nog 36 dagen');
    // The history keeps the end the hold was placed with; the extension follows it.
    expect(
      [...panel.getByTestId('hold-history').querySelectorAll('li')].map((li) => li.textContent),
    ).toEqual([
      'Geplaatst op 2 sep 2026 09:20 door olga, tot 1 nov 2026',
      'Verlengd op 26 okt 2026 10:00 door olga',
    ]);
    const again = panel.getByRole('button', { name: 'Verlengen met 30 dagen' });
    expect((again as HTMLButtonElement).disabled).toBe(true);
    expect(again.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(again.getAttribute('aria-describedby')!)!.textContent).toBe(
      'Al verlengd; verlengen kan één keer.',
    );
  });

  it('a refusal from the core is worded in the user’s language', async () => {
    installFakeDesk({
      // The desk is set to English: the page and the core's refusal both read in English.
      'vault.state': () => ok(signedIn({ user: OLGA, language: 'en' })),
      'requests.get': () => ok(preservation(hold())),
      'requests.extendHold': () =>
        errWorded('CONFLICT', 'already extended', 'hold.extendedAlready', {
          no: '2026-0001',
          at: '2026-10-26',
        }),
    });
    const user = userEvent.setup();
    renderApp('/requests/2026-0001', 'en');
    const heading = await screen.findByRole('heading', { name: 'Preservation' });
    const panel = within(heading.closest('section')!);
    await user.click(panel.getByRole('button', { name: 'Extend by 30 days' }));
    const alert = await panel.findByRole('alert');
    expect(alert.textContent).toContain(
      'The hold of request 2026-0001 was extended on 2026-10-26; it can be extended only once.',
    );
    expect(alert.textContent).not.toContain('verlengd');
  });

  it('releasing needs a reason and the confirmation before it is sent', async () => {
    const released = hold({
      state: 'released',
      daysLeft: null,
      canExtend: false,
      endedAt: '2026-10-01T08:00:00.000Z',
      endedBy: 'olga',
      endReason: 'released',
      endNote: 'niet langer nodig volgens de Staatsanwaltschaft',
    });
    const fake = installFakeDesk({
      'vault.state': () => ok(signedIn({ user: OLGA })),
      'requests.get': () => ok(preservation(hold())),
      'requests.releaseHold': () => ok(preservation(released)),
    });
    const user = userEvent.setup();
    renderApp('/requests/2026-0001');
    const panel = await holdPanel();
    const toggle = panel.getByRole('button', { name: 'Bewaring opheffen' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const form = within(panel.getByRole('form', { name: 'Bewaring opheffen' }));
    const submit = form.getByRole('button', { name: 'Bewaring opheffen' }) as HTMLButtonElement;
    await user.type(
      form.getByLabelText('Waarom wordt de bewaring opgeheven?'),
      'niet langer nodig volgens de Staatsanwaltschaft',
    );
    expect(submit.disabled).toBe(true);
    await user.click(form.getByLabelText(/Ik begrijp dat de bewaarde gegevens/));
    expect(submit.disabled).toBe(false);
    await user.click(submit);
    expect(fake.callsTo('requests.releaseHold')).toEqual([
      { registerNo: '2026-0001', reason: 'niet langer nodig volgens de Staatsanwaltschaft' },
    ]);
    expect(await panel.findByText('Bewaring opgeheven.')).toBeTruthy();
    expect(panel.getByTestId('hold-state').textContent).toBe('Opgeheven');
    expect(panel.getByText('Beëindigd op')).toBeTruthy();
    expect(panel.queryByRole('button', { name: /Verlengen|opheffen/ })).toBeNull();
  });

  it('converting names the production request that follows', async () => {
    const converted = hold({
      state: 'converted',
      daysLeft: null,
      canExtend: false,
      productionRegisterNo: '2026-0002',
      convertedAt: '2026-10-01T08:00:00.000Z',
    });
    const fake = installFakeDesk({
      'vault.state': () => ok(signedIn({ user: OLGA })),
      'requests.get': () => ok(preservation(hold())),
      'requests.convertHold': () => ok(preservation(converted)),
    });
    const user = userEvent.setup();
    renderApp('/requests/2026-0001');
    const panel = await holdPanel();
    await user.click(panel.getByRole('button', { name: 'Verstrekkingsbevel volgt' }));
    const form = within(panel.getByRole('form', { name: 'Verstrekkingsbevel volgt' }));
    await user.type(
      form.getByLabelText('Registernummer van het verstrekkingsverzoek'),
      '2026-0002',
    );
    await user.click(form.getByRole('button', { name: 'Bewaren tot de verstrekking' }));
    expect(fake.callsTo('requests.convertHold')).toEqual([
      { registerNo: '2026-0001', production: '2026-0002' },
    ]);
    expect(
      await panel.findByText('De bewaring loopt door tot over 2026-0002 is besloten.'),
    ).toBeTruthy();
    expect(panel.getByTestId('hold-until').textContent).toBe(
      'tot over verstrekkingsverzoek 2026-0002 is besloten ',
    );
    expect(panel.getByRole('link', { name: '2026-0002' }).getAttribute('href')).toBe(
      '#/requests/2026-0002',
    );
    // Once converted the hold is neither extended nor converted again; it can still be released.
    expect(panel.queryByRole('button', { name: /Verlengen/ })).toBeNull();
    expect(panel.queryByRole('button', { name: 'Verstrekkingsbevel volgt' })).toBeNull();
    expect(panel.getByRole('button', { name: 'Bewaring opheffen' })).toBeTruthy();
  });

  it('someone who may not handle requests sees the hold but no actions', async () => {
    installFakeDesk({
      'vault.state': () => ok(signedIn({ user: ADMIN_READER })),
      'requests.get': () => ok(preservation(hold())),
    });
    renderApp('/requests/2026-0001');
    const panel = await holdPanel();
    expect(panel.getByTestId('hold-state').textContent).toBe('Loopt');
    expect(panel.queryAllByRole('button')).toEqual([]);
  });

  it('a preservation order not matched yet says the hold comes with matching', async () => {
    installFakeDesk({
      'vault.state': () => ok(signedIn({ user: OLGA })),
      'requests.get': () => ok(preservation(null)),
    });
    renderApp('/requests/2026-0001');
    const panel = await holdPanel();
    expect(
      panel.getByText(
        'Nog niets bewaard: de bewaring wordt geplaatst zodra het koppelen gegevens vindt.',
      ),
    ).toBeTruthy();
  });

  it('steps end with preserving: a placed hold is the answer, with no decision to disclose', async () => {
    installFakeDesk({
      'vault.state': () => ok(signedIn({ user: OLGA })),
      'requests.get': () =>
        ok({
          ...preservation(hold()),
          check: PROCEEDED,
          verified: true,
          deadlineState: 'closed',
          matches: [{ ...NO_MATCH, status: 'match' }],
        }),
    });
    renderApp('/requests/2026-0001');
    await holdPanel();
    const steps = screen.getByRole('list', { name: 'Voortgang' });
    expect(
      [...steps.querySelectorAll('li')].map((li) => [li.textContent, li.dataset.state]),
    ).toEqual([
      ['Registreren', 'done'],
      ['Verifiëren', 'done'],
      ['Controleren', 'done'],
      ['Matchen', 'done'],
      ['Bewaren', 'done'],
    ]);
    expect(screen.queryByRole('heading', { name: 'Besluit' })).toBeNull();
    expect(screen.queryByText(/te laat/)).toBeNull();
  });

  it('a preservation order that matched nothing is decided without a disclosure on offer', async () => {
    installFakeDesk({
      'vault.state': () => ok(signedIn({ user: OLGA })),
      'requests.get': () =>
        ok({
          ...preservation(null),
          check: PROCEEDED,
          matches: [NO_MATCH],
        }),
    });
    renderApp('/requests/2026-0001');
    const heading = await screen.findByRole('heading', { name: 'Besluit' });
    const panel = within(heading.closest('section')!);
    const disclose = panel.getByRole('radio', { name: /Verstrekken/ }) as HTMLInputElement;
    expect(disclose.disabled).toBe(true);
    expect(document.getElementById(disclose.getAttribute('aria-describedby')!)!.textContent).toBe(
      'Niet bij een bewaringsbevel: wat gevonden is wordt bewaard, verstrekken gebeurt pas op het bevel tot verstrekking dat volgt.',
    );
    expect(
      panel.getByRole('radio', { name: /Geen gegevens/ }).closest('label')!.textContent,
    ).toContain('voorgesteld');
  });

  it('a request that is no preservation order has no hold panel', async () => {
    installFakeDesk({
      'vault.state': () => ok(signedIn({ user: OLGA })),
      'requests.get': () => ok(requestDetail()),
    });
    renderApp('/requests/2026-0001');
    await screen.findByRole('heading', { name: /2026-0001/ });
    expect(screen.queryByRole('heading', { name: 'Bewaring' })).toBeNull();
  });
});
