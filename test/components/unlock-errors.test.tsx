// @vitest-environment happy-dom
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '../../renderer/i18n';
import { ADMIN, installFakeDesk, ok, signedIn, vaultState } from './support/fake-desk';
import { renderApp } from './support/render-app';

const badCredentials = (attempts: number, delayMs: number) => ({
  ok: false as const,
  code: 'BAD_CREDENTIALS' as const,
  message: 'Unknown user or wrong passphrase.',
  details: { attempts, delayMs },
});

describe('unlock', () => {
  it('asks for both fields before calling the core', async () => {
    const desk = installFakeDesk({ 'vault.state': () => ok(vaultState()) });
    const user = userEvent.setup();
    renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Aanmelden' });
    expect(screen.getByText('Testnet B.V.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Ontgrendelen' }));
    expect(screen.getAllByText('Vul dit veld in.')).toHaveLength(2);
    expect(desk.callsTo('vault.unlock')).toHaveLength(0);
  });

  it('shows a wrong passphrase clearly, clears the field and keeps the user on the screen', async () => {
    let attempts = 0;
    const desk = installFakeDesk({
      'vault.state': () => ok(vaultState()),
      'vault.unlock': () => badCredentials(++attempts, 0),
    });
    const user = userEvent.setup();
    renderApp('/unlock');
    await screen.findByRole('heading', { level: 1, name: 'Aanmelden' });
    await user.type(screen.getByLabelText('Gebruikersnaam'), 'admin');
    await user.type(screen.getByLabelText('Wachtwoordzin'), 'verkeerde zin');
    await user.click(screen.getByRole('button', { name: 'Ontgrendelen' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Onbekende gebruiker of onjuiste wachtwoordzin');
    expect(alert.textContent).not.toContain('vertraagd');
    expect((screen.getByLabelText('Wachtwoordzin') as HTMLInputElement).value).toBe('');
    expect(desk.callsTo('vault.unlock')).toEqual([
      { userName: 'admin', passphrase: 'verkeerde zin' },
    ]);
    expect(screen.getByRole('heading', { level: 1, name: 'Aanmelden' })).toBeTruthy();
  });

  it('shows the delay after repeated failures', async () => {
    installFakeDesk({
      'vault.state': () => ok(vaultState()),
      'vault.unlock': () => badCredentials(4, 2000),
    });
    const user = userEvent.setup();
    renderApp('/unlock');
    await screen.findByRole('heading', { level: 1, name: 'Aanmelden' });
    await user.type(screen.getByLabelText('Gebruikersnaam'), 'admin');
    await user.type(screen.getByLabelText('Wachtwoordzin'), 'nog steeds fout');
    await user.click(screen.getByRole('button', { name: 'Ontgrendelen' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('4 mislukte pogingen achter elkaar.');
    expect(alert.textContent).toContain('Deze poging is 2 s vertraagd.');
    expect(alert.textContent).toContain('Een volgende foute poging wordt 4 s vertraagd.');
  });

  it('signs in and opens the first section the role may use', async () => {
    let unlocked = false;
    installFakeDesk({
      'vault.state': () =>
        ok(unlocked ? signedIn({ user: { ...ADMIN, role: 'auditor' } }) : vaultState()),
      'vault.unlock': () => {
        unlocked = true;
        return ok({ ...ADMIN, role: 'auditor' as const });
      },
      'audit.list': () => ok({ events: [], total: 0 }),
    });
    const user = userEvent.setup();
    renderApp('/unlock');
    await screen.findByRole('heading', { level: 1, name: 'Aanmelden' });
    await user.type(screen.getByLabelText('Gebruikersnaam'), 'admin');
    await user.type(screen.getByLabelText('Wachtwoordzin'), 'de goede zin hier');
    await user.click(screen.getByRole('button', { name: 'Ontgrendelen' }));
    // An auditor may not read requests: the first section they may open is Statistics.
    expect(await screen.findByRole('heading', { level: 1, name: 'Statistiek' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Hoofdmenu' });
    expect([...nav.querySelectorAll('a')].map((a) => a.textContent)).toEqual([
      'Statistiek',
      'Auditlog',
      'Instellingen',
    ]);
  });

  it('refuses a bad recovery key with a message in the UI language', async () => {
    installFakeDesk({
      'vault.state': () => ok(vaultState()),
      'vault.restoreAccess': () => ({ ok: false, code: 'BAD_RECOVERY_KEY', message: 'no' }),
    });
    const user = userEvent.setup();
    renderApp('/unlock');
    await screen.findByRole('heading', { level: 1, name: 'Aanmelden' });
    const toggle = screen.getByRole('button', { name: 'Toegang herstellen met de herstelsleutel' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await user.type(screen.getByLabelText('Gebruikersnaam van de beheerder'), 'admin');
    await user.type(screen.getByLabelText('Herstelsleutel'), 'ABCD-0000');
    await user.type(screen.getByLabelText('Nieuwe wachtwoordzin'), 'een nieuwe lange zin');
    await user.type(screen.getByLabelText('Herhaal de wachtwoordzin'), 'een nieuwe lange zin');
    await user.click(screen.getByRole('button', { name: 'Nieuwe wachtwoordzin instellen' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Deze herstelsleutel opent deze kluis niet',
    );
  });

  it('switches to English and remembers the choice', async () => {
    installFakeDesk({ 'vault.state': () => ok(vaultState()) });
    const user = userEvent.setup();
    renderApp('/unlock');
    await screen.findByRole('heading', { level: 1, name: 'Aanmelden' });
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('session loss', () => {
  it('sends the user to the unlock screen when any call answers LOCKED', async () => {
    let locked = false;
    installFakeDesk({
      'vault.state': () => ok(locked ? vaultState() : signedIn()),
      'audit.list': () => {
        locked = true; // the core's idle timer closed the vault
        return { ok: false, code: 'LOCKED', message: 'The vault is locked. Sign in again.' };
      },
      'audit.verify': () =>
        ok({ intact: true, checked: 0, head: { seq: 0, hash: '0' }, brokenAt: null }),
    });
    renderApp('/audit');
    expect(await screen.findByRole('heading', { level: 1, name: 'Aanmelden' })).toBeTruthy();
    expect(screen.getByText(/Uw sessie is beëindigd/)).toBeTruthy();
  });

  it('locks after the idle minutes without activity, and pings the core at most every 30 s', async () => {
    let locked = false;
    const desk = installFakeDesk({
      'vault.state': () => ok(locked ? vaultState() : signedIn({ idleLockMinutes: 1 })),
      'vault.lock': () => {
        locked = true;
        return ok({ done: true as const });
      },
      'session.activity': () => ok({ done: true as const }),
    });
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    try {
      renderApp('/settings');
      await screen.findByRole('heading', { level: 1, name: 'Instellingen' });
      // Activity every 10 s for 40 s: the core hears about it once (after ≥ 30 s), no lock.
      for (let i = 0; i < 4; i++) {
        act(() => vi.advanceTimersByTime(10_000));
        act(() => void window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift' })));
      }
      expect(desk.callsTo('session.activity')).toHaveLength(1);
      expect(desk.callsTo('vault.lock')).toHaveLength(0);
      // Then a minute of nothing: the UI locks the vault and shows the unlock screen.
      act(() => vi.advanceTimersByTime(61_000));
      await waitFor(() => expect(desk.callsTo('vault.lock')).toHaveLength(1));
      expect(await screen.findByRole('heading', { level: 1, name: 'Aanmelden' })).toBeTruthy();
      expect(screen.getByText(/omdat er een tijd niet met de desk is gewerkt/)).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });
});
