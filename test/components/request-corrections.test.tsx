// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { installFakeDesk, ok, signedIn } from './support/fake-desk';
import { renderApp } from './support/render-app';
import { requestDetail as detail } from './support/request-detail';

const OLGA = { id: 2, name: 'olga', displayName: 'Olga Smit', role: 'officer' as const };

function desk() {
  let current = detail();
  return installFakeDesk({
    'vault.state': () => ok(signedIn({ user: OLGA })),
    'requests.get': () => ok(current),
    'requests.verify': (input) => {
      current = detail({
        verified: true,
        verification: {
          method: input.verification.method,
          channel: input.verification.channel ?? null,
          by: input.verification.by,
          at: '2026-03-02T10:00:00.000Z',
          note: null,
        },
      });
      return ok(current);
    },
    'requests.amend': (input) => {
      current = {
        ...current,
        amendments: [
          {
            field: input.field,
            value: input.value,
            reason: input.reason,
            by: 'olga',
            at: '2026-03-02T11:00:00.000Z',
          },
        ],
      };
      return ok(current);
    },
  });
}

describe('request page: verification and corrections', () => {
  it('a call-back names the catalogue channel; the record shows it', async () => {
    const fake = desk();
    renderApp('/requests/2026-0001');
    const panel = await screen.findByRole('region', { name: 'Verificatie' });
    const channel = within(panel).getByRole('radio', { name: /\+31205595000/ });
    expect((channel as HTMLInputElement).checked).toBe(true); // the only one: preselected
    // The day the catalogue verified it, as the desk writes dates (not the stored 2026-01-05).
    expect(within(panel).getByRole('radio', { name: /— geverifieerd 5 jan 2026$/ })).toBe(channel);
    await userEvent.click(within(panel).getByRole('button', { name: 'Verificatie vastleggen' }));
    await within(panel).findByText('+31205595000', { selector: 'dd' });
    expect(fake.callsTo('requests.verify')).toEqual([
      expect.objectContaining({
        registerNo: '2026-0001',
        verification: expect.objectContaining({ method: 'callback', channel: '+31205595000' }),
      }),
    ]);
  });

  it('Corrigeren asks for the new value and a reason, then records the amendment', async () => {
    const fake = desk();
    renderApp('/requests/2026-0001');
    const panel = await screen.findByRole('region', { name: 'Correcties' });
    await userEvent.click(
      within(panel).getByRole('button', { name: 'Identificator 1: poort corrigeren' }),
    );
    const form = within(panel).getByRole('form', { name: 'Correctie van Identificator 1: poort' });
    await userEvent.type(
      within(form).getByLabelText('Nieuwe waarde: Identificator 1: poort'),
      '1500',
    );
    const save = within(form).getByRole('button', { name: 'Correctie vastleggen' });
    expect((save as HTMLButtonElement).disabled).toBe(true);
    await userEvent.type(
      within(form).getByLabelText('Reden van de correctie (verplicht)'),
      'Poort nagezonden',
    );
    await userEvent.click(save);
    await waitFor(() =>
      expect(fake.callsTo('requests.amend')).toEqual([
        {
          registerNo: '2026-0001',
          field: 'items.1.port',
          value: '1500',
          reason: 'Poort nagezonden',
        },
      ]),
    );
    await within(panel).findByText('Vastgelegde correcties');
    expect(within(panel).getByText('Poort nagezonden')).toBeTruthy();
  });

  it('a failed check reads as one with objections, in the status and the step bar', async () => {
    installFakeDesk({
      'vault.state': () => ok(signedIn({ user: OLGA })),
      'requests.get': () =>
        ok(
          detail({
            check: {
              outcome: 'refuse',
              failures: [
                { code: 'not_verified', message: 'not verified' },
                { code: 'missing_case_reference', message: 'no case reference' },
              ],
              warnings: [],
              checkedAt: '2026-03-02T08:21:00.000Z',
              checkedBy: 'olga',
            },
          }),
        ),
    });
    renderApp('/requests/2026-0001');
    const status = await screen.findByText('Gecontroleerd — 2 bezwaren');
    expect(status.closest('[role="status"]')).toBeTruthy();
    expect(status.className).toBe('status--problem');
    const steps = within(screen.getByRole('list', { name: 'Voortgang' }));
    expect(
      steps
        .getByText(/^Controleren/)
        .closest('li')!
        .getAttribute('data-state'),
    ).toBe('failed');
  });

  it('a refusal was never approved: the step bar does not show Goedkeuren as done', async () => {
    installFakeDesk({
      'vault.state': () => ok(signedIn({ user: OLGA })),
      'requests.get': () => ok(detail({ status: 'refused' })),
    });
    renderApp('/requests/2026-0001');
    const steps = within(await screen.findByRole('list', { name: 'Voortgang' }));
    const state = (name: RegExp) => steps.getByText(name).closest('li')!.getAttribute('data-state');
    expect(state(/^Besluiten/)).toBe('done');
    expect(state(/^Goedkeuren/)).toBe('skipped');
    expect(steps.getByText(/^Goedkeuren/).textContent).toBe('Goedkeuren — niet van toepassing');
  });

  it('the decision form chooses nothing beforehand; the suggested outcome is marked', async () => {
    installFakeDesk({
      'vault.state': () => ok(signedIn({ user: OLGA })),
      'requests.get': () => ok(detail()),
    });
    renderApp('/requests/2026-0001');
    const panel = await screen.findByRole('region', { name: 'Besluit' });
    const radios = within(panel).getAllByRole('radio') as HTMLInputElement[];
    expect(radios.filter((r) => r.checked)).toEqual([]);
    const submit = within(panel).getByRole('button', { name: 'Besluit vastleggen' });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    // The checks refused: Weigeren is suggested, Verstrekken cannot be chosen.
    expect(
      within(panel)
        .getByRole('radio', { name: /^Weigeren/ })
        .closest('label')!.textContent,
    ).toMatch(/voorgesteld/);
    expect(
      (within(panel).getByRole('radio', { name: /^Verstrekken/ }) as HTMLInputElement).disabled,
    ).toBe(true);
    await userEvent.click(within(panel).getByRole('radio', { name: /^Weigeren/ }));
    expect((submit as HTMLButtonElement).disabled).toBe(false);
  });

  it('a call-back recorded without a channel does not count: the panel says so and asks again', async () => {
    installFakeDesk({
      'vault.state': () => ok(signedIn({ user: OLGA })),
      'requests.get': () =>
        ok(
          detail({
            verification: {
              method: 'callback',
              channel: null,
              by: 'olga',
              at: '2026-03-02T09:40:00.000Z',
              note: null,
            },
          }),
        ),
    });
    renderApp('/requests/2026-0001');
    const panel = await screen.findByRole('region', { name: 'Verificatie' });
    expect(within(panel).getByText('Geen kanaal genoemd — telt niet als verificatie')).toBeTruthy();
    expect(within(panel).getByTestId('verification-does-not-count').textContent).toMatch(
      /telt niet/,
    );
    expect(within(panel).getByRole('button', { name: 'Verificatie vastleggen' })).toBeTruthy();
    // The request's facts do not read as verified either.
    const facts = within(screen.getByRole('region', { name: 'Het verzoek' }));
    expect(facts.getByText('telt niet: niet geverifieerd')).toBeTruthy();
  });
});
