// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CatalogueView } from '../../shared/schemas/catalogue';
import type { Hi1Sender } from '../../shared/schemas/hi1';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings';
import { ADMIN, installFakeDesk, ok, signedIn } from './support/fake-desk';
import { renderApp } from './support/render-app';

const view = (): CatalogueView => ({
  authorities: [
    {
      code: 'eu-issuing',
      name: 'Issuing authority of another Member State',
      kind: 'foreign',
      legacy: false,
      replacedBy: [],
      contacts: [],
      note: '',
      active: true,
      requestCount: 0,
    },
  ],
  legalBases: [],
});

describe('Settings → authorities: HI-1 senders', () => {
  it('an admin links a sender to an authority and unlinks it again', async () => {
    const senders: Hi1Sender[] = [];
    const fake = installFakeDesk({
      'vault.state': () => ok(signedIn({ user: ADMIN })),
      'settings.get': () => ok(DEFAULT_SETTINGS),
      'ops.purgeDue': () => ok({ due: false, total: 0, categories: [] }),
      'catalogue.view': () => ok(view()),
      'hi1.senders': () => ok([...senders]),
      'hi1.linkSender': (input) => {
        const s = {
          countryCode: input.countryCode,
          uniqueIdentifier: input.uniqueIdentifier,
          authorityCode: input.authority,
          authorityName: view().authorities[0]!.name,
          linkedBy: 'admin',
          linkedAt: '2026-09-02T10:00:00.000Z',
        };
        senders.push(s);
        return ok(s);
      },
      'hi1.unlinkSender': () => {
        senders.splice(0);
        return ok({ done: true as const });
      },
    });
    const user = userEvent.setup();
    renderApp('/settings/authorities');
    const panel = (await screen.findByRole('heading', { name: 'HI-1-afzenders' })).closest(
      'section',
    )!;
    const p = within(panel as HTMLElement);
    expect(await p.findByText('Nog geen HI-1-afzender gekoppeld.')).toBeTruthy();

    // Nothing is sent until both parts of the sender are given.
    await user.click(p.getByRole('button', { name: 'Afzender koppelen' }));
    expect(fake.callsTo('hi1.linkSender')).toEqual([]);

    await user.type(p.getByLabelText(/^Landcode/), 'de');
    await user.type(p.getByLabelText(/^Unieke identificatie/), 'STA-KOELN');
    await user.click(p.getByRole('button', { name: 'Afzender koppelen' }));
    expect(fake.callsTo('hi1.linkSender')).toEqual([
      { countryCode: 'de', uniqueIdentifier: 'STA-KOELN', authority: 'eu-issuing' },
    ]);
    expect(await p.findByText(/DE STA-KOELN is gekoppeld aan/)).toBeTruthy();
    expect(p.getByRole('cell', { name: 'STA-KOELN' })).toBeTruthy();

    await user.click(p.getByRole('button', { name: 'DE STA-KOELN ontkoppelen' }));
    expect(fake.callsTo('hi1.unlinkSender')).toEqual([
      { countryCode: 'DE', uniqueIdentifier: 'STA-KOELN' },
    ]);
    expect(await p.findByText('DE STA-KOELN is niet meer gekoppeld.')).toBeTruthy();
    expect(p.queryByRole('cell', { name: 'STA-KOELN' })).toBeNull();
  });
});
