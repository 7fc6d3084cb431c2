// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/schemas/settings';
import type { UserRecord } from '../../shared/schemas/users';
import { LANGUAGE_STORAGE_KEY } from '../../renderer/i18n';
import { ADMIN, err, installFakeDesk, ok, signedIn } from './support/fake-desk';
import { renderApp } from './support/render-app';

const PASS = 'een zin voor bert de behandelaar';

function settingsDesk(role: UserRecord['role'] = 'admin') {
  const users: UserRecord[] = [
    { ...ADMIN, createdAt: '2026-01-01T09:00:00.000Z', disabled: false },
  ];
  let settings: Settings = { ...DEFAULT_SETTINGS, language: 'nl', idleLockMinutes: 10 };
  return installFakeDesk({
    'vault.state': () =>
      ok(
        signedIn({
          user: { ...ADMIN, role },
          language: settings.language,
          idleLockMinutes: settings.idleLockMinutes,
        }),
      ),
    'users.list': () => ok([...users]),
    'users.add': (input) => {
      if (users.some((u) => u.name === input.name)) return err('USER_EXISTS', 'exists');
      const u = {
        id: users.length + 1,
        name: input.name,
        displayName: input.displayName ?? input.name,
        role: input.role,
        createdAt: '2026-01-02T09:00:00.000Z',
        disabled: false,
      };
      users.push(u);
      return ok(u);
    },
    'settings.get': () => ok(settings),
    'settings.update': (input) => {
      settings = { ...settings, ...input } as Settings;
      return ok(settings);
    },
    'users.changeOwnPassphrase': () => err('BAD_CREDENTIALS', 'wrong'),
  });
}

describe('settings page', () => {
  it('adds a user with a role and shows them in the list', async () => {
    const desk = settingsDesk();
    const user = userEvent.setup();
    renderApp('/settings');
    await screen.findByRole('cell', { name: 'Anna Admin' });
    const form = screen.getByRole('heading', { name: 'Gebruiker toevoegen' }).closest('form')!;
    const f = within(form);
    await user.type(f.getByLabelText('Gebruikersnaam'), 'bert');
    await user.type(f.getByLabelText('Volledige naam (optioneel)'), 'Bert Jansen');
    await user.selectOptions(f.getByLabelText('Rol'), 'approver');
    expect(f.getByText(/keurt verstrekkingen van anderen goed/)).toBeTruthy();
    await user.type(f.getByLabelText('Eerste wachtwoordzin'), PASS);
    await user.type(f.getByLabelText('Herhaal de wachtwoordzin'), PASS);
    await user.click(f.getByRole('button', { name: 'Gebruiker toevoegen' }));
    await screen.findByRole('cell', { name: 'Bert Jansen' });
    expect(desk.callsTo('users.add')).toEqual([
      { name: 'bert', displayName: 'Bert Jansen', role: 'approver', passphrase: PASS },
    ]);
    expect(within(screen.getByRole('table')).getByText('Goedkeurder')).toBeTruthy();
    expect((f.getByLabelText('Eerste wachtwoordzin') as HTMLInputElement).value).toBe('');
  });

  it('explains a duplicate user name', async () => {
    settingsDesk();
    const user = userEvent.setup();
    renderApp('/settings');
    await screen.findByRole('cell', { name: 'Anna Admin' });
    const f = within(screen.getByRole('heading', { name: 'Gebruiker toevoegen' }).closest('form')!);
    await user.type(f.getByLabelText('Gebruikersnaam'), 'admin');
    await user.type(f.getByLabelText('Eerste wachtwoordzin'), PASS);
    await user.type(f.getByLabelText('Herhaal de wachtwoordzin'), PASS);
    await user.click(f.getByRole('button', { name: 'Gebruiker toevoegen' }));
    expect((await f.findByRole('alert')).textContent).toContain(
      'Er bestaat al een gebruiker met deze naam',
    );
  });

  it('saves the idle-lock minutes within 1–240 only', async () => {
    const desk = settingsDesk();
    const user = userEvent.setup();
    renderApp('/settings/general');
    const minutes = await screen.findByLabelText('Automatisch vergrendelen na (minuten)');
    await waitFor(() => expect((minutes as HTMLInputElement).value).toBe('10'));
    await user.clear(minutes);
    await user.type(minutes, '500');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(screen.getByText('Kies een geheel getal binnen het aangegeven bereik.')).toBeTruthy();
    expect(desk.callsTo('settings.update')).toHaveLength(0);
    await user.clear(minutes);
    await user.type(minutes, '5');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    await screen.findByText('De instellingen zijn opgeslagen.');
    expect(desk.callsTo('settings.update')).toEqual([{ idleLockMinutes: 5, language: 'nl' }]);
  });

  it('shows an officer their own passphrase form and no admin section', async () => {
    const desk = settingsDesk('officer');
    const user = userEvent.setup();
    renderApp('/settings/passphrase');
    await screen.findByRole('heading', { level: 2, name: 'Eigen wachtwoordzin wijzigen' });
    expect(screen.queryByRole('heading', { name: 'Gebruikers' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Algemeen' })).toBeNull();
    expect(desk.callsTo('users.list')).toHaveLength(0);
    await user.type(screen.getByLabelText('Huidige wachtwoordzin'), 'niet de goede');
    await user.type(screen.getByLabelText('Nieuwe wachtwoordzin'), PASS);
    await user.type(screen.getByLabelText('Herhaal de wachtwoordzin'), PASS);
    await user.click(screen.getByRole('button', { name: 'Wachtwoordzin wijzigen' }));
    expect((await screen.findByRole('alert')).textContent).toContain('onjuiste wachtwoordzin');
  });
});

describe('language', () => {
  it("uses the desk's default language until this workstation chooses one", async () => {
    installFakeDesk({ 'vault.state': () => ok(signedIn({ language: 'en' })) });
    renderApp('/settings');
    expect(await screen.findByRole('heading', { level: 1, name: 'Settings' })).toBeTruthy();
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBeNull();
  });

  it('keeps the workstation choice over the desk default', async () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'nl');
    installFakeDesk({ 'vault.state': () => ok(signedIn({ language: 'en' })) });
    renderApp('/settings', 'nl');
    expect(await screen.findByRole('heading', { level: 1, name: 'Instellingen' })).toBeTruthy();
  });
});

describe('sub-navigation', () => {
  const navLinks = () =>
    within(screen.getByRole('navigation', { name: 'Onderdelen van Instellingen' }))
      .getAllByRole('link')
      .map((l) => [l.textContent, l.getAttribute('aria-current')]);

  it('offers an admin every section in groups, opens the first and marks the open one', async () => {
    settingsDesk();
    const user = userEvent.setup();
    const { router } = renderApp('/settings');
    await screen.findByRole('cell', { name: 'Anna Admin' });
    expect(router.state.location.pathname).toBe('/settings/users');
    expect(navLinks()).toEqual([
      ['Gebruikers', 'page'],
      ['Organisatie en briefhoofd', null],
      ['Algemeen', null],
      ['Termijnen en importregels', null],
      ['Vier ogen, statistiek en bewaartermijnen', null],
      ['Instanties en contactkanalen', null],
      ['Wettelijke grondslagen', null],
      ['Opschonen', null],
      ['Back-up', null],
      ['Mijn wachtwoordzin', null],
    ]);
    const nav = screen.getByRole('navigation', { name: 'Onderdelen van Instellingen' });
    expect(within(nav).getByRole('list', { name: 'Catalogus' })).toBeTruthy();
    // The page opens with focus on its own heading; one section at a time.
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Gebruikers',
    ]);

    await user.click(within(nav).getByRole('link', { name: 'Algemeen' }));
    const general = await screen.findByRole('heading', { level: 2, name: 'Algemeen' });
    await waitFor(() => expect(document.activeElement).toBe(general));
    expect(router.state.location.pathname).toBe('/settings/general');
    expect(screen.queryByRole('heading', { name: 'Gebruikers', level: 2 })).toBeNull();
    expect(within(nav).getByRole('link', { name: 'Algemeen' }).getAttribute('aria-current')).toBe(
      'page',
    );
  });

  it('offers an officer the catalogue and their passphrase, and no admin section by address', async () => {
    const desk = settingsDesk('officer');
    desk.handlers['catalogue.view'] = () => ok({ authorities: [], legalBases: [] });
    const { router } = renderApp('/settings/users');
    await screen.findByRole('heading', {
      level: 2,
      name: 'Instanties en geverifieerde contactkanalen',
    });
    expect(router.state.location.pathname).toBe('/settings/authorities');
    expect(navLinks()).toEqual([
      ['Instanties en contactkanalen', 'page'],
      ['Wettelijke grondslagen', null],
      ['Mijn wachtwoordzin', null],
    ]);
    expect(desk.callsTo('users.list')).toHaveLength(0);
  });
});

