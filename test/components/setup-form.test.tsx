// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  ADMIN,
  installFakeDesk,
  ok,
  RECOVERY_KEY,
  signedIn,
  vaultState,
} from './support/fake-desk';
import { renderApp } from './support/render-app';

const GOOD_PASS = 'lange wachtzin voor de desk';

function firstRunDesk() {
  let created = false;
  return installFakeDesk({
    'vault.state': () => ok(created ? signedIn() : vaultState({ exists: false, orgName: null })),
    'vault.create': () => {
      created = true;
      return ok({ recoveryKey: RECOVERY_KEY, user: ADMIN });
    },
  });
}

const VALID = { org: 'Testnet B.V.', admin: 'anna', pass: GOOD_PASS, repeat: GOOD_PASS };

/** Opens the setup screen over `desk` (a first run unless given) and types `v` into its fields. */
async function openSetupWith(
  v: { org?: string; admin?: string; pass?: string; repeat?: string },
  desk = firstRunDesk(),
) {
  const user = userEvent.setup();
  renderApp('/setup');
  await screen.findByRole('heading', { level: 1 });
  if (v.org) await user.type(screen.getByLabelText('Naam van de organisatie'), v.org);
  if (v.admin) await user.type(screen.getByLabelText('Gebruikersnaam'), v.admin);
  if (v.pass) await user.type(screen.getByLabelText('Wachtwoordzin'), v.pass);
  if (v.repeat) await user.type(screen.getByLabelText('Herhaal de wachtwoordzin'), v.repeat);
  return { desk, user };
}

describe('first-run setup', () => {
  it('sends a fresh install to setup and refuses an empty form without calling the core', async () => {
    const desk = firstRunDesk();
    const user = userEvent.setup();
    renderApp('/');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Nieuwe kluis inrichten' }),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Kluis aanmaken' }));
    expect(screen.getAllByText('Vul dit veld in.')).toHaveLength(4);
    expect(screen.getByLabelText('Naam van de organisatie').getAttribute('aria-invalid')).toBe(
      'true',
    );
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText('Naam van de organisatie')),
    );
    expect(desk.callsTo('vault.create')).toHaveLength(0);
  });

  it('rejects a passphrase under 12 characters and a bad user name', async () => {
    const { desk, user } = await openSetupWith({
      org: 'Testnet B.V.',
      admin: 'anna admin',
      pass: 'kort-11-tkn',
      repeat: 'kort-11-tkn',
    });
    expect(screen.getByText('te kort')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Kluis aanmaken' }));
    expect(screen.getByText('Een wachtwoordzin heeft minstens 12 tekens.')).toBeTruthy();
    expect(screen.getByText(/Gebruik 2 tot 64 letters/)).toBeTruthy();
    expect(desk.callsTo('vault.create')).toHaveLength(0);
  });

  it('rejects two different passphrases', async () => {
    const { desk, user } = await openSetupWith({ ...VALID, repeat: `${GOOD_PASS}!` });
    await user.click(screen.getByRole('button', { name: 'Kluis aanmaken' }));
    const repeat = screen.getByLabelText('Herhaal de wachtwoordzin');
    expect(repeat.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('De twee wachtwoordzinnen zijn niet gelijk.')).toBeTruthy();
    expect(desk.callsTo('vault.create')).toHaveLength(0);
  });

  it('creates the vault, shows the recovery key once and requires the confirmation to continue', async () => {
    const { desk, user } = await openSetupWith(VALID);
    expect(screen.getByText('sterk')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Kluis aanmaken' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Uw herstelsleutel' }),
    ).toBeTruthy();
    expect(desk.callsTo('vault.create')).toEqual([
      { orgName: 'Testnet B.V.', adminName: 'anna', passphrase: GOOD_PASS, language: 'nl' },
    ]);
    const groups = within(screen.getByTestId('recovery-key')).getAllByRole('listitem');
    expect(groups).toHaveLength(16);
    expect(groups.map((g) => g.querySelector('code')?.textContent).join('-')).toBe(RECOVERY_KEY);
    expect(screen.getByText(/alle gegevens in de kluis voorgoed verloren/)).toBeTruthy();

    // Without the checkbox: an error, and still on the recovery step.
    await user.click(screen.getByRole('button', { name: 'Verder naar de desk' }));
    expect(screen.getByRole('alert').textContent).toContain('Bevestig eerst');
    expect(screen.getByRole('heading', { level: 1, name: 'Uw herstelsleutel' })).toBeTruthy();
    const stateCallsBefore = desk.callsTo('vault.state').length;

    await user.click(screen.getByLabelText(/Ik heb de herstelsleutel opgeschreven/));
    await user.click(screen.getByRole('button', { name: 'Verder naar de desk' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Verzoeken' })).toBeTruthy();
    expect(desk.callsTo('vault.state').length).toBeGreaterThan(stateCallsBefore);
    expect(screen.queryByTestId('recovery-key')).toBeNull();
    expect(document.body.textContent).not.toContain(RECOVERY_KEY.slice(0, 9));
  });

  it('shows the core refusal by code in the UI language', async () => {
    const { user } = await openSetupWith(
      VALID,
      installFakeDesk({
        'vault.state': () => ok(vaultState({ exists: false, orgName: null })),
        'vault.create': () => ({
          ok: false,
          code: 'VAULT_EXISTS',
          message: 'A vault already exists in /x',
        }),
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Kluis aanmaken' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Er staat hier al een kluis; die is niet aangeraakt.');
    expect(alert.textContent).not.toContain('/x');
  });
});
