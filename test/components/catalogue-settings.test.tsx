// @vitest-environment happy-dom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CatalogueView } from '../../shared/schemas/catalogue';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/schemas/settings';
import { SETTINGS_CHANGED } from '../../renderer/pages/settings/settings-events';
import { ADMIN, installFakeDesk, ok, signedIn } from './support/fake-desk';
import { renderApp } from './support/render-app';

const OFFICER = { id: 2, name: 'olga', displayName: 'Olga Officier', role: 'officer' as const };
const BANNER = 'Vier-ogen-principe staat UIT — elke verstrekking wordt als één-persoons gemarkeerd';

function view(): CatalogueView {
  return {
    authorities: [
      {
        code: 'pol-lo',
        name: 'Politie – Landelijke Eenheid Operaties (LO)',
        kind: 'police',
        legacy: false,
        replacedBy: [],
        contacts: [],
        note: '',
        active: true,
        requestCount: 2,
      },
    ],
    legalBases: [],
  };
}

function desk(user: typeof ADMIN | typeof OFFICER, over: Partial<Settings> = {}) {
  const state = { settings: { ...DEFAULT_SETTINGS, ...over } as Settings, purgeDue: 3 };
  const fake = installFakeDesk({
    'vault.state': () => ok(signedIn({ user })),
    'settings.get': () => ok(state.settings),
    'ops.purgeDue': () => ok({ due: state.purgeDue > 0, total: state.purgeDue, categories: [] }),
    'catalogue.view': () => ok(view()),
    'catalogue.addContact': (input) =>
      ok({
        ...view().authorities[0]!,
        contacts: [
          {
            id: 'c1',
            kind: input.kind,
            value: '+31886623300',
            verifiedAt: input.verifiedAt,
            verifiedBy: input.verifiedBy,
            verifiedHow: input.verifiedHow,
            note: input.note,
            addedBy: 'admin',
            addedAt: '2026-03-02T10:00:00.000Z',
          },
        ],
      }),
  });
  return { fake, state };
}

describe('shell notices', () => {
  it('shows every user a loud banner while four eyes is off; officers are never asked about purges', async () => {
    const { fake } = desk(OFFICER, { fourEyes: false });
    renderApp('/requests');
    const banner = await screen.findByTestId('four-eyes-banner');
    expect(banner.textContent).toContain(BANNER);
    expect(within(banner).queryByRole('button')).toBeNull();
    expect(fake.callsTo('ops.purgeDue')).toEqual([]);
    expect(screen.queryByTestId('shell-purge-due')).toBeNull();
  });

  it('tells an admin a purge is due and takes them to the purge section in Settings', async () => {
    desk(ADMIN);
    const user = userEvent.setup();
    const { router } = renderApp('/stats');
    const notice = await screen.findByTestId('shell-purge-due');
    expect(notice.textContent).toContain('Bij 3 gegevens is de bewaartermijn verstreken');
    expect(screen.queryByTestId('four-eyes-banner')).toBeNull();
    await user.click(
      within(notice).getByRole('button', { name: 'Naar opschonen in Instellingen' }),
    );
    // The purge section's own notice (its loaded content), and focus on its heading with it.
    await screen.findByTestId('purge-due');
    expect(document.activeElement).toBe(
      screen.getByRole('heading', { level: 2, name: 'Bewaartermijnen en opschonen' }),
    );
    expect(router.state.location.pathname).toBe('/settings/retention');
    expect(screen.queryByTestId('shell-purge-due')).toBeNull();
    // Elsewhere in Settings the shell keeps telling.
    await user.click(screen.getByRole('link', { name: 'Back-up' }));
    await screen.findByTestId('shell-purge-due');
  });

  it('the four-eyes banner takes an admin to the policy, focused once it has loaded', async () => {
    desk(ADMIN, { fourEyes: false });
    const user = userEvent.setup();
    const { router } = renderApp('/stats');
    const banner = await screen.findByTestId('four-eyes-banner');
    await user.click(within(banner).getByRole('button', { name: 'Naar de instelling' }));
    await screen.findByTestId('four-eyes-off');
    expect(document.activeElement).toBe(
      screen.getByRole('heading', { level: 2, name: 'Vier ogen, statistiek en bewaartermijnen' }),
    );
    expect(router.state.location.pathname).toBe('/settings/policy');
    // The instruction is used once: the location no longer names the heading.
    expect(router.state.location.state).toBeNull();
  });

  it('asks again when a settings form announces a change', async () => {
    const { state } = desk(ADMIN);
    state.purgeDue = 0;
    renderApp('/stats');
    await screen.findByRole('link', { name: 'Instellingen' });
    expect(screen.queryByTestId('four-eyes-banner')).toBeNull();
    state.settings = { ...state.settings, fourEyes: false };
    act(() => {
      window.dispatchEvent(new Event(SETTINGS_CHANGED));
    });
    expect((await screen.findByTestId('four-eyes-banner')).textContent).toContain(BANNER);
  });
});