describe('import rules', () => {
  it('saves the snapshot mass-close share within 0–100 only', async () => {
    const desk = settingsDesk();
    const user = userEvent.setup();
    renderApp('/settings/deadlines');
    const section = (
      await screen.findByRole('heading', { level: 2, name: 'Regels voor de import' })
    ).closest('section')!;
    const f = within(section);
    const share = await f.findByLabelText('Een momentopname mag hoogstens dit deel beëindigen (%)');
    await waitFor(() => expect((share as HTMLInputElement).value).toBe('5'));
    expect(f.getByText(/0 = elke beëindiging laten bevestigen/)).toBeTruthy();
    await user.clear(share);
    await user.type(share, '101');
    await user.click(f.getByRole('button', { name: 'Importregels opslaan' }));
    expect(f.getByText('Kies een geheel getal binnen het aangegeven bereik.')).toBeTruthy();
    await user.clear(share);
    await user.type(share, '2.5');
    await user.click(f.getByRole('button', { name: 'Importregels opslaan' }));
    expect(f.getByText('Kies een geheel getal binnen het aangegeven bereik.')).toBeTruthy();
    expect(desk.callsTo('settings.update')).toHaveLength(0);
    await user.clear(share);
    await user.type(share, '0');
    await user.click(f.getByRole('button', { name: 'Importregels opslaan' }));
    await f.findByText('De importregels zijn opgeslagen. Ze gelden voor de volgende import.');
    expect(desk.callsTo('settings.update')).toEqual([{ snapshotMaxClosePercent: 0 }]);
    expect(f.queryByText('Kies een geheel getal binnen het aangegeven bereik.')).toBeNull();
  });
});
