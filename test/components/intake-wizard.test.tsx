// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../shared/schemas/intake';
import type { RequestDetail } from '../../shared/schemas/requests';
import { changeDateTime, dateTimeValue } from './support/date-time';
import { err, installFakeDesk, ok, signedIn } from './support/fake-desk';
import { renderApp } from './support/render-app';
import { forgetHistoryStart } from '../../renderer/pages/requests/intake/useHistoryStart';
import { AUTHORITY, BASIS, OFFICER } from './support/request-catalogue';

const MAIL = [
  'Van: J. de Boer <j.deboer@politie.example>',
  'Datum: 29 oktober 2026 09:15',
  '',
  'Op grond van artikel 126na Sv vorder ik de gebruikersgegevens van:',
  '- telefoonnummer 06-41234567 op 28 oktober 2026 om 14:32 uur',
  '- IP-adres 198.51.100.23 met bronpoort 40211 op 27-10-2026 om 21:07:45 uur (UTC)',
  '',
  'Zaaknummer: PL1300-2026123456',
  'J. de Boer, Politie Eenheid Amsterdam, bereikbaar via 06-11112222',
].join('\n');

/** The span of `text` (its n-th occurrence) on page 1 of MAIL. */
function at(text: string, reason?: string, n = 0) {
  let start = -1;
  for (let i = 0; i <= n; i++) start = MAIL.indexOf(text, start + 1);
  if (start < 0) throw new Error(`not in MAIL: ${text}`);
  return { page: 1, start, end: start + text.length, text, ...(reason ? { reason } : {}) };
}

/** What intake.extract answers for MAIL: a draft as the extraction domain gives it. */
const DRAFT: Draft = {
  authority: 'pol-amsterdam',
  requester: { name: 'J. de Boer', function: 'opsporingsambtenaar' },
  legalBasis: 'sv-126na-1',
  caseReference: 'PL1300-2026123456',
  receivedAt: '2026-10-29T09:15:00+01:00',
  channel: 'email',
  categories: ['naw'],
  items: [
    {
      kind: 'phone',
      value: '+31641234567',
      moment: '2026-10-28T14:32',
      timeZone: 'Europe/Amsterdam',
    },
    { kind: 'ip', value: '198.51.100.23', port: 40211, moment: '2026-10-27T21:07:45Z' },
  ],
  extraction: {
    document: { kind: 'text', pages: 1, origins: ['body'], pageTexts: [MAIL] },
    fields: {
      authority: at('Politie Eenheid Amsterdam', 'signature'),
      'requester.name': at('J. de Boer', 'mail_from'),
      'requester.function': { reason: 'authority_kind' },
      legalBasis: at('artikel 126na Sv', 'article_named'),
      caseReference: at('PL1300-2026123456', 'zaaknummer'),
      receivedAt: at('29 oktober 2026 09:15', 'mail_date'),
      channel: { reason: 'mail_document' },
      categories: at('gebruikersgegevens', 'stated'),
      'items.0.value': at('06-41234567', 'body'),
      'items.0.moment': at('28 oktober 2026 om 14:32 uur', 'same_line'),
      'items.0.timeZone': { reason: 'default_zone' },
      'items.1.value': at('198.51.100.23', 'body'),
      'items.1.port': at('40211', 'port_with_address'),
      'items.1.moment': at('27-10-2026 om 21:07:45 uur (UTC)', 'same_line'),
    },
    ignored: [{ kind: 'phone', ...at('06-11112222'), reason: 'contact_context' }],
  },
  warnings: [
    { code: 'legal_basis_assumed', params: { chosen: 'sv-126na-1' } },
    { code: 'moment_approximate', params: { item: 1 } },
  ],
};

function desk() {
  const fake = installFakeDesk({
    'vault.state': () => ok(signedIn({ user: OFFICER })),
    'catalogue.authorities': () => ok([AUTHORITY]),
    'catalogue.legalBases': () => ok([BASIS]),
    'intake.extract': () => ok(DRAFT),
    'requests.create': () => ok({ registerNo: '2026-0042', status: 'received' as const }),
  });
  return fake;
}

