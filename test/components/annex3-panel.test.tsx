// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { RequestDetail } from '../../shared/schemas/requests';
import { ADMIN, installFakeDesk, ok, signedIn } from './support/fake-desk';
import { renderApp } from './support/render-app';
import { requestDetail } from './support/request-detail';

const OLGA = { id: 2, name: 'olga', displayName: 'Olga Smit', role: 'officer' as const };

const EPOC = {
  certificate: {
    kind: 'production',
    issuingState: 'FR',
    issuingAuthority: { name: 'Parquet de Paris', function: 'prosecutor', fileReference: 'P-1' },
    validatingAuthority: null,
    noValidationReason: 'not_required',
    addressee: 'Testnet B.V.',
    deadline: 'asap_10_days',
    emergency: false,
    categories: ['subscriber_identity'],
    enforcingStateNotified: false,
  },
  validation: { state: 'none', due: null, validatedAt: null, late: false },
} as unknown as RequestDetail['epoc'];

const PROPOSAL = {
  registerNo: '2026-0001',
  outcome: 'no_data' as const,
  reasons: ['not_stored' as const],
  sources: [{ reason: 'not_stored' as const, from: 'outcome' as const, code: 'no_data' }],
  language: 'en' as const,
  issuingState: 'FR',
};

const RECORD = {
  id: 1,
  registerNo: '2026-0001',
  outcome: 'no_data' as const,
  reasons: ['not_stored' as const, 'other' as const],
  explanation: 'The address was reassigned before the order came.',
  clarification: null,
  preserved: false,
  language: 'de' as const,
  issuedBy: 'olga',
  issuedAt: '2026-12-03T10:00:00.000Z',
  chainHead: { seq: 9, hash: 'cd'.repeat(32) },
  sha256: 'ab'.repeat(32),
  size: 1234,
  pageCount: 1,
};

function desk(user: typeof OLGA | typeof ADMIN) {
  return installFakeDesk({
    'vault.state': () => ok(signedIn({ user, language: 'en' })),
    'requests.get': () => ok(requestDetail({ status: 'no_data', epoc: EPOC })),
    'letters.annex3Proposal': () => ok(PROPOSAL),
    'letters.annex3List': () => ok([]),
    'letters.annex3Issue': () => ok(RECORD),
    'letters.annex3Archived': () =>
      ok({ record: RECORD, pdfBase64: 'JVBERi0=', pages: ['<svg/>'] }),
  });
}

describe('request page: the Annex III form of an EPOC', () => {
  it('ticks the proposed reason, lets the officer add (g) with its explanation, makes the form', async () => {
    const fake = desk(OLGA);
    const user = userEvent.setup();
    renderApp('/requests/2026-0001', 'en');
    const heading = await screen.findByRole('heading', { name: 'Annex III form (EPOC)' });
    const panel = within(heading.closest('section')!);
    const reason = (letter: string) =>
      panel.getByRole('checkbox', { name: new RegExp(`^\\(${letter}\\)`) });
    expect((reason('d') as HTMLInputElement).checked).toBe(true);
    expect((reason('g') as HTMLInputElement).checked).toBe(false);
    expect(panel.getByText('Proposed from: the decision "no data"')).toBeTruthy();
    expect((panel.getByLabelText('Language of the form') as HTMLSelectElement).value).toBe('en');

    await user.click(reason('g'));
    expect(panel.getByLabelText('Explanation of the reasons (required for (g))')).toBeTruthy();
    await user.type(
      panel.getByLabelText('Explanation of the reasons (required for (g))'),
      'The address was reassigned before the order came.',
    );
    await user.selectOptions(panel.getByLabelText('Language of the form'), 'de');
    await user.click(panel.getByRole('button', { name: 'Make Annex III form' }));
    expect(
      await panel.findByText(/^Annex III form made and archived \(SHA-256 abababab/),
    ).toBeTruthy();
    expect(fake.callsTo('letters.annex3Issue')).toEqual([
      {
        registerNo: '2026-0001',
        reasons: ['not_stored', 'other'],
        explanation: 'The address was reassigned before the order came.',
        preserved: false,
        language: 'de',
      },
    ]);
    expect(
      panel.getByText(
        /^Annex III form — archive number 1: the decision that there is no data, reasons \(d\) \(g\), language Deutsch/,
      ),
    ).toBeTruthy();
    expect(panel.getByRole('img', { name: 'Copy — page 1 of 1' })).toBeTruthy();
  });

  it('is not offered to an admin, who may read requests but not handle them', async () => {
    const fake = desk(ADMIN);
    renderApp('/requests/2026-0001', 'en');
    await screen.findByRole('heading', { level: 1, name: /2026-0001/ });
    await screen.findByRole('heading', { name: 'Timeline' });
    expect(screen.queryByRole('heading', { name: 'Annex III form (EPOC)' })).toBeNull();
    expect(fake.callsTo('letters.annex3Proposal')).toEqual([]);
  });
});
