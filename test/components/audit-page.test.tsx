// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/schemas/audit';
import { installFakeDesk, ok, signedIn } from './support/fake-desk';
import { renderApp } from './support/render-app';

const TOTAL = 60;
const event = (seq: number): AuditEvent => ({
  seq,
  at: new Date(Date.UTC(2026, 0, 1, 9, 0, seq)).toISOString(),
  user: 'anna',
  action: seq % 2 ? 'login.ok' : 'user.added',
  subject: `user:u${seq}`,
  details: seq % 2 ? {} : { role: 'officer' },
  prevHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
});

function auditDesk(verify: 'intact' | 'broken' = 'intact') {
  return installFakeDesk({
    'vault.state': () => ok(signedIn()),
    'audit.actions': () => ok(['login.failed', 'login.ok', 'user.added']),
    'audit.list': ({ limit, offset }) => {
      const seqs = Array.from({ length: TOTAL }, (_, i) => TOTAL - i).slice(offset, offset + limit);
      return ok({ events: seqs.map(event), total: TOTAL });
    },
    'audit.verify': () =>
      ok(
        verify === 'intact'
          ? {
              intact: true,
              checked: TOTAL,
              head: { seq: TOTAL, hash: 'c'.repeat(64) },
              brokenAt: null,
            }
          : {
              intact: false,
              checked: 4,
              head: { seq: TOTAL, hash: 'c'.repeat(64) },
              brokenAt: { seq: 5, reason: 'hash does not match the event content' },
            },
      ),
  });
}

describe('audit log page', () => {
  it('pages through the log, newest first', async () => {
    const desk = auditDesk();
    const user = userEvent.setup();
    renderApp('/audit');
    await screen.findByText('Gebeurtenis 1–25 van 60, nieuwste eerst.');
    expect(screen.getByRole('button', { name: 'Nieuwere' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: 'Oudere' }));
    await screen.findByText('Gebeurtenis 26–50 van 60, nieuwste eerst.');
    await user.click(screen.getByRole('button', { name: 'Oudere' }));
    await screen.findByText('Gebeurtenis 51–60 van 60, nieuwste eerst.');
    expect(screen.getByRole('button', { name: 'Oudere' })).toHaveProperty('disabled', true);
    expect(screen.getAllByRole('row')).toHaveLength(1 + 10);
    expect(desk.callsTo('audit.list').map((i) => (i as { offset: number }).offset)).toEqual([
      0, 25, 50,
    ]);
  });

  it('sends the filters, with the date range as whole days in Dutch time', async () => {
    const desk = auditDesk();
    const user = userEvent.setup();
    renderApp('/audit');
    await screen.findByText(/van 60/);
    await user.type(screen.getByLabelText('Gebruiker'), 'anna');
    const action = screen.getByLabelText('Handeling');
    await within(action).findByRole('option', { name: 'Alle: Aanmelden' });
    await user.selectOptions(action, 'Alle: Aanmelden');
    fireEvent.change(screen.getByLabelText('Vanaf datum'), { target: { value: '2026-01-10' } });
    fireEvent.change(screen.getByLabelText('Tot en met datum'), {
      target: { value: '2026-01-12' },
    });
    await user.click(screen.getByRole('button', { name: 'Filteren' }));
    await waitFor(() => expect(desk.callsTo('audit.list')).toHaveLength(2));
    expect(desk.callsTo('audit.list')[1]).toEqual({
      user: 'anna',
      action: 'login',
      // Whole days in Dutch time (CET in January), whatever the workstation's zone.
      from: '2026-01-09T23:00:00.000Z',
      to: '2026-01-12T23:00:00.000Z',
      limit: 25,
      offset: 0,
    });
  });

  it('words the actions in the table and the filter', async () => {
    auditDesk();
    renderApp('/audit');
    await screen.findByText(/van 60/);
    const rows = screen.getAllByRole('row').slice(1);
    expect(within(rows[0]!).getByText('gebruiker toegevoegd')).toBeTruthy();
    expect(within(rows[1]!).getByText('aangemeld')).toBeTruthy();
    expect(screen.queryByText('login.ok')).toBeNull();
    const action = screen.getByLabelText('Handeling');
    await within(action).findByRole('option', { name: 'mislukte aanmelding' });
    expect(
      within(action)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'Alle handelingen',
      'Alle: Aanmelden',
      'aangemeld',
      'mislukte aanmelding',
      'Alle: Gebruikers',
      'gebruiker toegevoegd',
    ]);
  });

  it('refuses an end date before the start date', async () => {
    const desk = auditDesk();
    const user = userEvent.setup();
    renderApp('/audit');
    await screen.findByText(/van 60/);
    fireEvent.change(screen.getByLabelText('Vanaf datum'), { target: { value: '2026-02-10' } });
    fireEvent.change(screen.getByLabelText('Tot en met datum'), {
      target: { value: '2026-02-01' },
    });
    await user.click(screen.getByRole('button', { name: 'Filteren' }));
    expect(screen.getByText('De einddatum ligt vóór de begindatum.')).toBeTruthy();
    expect(desk.callsTo('audit.list')).toHaveLength(1);
  });

  it('opens an event in full and returns focus to its row when closed', async () => {
    auditDesk();
    const user = userEvent.setup();
    renderApp('/audit');
    await screen.findByText(/van 60/);
    const open = screen.getByRole('button', { name: 'Details van gebeurtenis 58' });
    await user.click(open);
    const heading = await screen.findByRole('heading', { level: 2, name: 'Gebeurtenis 58' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const panel = heading.closest('section')!;
    expect(within(panel).getByText('user.added')).toBeTruthy();
    expect(within(panel).getByText('— gebruiker toegevoegd', { exact: false })).toBeTruthy();
    expect(panel.querySelector('pre')?.textContent).toContain('"role": "officer"');
    await user.click(within(panel).getByRole('button', { name: 'Sluiten' }));
    expect(screen.queryByRole('heading', { level: 2, name: 'Gebeurtenis 58' })).toBeNull();
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Details van gebeurtenis 58' }),
      ),
    );
  });

  it('says plainly when the chain is intact', async () => {
    auditDesk('intact');
    const user = userEvent.setup();
    renderApp('/audit');
    await user.click(await screen.findByRole('button', { name: 'Keten controleren' }));
    const result = await screen.findByTestId('verify-result');
    await waitFor(() => expect(result.textContent).toContain('De keten is intact.'));
    expect(result.textContent).toContain('60 gebeurtenissen gecontroleerd, tot en met nummer 60.');
  });

  it('names the first broken link when the chain is broken', async () => {
    auditDesk('broken');
    const user = userEvent.setup();
    renderApp('/audit');
    await user.click(await screen.findByRole('button', { name: 'Keten controleren' }));
    const result = await screen.findByTestId('verify-result');
    await waitFor(() => expect(result.textContent).toContain('De keten is verbroken.'));
    expect(result.textContent).toContain('De eerste verbroken schakel is gebeurtenis 5');
    expect(result.textContent).toContain('hash does not match the event content');
    expect(result.textContent).not.toContain('intact');
  });
});
