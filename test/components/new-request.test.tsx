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

describe('logging a new request', () => {
  it('asks for the required fields first, at the fields, starting with the first', async () => {
    const fake = desk();
    const user = userEvent.setup();
    renderApp('/requests/new');
    await screen.findByRole('heading', { level: 1, name: 'Nieuw verzoek' });
    await user.click(screen.getByRole('button', { name: 'Registreren' }));
    // case reference, requester name, the identifier's value and moment
    expect(screen.getAllByText('Vul dit veld in.')).toHaveLength(4);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Instantie')));
    expect(fake.callsTo('requests.create')).toEqual([]);

    // Problems follow the fields once the form was tried.
    await user.type(screen.getByLabelText('Zaaknummer (PV/BVH of parketnummer)'), 'PL-1');
    expect(screen.getAllByText('Vul dit veld in.')).toHaveLength(3);
    for (const c of ['Naam', 'Adres', 'Postcode', 'Woonplaats', 'Nummer', 'Soort dienst'])
      await user.click(
        within(screen.getByRole('group', { name: 'Gevraagde gegevens' })).getByLabelText(c),
      );
    expect(screen.getByText('Kies ten minste één soort gegevens.')).toBeTruthy();
  });

  it('sends what was typed: requester, verification, two identifiers, then opens the request', async () => {
    const fake = desk();
    const user = userEvent.setup();
    renderApp('/requests/new');
    await screen.findByRole('option', { name: AUTHORITY.name });
    await user.selectOptions(screen.getByLabelText('Instantie'), 'pol-amsterdam');
    await user.type(screen.getByLabelText('Zaaknummer (PV/BVH of parketnummer)'), ' PL1300-1 ');
    await typeDateTime(user, screen, 'Ontvangen op', '2026-03-02T09:30');
    await user.selectOptions(screen.getByLabelText('Urgentie'), 'urgent');

    const requester = within(screen.getByRole('region', { name: 'Aanvrager' }));
    await user.type(requester.getByLabelText('Naam'), 'J. de Boer');
    await user.type(requester.getByLabelText('Dienstnummer'), 'AB1234');

    await user.click(screen.getByLabelText('De aanvrager is geverifieerd'));
    const verification = within(
      screen.getByRole('region', { name: 'Verificatie van de aanvrager' }),
    );
    expect((verification.getByLabelText('Door') as HTMLInputElement).value).toBe('olga');
    await typeDateTime(user, verification, 'Wanneer', '2026-03-02T09:40');
    await user.type(verification.getByLabelText('Toelichting'), 'teruggebeld');
    await user.selectOptions(
      verification.getByLabelText('Teruggebeld op (uit de catalogus)'),
      '+31205595000',
    );

    const item = (n: number) => within(screen.getByRole('group', { name: `Identificator ${n}` }));
    await user.type(item(1).getByLabelText('Nummer of adres'), '06-12345678');
    await typeDateTime(user, item(1), 'Moment', '2024-05-01T10:00');
    expect(screen.queryByRole('button', { name: 'Verwijder identificator 1' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Identificator toevoegen' }));
    expect((item(2).getByLabelText('Bronpoort') as HTMLInputElement).disabled).toBe(true);
    await user.selectOptions(item(2).getByLabelText('Soort'), 'ip');
    await user.type(item(2).getByLabelText('Nummer of adres'), '203.0.113.5');
    await user.type(item(2).getByLabelText('Bronpoort'), '1500');
    await typeDateTime(user, item(2), 'Moment', '2025-06-01T14:00');
    await user.click(screen.getByRole('button', { name: 'Identificator toevoegen' }));
    await user.click(screen.getByRole('button', { name: 'Verwijder identificator 3' }));
    expect(screen.queryByRole('group', { name: 'Identificator 3' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Registreren' }));
    await waitFor(() => expect(window.location.hash).toBe('#/requests/2026-0007'));
    expect(fake.callsTo('requests.create')).toEqual([
      {
        authority: 'pol-amsterdam',
        legalBasis: 'sv-126na-1',
        caseReference: 'PL1300-1',
        receivedAt: '2026-03-02T09:30',
        channel: 'email',
        urgency: 'urgent',
        categories: ['name', 'address', 'postcode', 'city', 'number', 'service_type'],
        requester: { name: 'J. de Boer', function: 'opsporingsambtenaar', badge: 'AB1234' },
        verification: {
          method: 'callback',
          by: 'olga',
          at: '2026-03-02T09:40',
          note: 'teruggebeld',
          channel: '+31205595000',
        },
        items: [
          {
            kind: 'phone',
            value: '06-12345678',
            moment: '2024-05-01T10:00',
            timeZone: 'Europe/Amsterdam',
          },
          {
            kind: 'ip',
            value: '203.0.113.5',
            moment: '2025-06-01T14:00',
            timeZone: 'Europe/Amsterdam',
            port: '1500',
          },
        ],
      },
    ]);
  });

  it('shows the core refusal and stays on the form', async () => {
    const fake = desk();
    fake.handlers['requests.create'] = () => ({
      ok: false,
      code: 'BAD_INPUT',
      message: 'items.0.value: not a phone number',
    });
    const user = userEvent.setup();
    renderApp('/requests/new');
    await screen.findByRole('option', { name: AUTHORITY.name });
    await user.selectOptions(screen.getByLabelText('Instantie'), 'pol-amsterdam');
    await user.type(screen.getByLabelText('Zaaknummer (PV/BVH of parketnummer)'), 'PL-1');
    await user.type(
      within(screen.getByRole('region', { name: 'Aanvrager' })).getByLabelText('Naam'),
      'J. de Boer',
    );
    const item = within(screen.getByRole('group', { name: 'Identificator 1' }));
    await user.type(item.getByLabelText('Nummer of adres'), 'geen nummer');
    await typeDateTime(user, item, 'Moment', '2024-05-01T10:00');
    await user.click(screen.getByRole('button', { name: 'Registreren' }));
    expect((await screen.findByRole('alert')).textContent).toContain('not a phone number');
    expect(screen.getByRole('heading', { level: 1, name: 'Nieuw verzoek' })).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: 'Registreren' }) as HTMLButtonElement).disabled,
    ).toBe(false);
  });

  it('a call-back is saved only on one of the authority’s catalogue channels', async () => {
    const fiod = {
      ...AUTHORITY,
      code: 'fiod',
      name: 'Fiscale Inlichtingen- en Opsporingsdienst (FIOD)',
      contacts: [],
    };
    const fake = installFakeDesk({
      'vault.state': () => ok(signedIn({ user: OFFICER })),
      'catalogue.authorities': () => ok([AUTHORITY, fiod]),
      'catalogue.legalBases': () => ok([BASIS]),
      'requests.create': () => ok({ registerNo: '2026-0008', status: 'received' as const }),
    });
    const user = userEvent.setup();
    renderApp('/requests/new');
    await screen.findByRole('option', { name: AUTHORITY.name });
    await user.selectOptions(screen.getByLabelText('Instantie'), 'pol-amsterdam');
    await user.type(screen.getByLabelText('Zaaknummer (PV/BVH of parketnummer)'), 'PL-1');
    await user.type(
      within(screen.getByRole('region', { name: 'Aanvrager' })).getByLabelText('Naam'),
      'J. de Boer',
    );
    const item = within(screen.getByRole('group', { name: 'Identificator 1' }));
    await user.type(item.getByLabelText('Nummer of adres'), '06-12345678');
    await typeDateTime(user, item, 'Moment', '2024-05-01T10:00');
    await user.click(screen.getByLabelText('De aanvrager is geverifieerd'));
    const section = within(screen.getByRole('region', { name: 'Verificatie van de aanvrager' }));

    // Only the authority's verified channels, and a prompt that cannot be chosen.
    const select = section.getByLabelText('Teruggebeld op (uit de catalogus)') as HTMLSelectElement;
    const options = [...select.options].map((o) => [o.value, o.textContent, o.disabled]);
    expect(options).toEqual([
      ['', 'Kies het kanaal waarop u terugbelde', true],
      ['+31205595000', 'Telefoon: +31205595000', false],
    ]);
    await user.click(screen.getByRole('button', { name: 'Registreren' }));
    expect(
      section.getByText(/zonder kanaal telt het terugbellen niet als verificatie/),
    ).toBeTruthy();
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(fake.callsTo('requests.create')).toEqual([]);

    // An authority without a verified channel: no call-back to choose, and where the catalogue is.
    await user.selectOptions(screen.getByLabelText('Instantie'), 'fiod');
    expect(section.queryByLabelText('Teruggebeld op (uit de catalogus)')).toBeNull();
    expect(section.getByTestId('no-channels').textContent).toMatch(
      /geen geverifieerd kanaal in de catalogus \(Instellingen → Catalogus → Instanties\)/,
    );
    await user.click(screen.getByRole('button', { name: 'Registreren' }));
    expect(fake.callsTo('requests.create')).toEqual([]);

    // A signed document needs the document on the request.
    await user.selectOptions(section.getByLabelText('Hoe'), 'signed_document');
    await user.click(screen.getByRole('button', { name: 'Registreren' }));
    expect(section.getByTestId('document-needed').textContent).toMatch(
      /voeg het originele document toe/,
    );
    expect(fake.callsTo('requests.create')).toEqual([]);

    // Back to Amsterdam and its duty desk: the call-back names the channel it was made on.
    await user.selectOptions(section.getByLabelText('Hoe'), 'callback');
    await user.selectOptions(screen.getByLabelText('Instantie'), 'pol-amsterdam');
    await user.selectOptions(
      section.getByLabelText('Teruggebeld op (uit de catalogus)'),
      '+31205595000',
    );
    await user.click(screen.getByRole('button', { name: 'Registreren' }));
    await waitFor(() => expect(window.location.hash).toBe('#/requests/2026-0008'));
    expect(fake.callsTo('requests.create')[0]).toMatchObject({
      authority: 'pol-amsterdam',
      verification: { method: 'callback', channel: '+31205595000' },
    });
  });
});
