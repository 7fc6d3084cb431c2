// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { installFakeDesk, ok, vaultState } from './support/fake-desk';
import { renderApp } from './support/render-app';

const DEMO_USERS = [
  { name: 'demo-admin', role: 'admin' },
  { name: 'demo-officer', role: 'officer' },
  { name: 'demo-approver', role: 'approver' },
  { name: 'demo-auditor', role: 'auditor' },
  { name: 'demo-importer', role: 'importer' },
] as const;

describe('the demo vault’s unlock screen', () => {
  it('lists the demo users with their roles; picking one fills in the user name', async () => {
    installFakeDesk({
      'vault.state': () =>
        ok(
          vaultState({
            demo: true,
            demoAvailable: true,
            demoSignIn: {
              userName: 'demo-admin',
              passphrase: 'demo wachtwoordzin 2026',
              users: DEMO_USERS.map((u) => ({ ...u })),
            },
          }),
        ),
    });
    const user = userEvent.setup();
    renderApp('/unlock');
    await screen.findByRole('heading', { level: 1, name: 'Aanmelden' });
    const list = screen.getByRole('list', { name: /Demogebruikers/ });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'demo-admin — Beheerder',
      'demo-officer — Behandelaar',
      'demo-approver — Goedkeurder',
      'demo-auditor — Auditor',
      'demo-importer — Importeur',
    ]);
    expect((screen.getByLabelText('Gebruikersnaam') as HTMLInputElement).value).toBe('demo-admin');
    await user.click(
      screen.getByRole('button', { name: 'Aanmelden als demo-officer (Behandelaar)' }),
    );
    expect((screen.getByLabelText('Gebruikersnaam') as HTMLInputElement).value).toBe(
      'demo-officer',
    );
  });
});
