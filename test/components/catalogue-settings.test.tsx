// @vitest-environment happy-dom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
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
    renderApp('/stats');
    const notice = await screen.findByTestId('shell-purge-due');
    expect(notice.textContent).toContain('Bij 3 gegevens is de bewaartermijn verstreken');
    expect(screen.queryByTestId('four-eyes-banner')).toBeNull();
    await user.click(
      within(notice).getByRole('button', { name: 'Naar opschonen in Instellingen' }),
    );
    await screen.findByRole('heading', { level: 1, name: 'Instellingen' });
    await waitFor(() => expect(screen.queryByTestId('shell-purge-due')).toBeNull());
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
  it('sends nothing until the admin confirms independent verification, then the full record', async () => {
    const { fake } = desk(ADMIN, {});
    const user = userEvent.setup();
    renderApp('/settings');
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
        verifiedAt: new Date().toLocaleDateString('en-CA'),
        verifiedHow: 'politie.nl, centrale gebeld',
        note: '',
        independent: true,
      },
    ]);
  });
});
