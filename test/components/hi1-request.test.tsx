// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { installFakeDesk, ok, signedIn } from './support/fake-desk';
import { renderApp } from './support/render-app';
import { requestDetail } from './support/request-detail';

const OLGA = { id: 2, name: 'olga', displayName: 'Olga Smit', role: 'officer' as const };

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
      'requests.get': () => ok(requestDetail({ status: 'refused' })),
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
      'requests.get': () => ok(requestDetail()),
      'hi1.status': () => ok({ ...STATUS, hi1: false, sender: null, tasks: [] }),
    });
    renderApp('/requests/2026-0001');
    await screen.findByRole('heading', { name: /2026-0001/ });
    expect(screen.queryByRole('heading', { name: 'HI-1-bevel' })).toBeNull();
  });
});