describe('verified contact channel form', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends nothing until the admin confirms independent verification, then the full record', async () => {
    // 23:35 UTC is already the next day in Amsterdam: the pre-filled date is the desk's day,
    // whatever zone the workstation (or the test machine) is in.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-03T23:35:00Z') });
    const { fake } = desk(ADMIN, {});
    const user = userEvent.setup();
    renderApp('/settings/authorities');
    await user.click(
      await screen.findByRole('button', {
        name: 'Politie – Landelijke Eenheid Operaties (LO) bewerken',
      }),
    );
    const editor = screen.getByRole('group', { name: /Landelijke Eenheid Operaties/ });
    expect(within(editor).getByText(/2 verzoek\(en\) verwijzen hiernaar/)).toBeTruthy();
    // A referenced authority offers no remove button.
    expect(within(editor).queryByRole('button', { name: 'Verwijderen' })).toBeNull();
    const form = within(editor)
      .getByRole('heading', { name: 'Geverifieerd kanaal toevoegen' })
      .closest('form')!;
    const f = within(form);
    await user.type(f.getByLabelText('Gegevens'), '088 662 33 00');
    await user.type(f.getByLabelText('Hoe geverifieerd'), 'politie.nl, centrale gebeld');
    await user.click(f.getByRole('button', { name: 'Kanaal toevoegen' }));
    expect(await f.findByText('Bevestig dat het kanaal zelfstandig is geverifieerd.')).toBeTruthy();
    expect(fake.callsTo('catalogue.addContact')).toEqual([]);

    await user.click(f.getByLabelText(/zelfstandig geverifieerd en niet overgenomen/));
    await user.click(f.getByRole('button', { name: 'Kanaal toevoegen' }));
    expect(await f.findByText('Het kanaal is toegevoegd.')).toBeTruthy();
    expect(fake.callsTo('catalogue.addContact')).toEqual([
      {
        authority: 'pol-lo',
        kind: 'phone',
        value: '088 662 33 00',
        verifiedBy: 'Anna Admin',
        verifiedAt: '2026-12-04',
        verifiedHow: 'politie.nl, centrale gebeld',
        note: '',
        independent: true,
      },
    ]);
  });
});

describe('the catalogue for those who handle requests', () => {
  const CONTACT = {
    id: 'c1',
    kind: 'phone' as const,
    value: '+31886623300',
    verifiedAt: '2026-02-20',
    verifiedBy: 'Anna de Vries',
    verifiedHow: 'politie.nl/contact, centrale gebeld en doorverbonden',
    note: 'Meldkamer, dag en nacht',
    addedBy: 'admin',
    addedAt: '2026-02-20T10:00:00.000Z',
  };
  const BASIS = {
    code: 'sv-126na-1',
    article: 'Sv 126na lid 1',
    shortName: 'Vordering gebruikersgegevens',
    issuers: ['opsporingsambtenaar' as const],
    categories: ['name' as const, 'address' as const],
    action: 'HANDLE' as const,
    versionDate: '2026-01-01',
    validFrom: null,
    validUntil: null,
    requiresRcAuthorisation: false,
    unverified: false,
    note: '',
    active: true,
    requestCount: 4,
  };

  function officerDesk() {
    const { fake } = desk(OFFICER);
    const base = view();
    fake.handlers['catalogue.view'] = () =>
      ok({
        authorities: [
          { ...base.authorities[0]!, contacts: [CONTACT] },
          { ...base.authorities[0]!, code: 'pol-oost', name: 'Politie Oost-Nederland' },
        ],
        legalBases: [BASIS],
      });
    return fake;
  }

  it('shows an officer each authority with its verified channels — who, when, how — and nothing to edit', async () => {
    const fake = officerDesk();
    const user = userEvent.setup();
    renderApp('/settings');
    const heading = await screen.findByRole('heading', {
      level: 2,
      name: 'Instanties en geverifieerde contactkanalen',
    });
    const section = within(heading.closest('section')!);
    const lo = await section.findByRole('row', { name: /Landelijke Eenheid Operaties/ });
    expect(within(lo).getByText('+31886623300')).toBeTruthy();
    expect(lo.textContent).toContain('Telefoon: +31886623300');
    expect(lo.textContent).toContain('Meldkamer, dag en nacht');
    expect(lo.textContent).toContain(
      'Geverifieerd door Anna de Vries op 20 feb 2026: politie.nl/contact, centrale gebeld en doorverbonden',
    );
    const oost = section.getByRole('row', { name: /Politie Oost-Nederland/ });
    expect(oost.textContent).toContain('Geen geverifieerd kanaal.');
    // Read-only: no button at all, the search field the only input.
    expect(section.queryAllByRole('button')).toEqual([]);
    expect(section.getAllByRole('searchbox')).toHaveLength(1);
    expect(section.queryAllByRole('textbox')).toEqual([]);
    await user.type(section.getByRole('searchbox', { name: 'Zoek een instantie' }), 'oost');
    expect(section.queryByRole('row', { name: /Landelijke Eenheid Operaties/ })).toBeNull();

    await user.click(screen.getByRole('link', { name: 'Wettelijke grondslagen' }));
    const bases = within(
      (await screen.findByRole('heading', { level: 2, name: 'Wettelijke grondslagen' })).closest(
        'section',
      )!,
    );
    const row = await bases.findByRole('row', { name: /Sv 126na lid 1/ });
    expect(row.textContent).toContain('Afhandelen (NAW)');
    expect(row.textContent).toContain('Opsporingsambtenaar');
    expect(bases.queryAllByRole('button')).toEqual([]);
    expect(fake.calls.filter((c) => !/\.(view|get|state|activity)$/.test(c.channel))).toEqual([]);
  });
});
