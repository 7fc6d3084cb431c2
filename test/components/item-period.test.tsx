// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { typeDateTime } from './support/date-time';
import { installFakeDesk, ok, signedIn } from './support/fake-desk';
import { renderApp } from './support/render-app';
import { AUTHORITY, BASIS, OFFICER } from './support/request-catalogue';

function desk() {
  return installFakeDesk({
    'vault.state': () => ok(signedIn({ user: OFFICER })),
    'catalogue.authorities': () => ok([AUTHORITY]),
    'catalogue.legalBases': () => ok([BASIS]),
    'requests.create': () => ok({ registerNo: '2026-0007', status: 'received' as const }),
  });
}

const item = () => within(screen.getByRole('group', { name: 'Identificator 1' }));
const checks = () => [...document.querySelectorAll('[data-check]')].map((e) => e.textContent);

describe('an identifier asked for a moment or a period', () => {
  it('offers moment or period; a period has two date-times, is checked, and is sent as period', async () => {
    const fake = desk();
    const user = userEvent.setup();
    renderApp('/requests/new');
    // The catalogue loads first; under load that can take more than the default second.
    await screen.findByRole('option', { name: AUTHORITY.name }, { timeout: 5000 });
    await user.selectOptions(screen.getByLabelText('Instantie'), 'pol-amsterdam');
    await user.type(screen.getByLabelText('Zaaknummer (PV/BVH of parketnummer)'), 'PL-1');
    await user.type(
      within(screen.getByRole('region', { name: 'Aanvrager' })).getByLabelText('Naam'),
      'J. de Boer',
    );
    await user.type(item().getByLabelText('Nummer of adres'), '06-11111111');

    // A moment by default: one date-time.
    const timing = item().getByLabelText('Moment of periode') as HTMLSelectElement;
    expect(timing.value).toBe('moment');
    expect(item().queryByRole('group', { name: 'Tot' })).toBeNull();

    await user.selectOptions(timing, 'period');
    expect(item().queryByRole('group', { name: 'Moment' })).toBeNull();
    expect(item().getByRole('group', { name: 'Van' })).toBeTruthy();
    expect(item().getByText(/niet tot en met/)).toBeTruthy();

    // The end is required like the start.
    await typeDateTime(user, item(), 'Van', '2025-03-01T00:00');
    await user.click(screen.getByRole('button', { name: 'Registreren' }));
    expect(within(item().getByRole('group', { name: 'Tot' })).getByText('Vul dit veld in.'));
    expect(fake.callsTo('requests.create')).toEqual([]);

    // Said while typing: an end before the start, then a period over the limit.
    await typeDateTime(user, item(), 'Tot', '2025-02-01T00:00');
    expect(checks()).toEqual([
      'Tot: De periode eindigt niet na het begin: ‘tot’ moet later zijn dan ‘van’.',
    ]);
    await typeDateTime(user, item(), 'Van', '2023-01-01T00:00');
    expect(checks()).toEqual([expect.stringContaining('langer dan 366 dagen')]);
    await typeDateTime(user, item(), 'Van', '2025-03-01T00:00');
    await typeDateTime(user, item(), 'Tot', '2025-05-01T00:00');
    expect(checks()).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Registreren' }));
    await waitFor(() => expect(window.location.hash).toBe('#/requests/2026-0007'));
    const sent = fake.callsTo('requests.create') as { items: unknown[] }[];
    expect(sent[0]!.items).toEqual([
      {
        kind: 'phone',
        value: '06-11111111',
        period: { from: '2025-03-01T00:00', to: '2025-05-01T00:00' },
        timeZone: 'Europe/Amsterdam',
      },
    ]);
  });

  it('a period end in the repeated autumn hour says which end, without a zone to pick here', async () => {
    desk();
    const user = userEvent.setup();
    renderApp('/requests/new');
    // The catalogue loads first; under load that can take more than the default second.
    await screen.findByRole('option', { name: AUTHORITY.name }, { timeout: 5000 });
    await user.type(item().getByLabelText('Nummer of adres'), '06-11111111');
    await user.selectOptions(item().getByLabelText('Moment of periode'), 'period');
    await typeDateTime(user, item(), 'Van', '2025-10-01T00:00');
    await typeDateTime(user, item(), 'Tot', '2025-10-26T02:30');
    expect(checks()).toEqual([expect.stringMatching(/^Tot: Dit tijdstip kwam twee keer voor/)]);
    expect(item().queryByRole('button', { name: /Gebruik \+01:00/ })).toBeNull();
    // Back to a moment: the end is no longer asked or checked.
    await user.selectOptions(item().getByLabelText('Moment of periode'), 'moment');
    expect(checks()).toEqual([]);
  });
});
