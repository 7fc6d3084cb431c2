// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../shared/schemas/intake';
import { installFakeDesk, ok, signedIn } from './support/fake-desk';
import { renderApp } from './support/render-app';
import { AUTHORITY, BASIS, OFFICER } from './support/request-catalogue';

const EU_AUTHORITY = {
  ...AUTHORITY,
  code: 'eu-issuing',
  name: 'Foreign EU issuing authority',
  kind: 'foreign' as const,
};
const EU_BASIS = {
  ...BASIS,
  code: 'eu-epoc-subscriber',
  article: 'Reg. (EU) 2023/1543 (EPOC, subscriber data)',
  shortName: 'European Production Order',
  issuers: ['foreign_judicial_authority' as const],
};

const TEXT = 'EUROPEAN PRODUCTION ORDER CERTIFICATE (EPOC)\nIssuing State: Germany';

/** What intake.extract answers for an EPOC certificate (the fields the test needs). */
const DRAFT: Draft = {
  authority: 'eu-issuing',
  requester: { name: 'Bundeskriminalamt', function: 'foreign_judicial_authority' },
  legalBasis: 'eu-epoc-subscriber',
  caseReference: 'BKA-SO-2026-0917',
  receivedAt: '2026-11-30T09:15:00+01:00',
  channel: 'epoc',
  categories: ['name', 'address', 'postcode', 'city'],
  items: [{ kind: 'ip', value: '203.0.113.5', port: 1500, moment: '2025-06-01T14:00' }],
  epoc: {
    issuingState: 'DE',
    issuingAuthority: {
      name: 'Bundeskriminalamt',
      function: 'other_competent',
      fileReference: 'BKA-SO-2026-0917',
    },
    noValidationReason: 'emergency_pending_validation',
    addressee: 'Testnet B.V., Amsterdam',
    deadline: 'emergency_8_hours',
    emergency: true,
    categories: ['subscriber_identity', 'identification'],
  },
  extraction: {
    document: { kind: 'text', pages: 1, origins: ['body'], pageTexts: [TEXT] },
    fields: {
      'epoc.issuingState': { page: 1, start: 60, end: 67, text: 'Germany', reason: 'stated' },
    },
    ignored: [],
  },
  warnings: [],
};

function desk() {
  return installFakeDesk({
    'vault.state': () => ok(signedIn({ user: OFFICER })),
    'catalogue.authorities': () => ok([AUTHORITY, EU_AUTHORITY]),
    'catalogue.legalBases': () => ok([BASIS, EU_BASIS]),
    'intake.extract': () => ok(DRAFT),
    'requests.create': () => ok({ registerNo: '2026-0042', status: 'received' as const }),
  });
}

const epocSection = () =>
  within(screen.getByRole('region', { name: 'Europees verstrekkingsbevel (EPOC)' }));

describe('wizard: the EPOC section', () => {
  it('is not there for an ordinary request, and appears when the channel is EPOC', async () => {
    desk();
    const user = userEvent.setup();
    renderApp('/requests/new');
    await screen.findByRole('option', { name: AUTHORITY.name });
    expect(screen.queryByRole('region', { name: 'Europees verstrekkingsbevel (EPOC)' })).toBeNull();
    await user.selectOptions(screen.getByLabelText('Kanaal'), 'epoc');
    expect(epocSection().getByLabelText('Uitvaardigende staat')).toBeTruthy();
    // Denmark is not offered: it is not bound by the Regulation.
    const states = within(epocSection().getByLabelText('Uitvaardigende staat')).getAllByRole(
      'option',
    );
    expect(states.map((o) => (o as HTMLOptionElement).value)).not.toContain('DK');
    expect(states.map((o) => o.textContent)).toContain('Duitsland (DE)');
  });

  it('an EPOC left incomplete is not logged', async () => {
    const fake = desk();
    const user = userEvent.setup();
    renderApp('/requests/new');
    await screen.findByRole('option', { name: AUTHORITY.name });
    await user.selectOptions(screen.getByLabelText('Kanaal'), 'epoc');
    await user.click(screen.getByRole('button', { name: 'Registreren' }));
    expect(fake.callsTo('requests.create')).toEqual([]);
    expect(epocSection().getAllByText('Vul dit veld in.').length).toBeGreaterThan(0);
  });

  it('is filled from the certificate read in and sends the epoc block', async () => {
    const fake = desk();
    const user = userEvent.setup();
    renderApp('/requests/new');
    await screen.findByRole('option', { name: AUTHORITY.name });
    await user.click(screen.getByText('Tekst plakken'));
    fireEvent.change(screen.getByLabelText('Tekst van het verzoek'), { target: { value: TEXT } });
    await user.click(screen.getByRole('button', { name: 'Tekst inlezen' }));
    const s = await waitFor(epocSection);
    expect((s.getByLabelText('Uitvaardigende staat') as HTMLSelectElement).value).toBe('DE');
    expect((s.getByLabelText('Termijn') as HTMLSelectElement).value).toBe('emergency_8_hours');
    expect(
      (s.getByLabelText('Spoedbevel: validatie volgt binnen 48 uur') as HTMLInputElement).checked,
    ).toBe(true);
    expect(s.getByText('Uit het document: “Germany”')).toBeTruthy();
    // The officer corrects the addressee.
    const addressee = s.getByLabelText(/Geadresseerde/);
    await user.clear(addressee);
    await user.type(addressee, 'Testnet B.V., aangewezen vestiging');
    await user.click(screen.getByLabelText('Klopt met het document'));
    await user.click(screen.getByRole('button', { name: 'Bevestigen en registreren' }));
    await waitFor(() => expect(window.location.hash).toBe('#/requests/2026-0042'));
    const sent = fake.callsTo('requests.create')[0] as Record<string, unknown>;
    expect(sent.epoc).toEqual({
      issuingState: 'DE',
      issuingAuthority: {
        name: 'Bundeskriminalamt',
        function: 'other_competent',
        fileReference: 'BKA-SO-2026-0917',
      },
      validatingAuthority: null,
      noValidationReason: 'emergency_pending_validation',
      addressee: 'Testnet B.V., aangewezen vestiging',
      deadline: 'emergency_8_hours',
      emergency: true,
      categories: ['subscriber_identity', 'identification'],
      enforcingStateNotified: false,
    });
  });
});
