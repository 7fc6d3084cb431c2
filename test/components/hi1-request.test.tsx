// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { RequestDetail } from '../../shared/schemas/requests';
import { installFakeDesk, ok, signedIn } from './support/fake-desk';
import { renderApp } from './support/render-app';

const OLGA = { id: 2, name: 'olga', displayName: 'Olga Smit', role: 'officer' as const };

/** A request as the page reads it (the same shape as request-corrections.test.tsx). */
function detail(over: Partial<RequestDetail> = {}): RequestDetail {
  // Cast: only what the page reads is given; fields other panels add later stay absent.
  return {
    hold: null,
    preservation: false,
    registerNo: '2026-0001',
    receivedAt: '2026-03-02T08:15:00.000Z',
    channel: 'email',
    urgency: 'normal',
    authorityCode: 'pol-amsterdam',
    authorityName: 'Politie – Eenheid Amsterdam',
    legalBasisCode: 'sv-126na-1',
    legalBasisArticle: 'Sv 126na lid 1',
    caseReference: 'PL1300-2026012345',
    status: 'checked',
    deadline: '2026-03-12T08:15:00.000Z',
    deadlineState: 'open',
    oral: false,
    writtenConfirmationDue: null,
    writtenConfirmationState: null,
    epocValidationDue: null,
    epocValidationState: null,
    epoc: null,
    itemCount: 1,
    verified: false,
    requester: {
      name: 'J. de Boer',
      function: 'opsporingsambtenaar',
      badge: null,
      email: null,
      phone: null,
    },
    authority: {
      code: 'pol-amsterdam',
      name: 'Politie – Eenheid Amsterdam',
      kind: 'police',
      legacy: false,
      replacedBy: [],
      contacts: [{ kind: 'phone', value: '+31205595000', verifiedAt: '2026-01-05', note: '' }],
      note: '',
    },
    legalBasis: {
      code: 'sv-126na-1',
      article: 'Sv 126na lid 1',
      shortName: 'Vordering gebruikersgegevens',
      issuers: ['opsporingsambtenaar'],
      categories: ['name', 'address', 'postcode', 'city', 'number', 'service_type'],
      action: 'HANDLE',
      versionDate: '2026-01-01',
      validFrom: null,
      validUntil: null,
      requiresRcAuthorisation: false,
      unverified: false,
      note: '',
    },
    categories: ['name', 'address'],
    verification: null,
    rcAuthorisation: null,
    note: null,
    writtenConfirmationReceivedAt: null,
    loggedBy: 'olga',
    loggedAt: '2026-03-02T08:20:00.000Z',
    document: null,
    items: [
      {
        index: 1,
        kind: 'ip',
        value: '203.0.113.5',
        normalised: '203.0.113.5',
        port: null,
        moment: '2025-06-01T14:00',
        timeZone: 'Europe/Amsterdam',
        utc: '2025-06-01T12:00:00.000Z',
        timeStatus: 'ok',
        timeCandidates: [],
        inputProblem: null,
      },
    ],
    check: {
      outcome: 'refuse',
      failures: [{ code: 'not_verified', message: 'not verified' }],
      warnings: [],
      checkedAt: '2026-03-02T08:21:00.000Z',
      checkedBy: 'olga',
    },
    matches: [],
    decisions: [],
    approvals: [],
    amendments: [],
    events: [],
    ...over,
  } as unknown as RequestDetail;
}

const STATUS = {
  hi1: true,
  sender: { countryCode: 'DE', uniqueIdentifier: 'STA-KOELN' },
  senderLinked: false,
  tasks: [
    { ldid: 'DE-STA-KOELN-LD-0001', type: 'SubscriberData' },
    { ldid: 'DE-STA-KOELN-LD-0002', type: 'TrafficData' },
  ],
};

describe('request page: an HI-1 order', () => {
  it('names the sender and tasks; once decided, saves the answer', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      created.push(b);
      return 'blob:hi1';
    });
    URL.revokeObjectURL = vi.fn();
    // The download link is not followed here: happy-dom would navigate to the blob.
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const fake = installFakeDesk({
      'vault.state': () => ok(signedIn({ user: OLGA })),
      'requests.get': () => ok(detail({ status: 'refused' })),
      'hi1.status': () => ok(STATUS),
      'hi1.export': () =>
        ok({
          saved: false,
          name: null,
          xml: '<HI1Message/>',
          sha256: 'ab'.repeat(32),
          tasks: [
            { ldid: 'DE-STA-KOELN-LD-0001', status: 'Rejected', deliveryId: 'd1' },
            { ldid: 'DE-STA-KOELN-LD-0002', status: 'Rejected', deliveryId: 'd2' },
          ],
        }),
    });
    const user = userEvent.setup();
    renderApp('/requests/2026-0001');
    const heading = await screen.findByRole('heading', { name: 'HI-1-bevel' });
    const panel = within(heading.closest('section')!);
    expect(panel.getByText('Binnengekomen via HI-1 van DE STA-KOELN, met 2 taken:')).toBeTruthy();
    expect(panel.getByText(/niet aan een instantie gekoppeld/)).toBeTruthy();
    expect(panel.getByText('DE-STA-KOELN-LD-0002')).toBeTruthy();
    await user.click(panel.getByRole('button', { name: 'HI-1-antwoord opslaan' }));
    expect(fake.callsTo('hi1.export')).toEqual([{ registerNo: '2026-0001', target: 'inline' }]);
    expect(
      await panel.findByText(
        'HI-1-antwoord 2026-0001-hi1.xml opgeslagen (DE-STA-KOELN-LD-0001: Rejected, DE-STA-KOELN-LD-0002: Rejected).',
      ),
    ).toBeTruthy();
    expect(await created[0]!.text()).toBe('<HI1Message/>');
    expect(click).toHaveBeenCalledTimes(1);
    click.mockRestore();
  });

  it('shows nothing for a request that did not come over HI-1', async () => {
    installFakeDesk({
      'vault.state': () => ok(signedIn({ user: OLGA })),
      'requests.get': () => ok(detail()),
      'hi1.status': () => ok({ ...STATUS, hi1: false, sender: null, tasks: [] }),
    });
    renderApp('/requests/2026-0001');
    await screen.findByRole('heading', { name: /2026-0001/ });
    expect(screen.queryByRole('heading', { name: 'HI-1-bevel' })).toBeNull();
  });
});
