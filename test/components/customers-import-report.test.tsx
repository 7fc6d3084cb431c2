// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { worded } from '../../electron/customers/issue-words';
import { ImportReportView } from '../../renderer/pages/customers/ImportReportView';
import { reportCsv } from '../../renderer/pages/customers/report-csv';
import { initI18n } from '../../renderer/i18n';
import type { ImportReport } from '../../shared/schemas/customers';

afterEach(cleanup);

const report: ImportReport = {
  importId: 3,
  kind: 'numbers',
  mode: 'history',
  status: 'rejected',
  written: false,
  fileName: 'numbers.csv',
  sha256: 'ab'.repeat(32),
  bytes: 120,
  rows: 3,
  added: 1,
  changed: 0,
  closed: 0,
  unchanged: 0,
  rejectedRows: 2,
  rejected: [
    { line: 2, column: 'customer_id', ...worded('unknown_customer', { id: 'C999' }) },
    { line: 3, column: 'number', ...worded('own_other_holder', { line: 2, kind: 'numbers' }) },
  ],
  rejectedTruncated: false,
  warnings: [],
  asOf: null,
  acceptValid: false,
  dryRun: false,
  allowMassClose: false,
  massClose: null,
  startedAt: '2026-12-02T10:00:00.000Z',
  durationMs: 12,
  message: null,
};

describe('the import report', () => {
  it('words the rejected rows in the window language', () => {
    const i18n = initI18n('nl');
    render(
      <I18nextProvider i18n={i18n}>
        <ImportReportView report={report} />
      </I18nextProvider>,
    );
    expect(
      screen.getByText('onbekende customer_id "C999": importeer eerst het klantenbestand'),
    ).toBeTruthy();
    expect(
      screen.getByText(
        'Hetzelfde nummer is op regel 2 van dit bestand tegelijk aan een andere klant toegekend',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/import the customers file first/)).toBeNull();
  });

  it('keeps the report CSV columns, with the English reason when no wording is given', () => {
    const csv = reportCsv(report, { line: 'line', column: 'column', reason: 'reason' });
    expect(csv).toContain('\r\nline,column,reason\r\n');
    expect(csv).toContain(
      '2,customer_id,"unknown customer_id ""C999"": import the customers file first"',
    );
  });
});