async function sha256(text: string): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, '0')).join('');
}

const item = (n: number) => within(screen.getByRole('group', { name: `Identificator ${n}` }));

async function pasteMail(user: ReturnType<typeof userEvent.setup>) {
  renderApp('/requests/new');
  await screen.findByRole('option', { name: AUTHORITY.name });
  await user.click(screen.getByText('Tekst plakken'));
  fireEvent.change(screen.getByLabelText('Tekst van het verzoek'), { target: { value: MAIL } });
  await user.click(screen.getByRole('button', { name: 'Tekst inlezen' }));
  await screen.findByText('Ingelezen uit geplakte tekst');
}

describe('the document-first wizard', () => {
  it('fills the form from pasted text, beside the text with every value marked', async () => {
    const fake = desk();
    const user = userEvent.setup();
    await pasteMail(user);
    expect(fake.callsTo('intake.extract')).toEqual([{ text: MAIL }]);

    // The document: its text, the identifiers and the other values marked, the contact number struck.
    const doc = within(screen.getByRole('region', { name: 'Tekst van het document' }));
    expect(doc.getByText('Pagina 1 · bericht')).toBeTruthy();
    const marks = [...document.querySelectorAll('.intake-document mark')].map((m) => [
      m.textContent,
      m.className.replace('intake-mark ', ''),
    ]);
    expect(marks).toEqual([
      ['J. de Boer', 'intake-mark--field'],
      ['29 oktober 2026 09:15', 'intake-mark--field'],
      ['artikel 126na Sv', 'intake-mark--field'],
      ['gebruikersgegevens', 'intake-mark--field'],
      ['06-41234567', 'intake-mark--item'],
      ['28 oktober 2026 om 14:32 uur', 'intake-mark--item'],
      ['198.51.100.23', 'intake-mark--item'],
      ['40211', 'intake-mark--item'],
      ['27-10-2026 om 21:07:45 uur (UTC)', 'intake-mark--item'],
      ['PL1300-2026123456', 'intake-mark--field'],
      ['Politie Eenheid Amsterdam', 'intake-mark--field'],
      ['06-11112222', 'intake-mark--ignored'],
    ]);

    // The form: every value filled in, its source under it.
    expect((screen.getByLabelText('Instantie') as HTMLSelectElement).value).toBe('pol-amsterdam');
    const caseRef = screen.getByLabelText(
      'Zaaknummer (PV/BVH of parketnummer)',
    ) as HTMLInputElement;
    expect(caseRef.value).toBe('PL1300-2026123456');
    expect(screen.getByText('Uit het document: “PL1300-2026123456”')).toBeTruthy();
    expect(dateTimeValue(screen, 'Ontvangen op')).toBe('2026-10-29T09:15');
    expect(screen.getByText('Gekozen: afgeleid van de instantie')).toBeTruthy();
    expect((item(1).getByLabelText('Nummer of adres') as HTMLInputElement).value).toBe(
      '+31641234567',
    );
    expect(dateTimeValue(item(1), 'Moment')).toBe('2026-10-28T14:32');
    expect((item(2).getByLabelText('Bronpoort') as HTMLInputElement).value).toBe('40211');
    expect(dateTimeValue(item(2), 'Moment')).toBe('2026-10-27T21:07:45');
    expect((item(2).getByLabelText('Tijdzone') as HTMLInputElement).value).toBe('UTC');

    // Each identifier row shows the line it was read from.
    const line = (n: number) => item(n).getByText(/^Bronregel/).parentElement!.textContent;
    expect(line(1)).toBe(
      'Bronregel (p. 1) - telefoonnummer 06-41234567 op 28 oktober 2026 om 14:32 uur',
    );
    expect(line(2)).toContain('IP-adres 198.51.100.23 met bronpoort 40211 op 27-10-2026');

    // Warnings in Dutch: the draft's own, and the item's at its row.
    expect(
      screen.getByText('Het lid van het artikel staat er niet bij; gekozen is sv-126na-1.'),
    ).toBeTruthy();
    expect(
      item(1).getByText('Het moment van identificator 1 is bij benadering (‘omstreeks’).'),
    ).toBeTruthy();
  });

  it('logs only after every identifier is confirmed or corrected; the audit gets names, not values', async () => {
    const fake = desk();
    const user = userEvent.setup();
    await pasteMail(user);
    await user.click(screen.getByRole('button', { name: 'Bevestigen en registreren' }));
    expect(
      screen.getAllByText(
        'Vergelijk dit gegeven met het document en vink het aan, of verbeter het.',
      ),
    ).toHaveLength(2);
    expect(screen.getByText('2 identificatoren zijn nog niet bevestigd.')).toBeTruthy();
    expect(fake.callsTo('requests.create')).toEqual([]);
    await waitFor(() =>
      expect(document.activeElement).toBe(item(1).getByLabelText('Klopt met het document')),
    );

    await user.click(item(1).getByLabelText('Klopt met het document'));
    // Correcting a value is confirming it (and is recorded as a change).
    const port = item(2).getByLabelText('Bronpoort');
    await user.clear(port);
    await user.type(port, '40212');
    expect(screen.queryByText(/nog niet bevestigd/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Bevestigen en registreren' }));
    await waitFor(() => expect(window.location.hash).toBe('#/requests/2026-0042'));

    const sent = fake.callsTo('requests.create')[0] as Record<string, unknown>;
    expect(sent).toMatchObject({
      authority: 'pol-amsterdam',
      legalBasis: 'sv-126na-1',
      caseReference: 'PL1300-2026123456',
      receivedAt: '2026-10-29T09:15',
      channel: 'email',
      categories: ['name', 'address', 'postcode', 'city', 'number', 'service_type'],
      requester: { name: 'J. de Boer', function: 'opsporingsambtenaar' },
      items: [
        {
          kind: 'phone',
          value: '+31641234567',
          moment: '2026-10-28T14:32',
          timeZone: 'Europe/Amsterdam',
        },
        {
          kind: 'ip',
          value: '198.51.100.23',
          port: '40212',
          moment: '2026-10-27T21:07:45',
          timeZone: 'UTC',
        },
      ],
    });
    expect(sent.documentToken).toBeUndefined();
    expect(sent.intake).toEqual({
      textSha256: await sha256(MAIL),
      extracted: Object.keys(DRAFT.extraction.fields),
      changed: ['items.1.port'],
    });
  });

  it('reads an uploaded file by its token, which becomes the request’s document', async () => {
    const fake = desk();
    const uploaded: string[] = [];
    window.deskHost = {
      kind: 'browser',
      upload: async (file: File) => {
        uploaded.push(file.name);
        return { token: 'tok-1', name: file.name, size: file.size };
      },
    };
    const user = userEvent.setup();
    renderApp('/requests/new');
    await screen.findByRole('option', { name: AUTHORITY.name });
    // Dropped on the zone, as from the file manager.
    const file = new File([MAIL], 'verzoek.eml', { type: 'message/rfc822' });
    fireEvent.drop(document.querySelector('[data-dropzone="intake"]')!, {
      dataTransfer: { files: [file] },
    });
    await screen.findByText('Ingelezen uit verzoek.eml');
    expect(uploaded).toEqual(['verzoek.eml']);
    expect(fake.callsTo('intake.extract')).toEqual([{ file: 'tok-1' }]);
    // The document is the file read: no second document field.
    expect(screen.queryByLabelText('PDF of afbeelding van het verzoek')).toBeNull();

    await user.click(item(1).getByLabelText('Klopt met het document'));
    await user.click(item(2).getByLabelText('Klopt met het document'));
    await user.click(screen.getByRole('button', { name: 'Bevestigen en registreren' }));
    await waitFor(() => expect(window.location.hash).toBe('#/requests/2026-0042'));
    const sent = fake.callsTo('requests.create')[0] as Record<string, unknown>;
    expect(sent.documentToken).toBe('tok-1');
    expect(sent.intake).toEqual({ extracted: Object.keys(DRAFT.extraction.fields), changed: [] });
  });

  it('in the app window, hands a dropped file to the preload and reads it by its token', async () => {
    const fake = desk();
    // As the preload does: desk.files.dropped takes the File (and finds where it lies on disk).
    const dropped: unknown[] = [];
    (window.desk!.files as unknown as Record<string, (f: unknown) => unknown>).dropped = async (
      f,
    ) => {
      dropped.push(f);
      return ok({ token: 'tok-d', name: 'verzoek.eml', size: 12 });
    };
    window.deskHost = { kind: 'electron' };
    renderApp('/requests/new');
    await screen.findByRole('option', { name: AUTHORITY.name });
    const file = new File([MAIL], 'verzoek.eml', { type: 'message/rfc822' });
    fireEvent.drop(document.querySelector('[data-dropzone="intake"]')!, {
      dataTransfer: { files: [file] },
    });
    await screen.findByText('Ingelezen uit verzoek.eml');
    // The File itself goes to window.desk.files.dropped, no path.
    expect(dropped).toEqual([file]);
    expect(fake.callsTo('intake.extract')).toEqual([{ file: 'tok-d' }]);
    expect(screen.queryByText(/Slepen werkt in dit venster niet/)).toBeNull();
  });

  it('reads request JSON as it is: names resolved to the catalogue, no document text to show', async () => {
    const fake = desk();
    fake.handlers['intake.extract'] = () =>
      ok({
        authority: 'Politie – Eenheid Amsterdam',
        legalBasis: 'Sv 126na lid 1',
        caseReference: 'PL-9',
        receivedAt: '2026-10-29T09:15',
        channel: 'email',
        categories: ['naw'],
        requester: { name: 'J. de Boer', function: 'opsporingsambtenaar' },
        items: [{ kind: 'phone', value: '06-12345678', moment: '2026-10-28T14:32+01:00' }],
        extraction: {
          document: { kind: 'json', pages: 0, origins: [] },
          fields: { authority: { reason: 'request_json' } },
          ignored: [],
        },
        warnings: [],
      });
    const user = userEvent.setup();
    await pasteMail(user);
    expect(
      screen.getByText('Ingelezen uit verzoek-JSON: de waarden staan in het formulier.'),
    ).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Tekst van het document' })).toBeNull();
    expect((screen.getByLabelText('Instantie') as HTMLSelectElement).value).toBe('pol-amsterdam');
    expect((screen.getByLabelText('Wettelijke grondslag') as HTMLSelectElement).value).toBe(
      'sv-126na-1',
    );
    expect(screen.getByText('Gekozen: uit verzoek-JSON')).toBeTruthy();
    expect(dateTimeValue(item(1), 'Moment')).toBe('2026-10-28T14:32');
    expect((item(1).getByLabelText('Tijdzone') as HTMLInputElement).value).toBe('+01:00');
  });

  it('fills a period read from the document into Van and Tot, marked in its source line, and sends it as period', async () => {
    const fake = desk();
    const period = { from: '2026-10-20T10:00', to: '2026-10-20T12:00' };
    fake.handlers['intake.extract'] = () =>
      ok({
        ...DRAFT,
        items: [{ kind: 'phone', value: '+31641234567', period, timeZone: 'UTC' }],
        extraction: {
          ...DRAFT.extraction,
          fields: {
            ...DRAFT.extraction.fields,
            'items.0.period.from': at('28 oktober 2026 om 14:32 uur', 'same_line'),
            'items.0.period.to': at('27-10-2026 om 21:07:45 uur (UTC)', 'same_line'),
          },
        },
        warnings: [],
      });
    const user = userEvent.setup();
    await pasteMail(user);
    expect((item(1).getByLabelText('Moment of periode') as HTMLSelectElement).value).toBe('period');
    expect(dateTimeValue(item(1), 'Van')).toBe('2026-10-20T10:00');
    expect(dateTimeValue(item(1), 'Tot')).toBe('2026-10-20T12:00');
    expect((item(1).getByLabelText('Tijdzone') as HTMLInputElement).value).toBe('UTC');
    expect(screen.queryByRole('group', { name: 'Identificator 2' })).toBeNull();

    await user.click(item(1).getByLabelText('Klopt met het document'));
    await user.click(screen.getByRole('button', { name: 'Bevestigen en registreren' }));
    await waitFor(() => expect(window.location.hash).toBe('#/requests/2026-0042'));
    const sent = fake.callsTo('requests.create')[0] as { items: unknown[] };
    expect(sent.items).toEqual([{ kind: 'phone', value: '+31641234567', period, timeZone: 'UTC' }]);
  });

  it('says in Dutch why a document cannot be read; nothing is filled in or stored', async () => {
    const fake = desk();
    fake.handlers['intake.extract'] = () =>
      err('BAD_INPUT', 'The PDF is encrypted.', { reason: 'encrypted_pdf', params: {} });
    const user = userEvent.setup();
    renderApp('/requests/new');
    await screen.findByRole('option', { name: AUTHORITY.name });
    await user.click(screen.getByText('Tekst plakken'));
    fireEvent.change(screen.getByLabelText('Tekst van het verzoek'), { target: { value: 'x' } });
    await user.click(screen.getByRole('button', { name: 'Tekst inlezen' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'Dit document kan niet worden ingelezen. Er is niets opgeslagen.',
    );
    expect(alert.textContent).toContain('De pdf is met een wachtwoord beveiligd.');
    expect(
      (screen.getByLabelText('Zaaknummer (PV/BVH of parketnummer)') as HTMLInputElement).value,
    ).toBe('');
    expect(fake.callsTo('requests.create')).toEqual([]);
  });

  it('says when a moment lies before the oldest data the desk holds for its kind', async () => {
    const fake = desk();
    fake.handlers['customers.historyStart'] = () =>
      ok({ numbers: '2026-10-29T00:00:00.000Z', ips: null });
    forgetHistoryStart();
    const user = userEvent.setup();
    await pasteMail(user);
    await waitFor(() =>
      expect(
        item(1).getByText(
          'Dit moment ligt vóór de oudste gegevens van de balie (2026-10-29 01:00): er is dan niets te vinden. Controleer de datum in het document.',
        ),
      ).toBeTruthy(),
    );
    // No IP history held: the address's moment is not judged.
    expect(item(2).queryByText(/oudste gegevens/)).toBeNull();
    forgetHistoryStart();
  });

  it('checks each identifier as it is typed, and lets the officer choose the offset', async () => {
    desk();
    const user = userEvent.setup();
    renderApp('/requests/new');
    await screen.findByRole('option', { name: AUTHORITY.name });
    await user.selectOptions(item(1).getByLabelText('Soort'), 'ip');
    await user.type(item(1).getByLabelText('Nummer of adres'), '10.1.2.3');
    expect(
      item(1).getByText(
        'Intern adres (10.0.0.0/8): dit kan niet het adres van een klant zijn. Vraag het publieke adres.',
      ),
    ).toBeTruthy();
    const value = item(1).getByLabelText('Nummer of adres');
    await user.clear(value);
    await user.type(value, '198.51.100.23');
    expect(item(1).getByText(/Geen bronpoort/)).toBeTruthy();
    await user.type(item(1).getByLabelText('Bronpoort'), '40211');
    expect(item(1).queryByText(/Geen bronpoort/)).toBeNull();

    changeDateTime(item(1), 'Moment', '2026-03-29T02:30');
    expect(
      item(1).getByText(/bestaat niet in Europe\/Amsterdam: de klok sprong vooruit/),
    ).toBeTruthy();
    await user.click(
      item(1).getByRole('button', { name: 'Gebruik +01:00 (2026-03-29 01:30 UTC)' }),
    );
    expect((item(1).getByLabelText('Tijdzone') as HTMLInputElement).value).toBe('+01:00');
    expect(item(1).queryByText(/de klok sprong vooruit/)).toBeNull();

    changeDateTime(item(1), 'Moment', '2099-01-01T10:00');
    expect(item(1).getByText('Dit moment ligt in de toekomst.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Identificator toevoegen' }));
    await user.type(item(2).getByLabelText('Nummer of adres'), '06-123');
    expect(item(2).getByText('Geen geldig telefoonnummer: controleer de cijfers.')).toBeTruthy();
  });

  it('opens the original document again on the request’s page, as text', async () => {
    const fake = desk();
    fake.handlers['requests.get'] = () => ok(DETAIL);
    fake.handlers['requests.documentText'] = () =>
      ok({
        name: 'verzoek.eml',
        mime: 'message/rfc822',
        sha256: 'a'.repeat(64),
        pages: [
          { origin: 'body', text: 'Zie de bijlage.' },
          { origin: 'vordering.pdf', text: MAIL },
          { origin: 'scan.pdf', text: '' },
        ],
        unreadPages: [3],
      });
    const user = userEvent.setup();
    renderApp('/requests/2026-0042');
    await user.click(await screen.findByRole('button', { name: 'Document openen' }));
    const pages = within(await screen.findByRole('region', { name: 'Tekst van verzoek.eml' }));
    expect(pages.getByText('Pagina 2 · vordering.pdf')).toBeTruthy();
    expect(pages.getByText(/telefoonnummer 06-41234567/)).toBeTruthy();
    expect(pages.getByText(/geen tekstlaag/)).toBeTruthy();
    expect(fake.callsTo('requests.documentText')).toEqual([{ registerNo: '2026-0042' }]);
    await user.click(screen.getByRole('button', { name: 'Document sluiten' }));
    expect(screen.queryByRole('region', { name: 'Tekst van verzoek.eml' })).toBeNull();
  });
});

const DETAIL: RequestDetail = {
  registerNo: '2026-0042',
  hold: null,
  preservation: false,
  authorityCode: AUTHORITY.code,
  authorityName: AUTHORITY.name,
  legalBasisCode: BASIS.code,
  legalBasisArticle: BASIS.article,
  itemCount: 0,
  status: 'received' as const,
  receivedAt: '2026-10-29T08:15:00.000Z',
  channel: 'email' as const,
  oral: false,
  writtenConfirmationDue: null,
  writtenConfirmationState: null,
  epocValidationDue: null,
  epocValidationState: null,
  epoc: null,
  authority: AUTHORITY,
  requester: {
    name: 'J. de Boer',
    function: 'opsporingsambtenaar' as const,
    badge: null,
    email: null,
    phone: null,
  },
  legalBasis: BASIS,
  caseReference: 'PL1300-2026123456',
  urgency: 'normal' as const,
  deadline: '2026-11-08T08:15:00.000Z',
  deadlineState: 'open' as const,
  categories: ['name' as const],
  verified: false,
  verification: null,
  rcAuthorisation: null,
  note: null,
  writtenConfirmationReceivedAt: null,
  loggedBy: 'olga',
  loggedAt: '2026-10-29T08:20:00.000Z',
  document: { name: 'verzoek.eml', mime: 'message/rfc822', size: 1200, sha256: 'a'.repeat(64) },
  items: [],
  check: null,
  matches: [],
  decisions: [],
  approvals: [],
  amendments: [],
  events: [],
};
