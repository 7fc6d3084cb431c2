import { useTranslation } from 'react-i18next';
import { importIssueKey } from '../../../shared/import-issue';
import type { ImportIssue, ImportReport } from '../../../shared/schemas/customers';
import { downloadFile } from '../../components/download';
import { formatDateTime } from '../../components/format';
import { Table } from '../../components/Table';
import { reportCsv } from './report-csv';

/** The outcome of one import: counts, whether anything was written, and every problem found. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t, i18n } = useTranslation('customers');
  const n = (v: number) => v.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nl-NL');
  const tone =
    report.status === 'committed'
      ? report.rejectedRows
        ? 'warning'
        : 'ok'
      : report.status === 'dry_run'
        ? 'info'
        : 'error';
  const issues = [...report.warnings, ...report.rejected];
  // Findings with a code are worded in the UI language (this page's own words for the file as a
  // whole, the core's for rows); the others as the desk wrote them.
  const reason = (i: ImportIssue) => {
    if (!i.code) return i.reason;
    const params = Object.fromEntries(
      Object.entries(i.params ?? {}).map(([k, v]) => [k, typeof v === 'number' ? n(v) : v]),
    );
    const own = t(`issue.${i.code}`, { ...params, defaultValue: '' });
    return (
      own || t(importIssueKey(i.code, i.params), { ...params, ns: 'core', defaultValue: i.reason })
    );
  };
  const download = () =>
    downloadFile(
      `${report.fileName.replace(/\.[^.]*$/, '')}-report.csv`,
      reportCsv(
        report,
        {
          file: t('report.file'),
          kind: t('kind.label'),
          status: t('summary.status'),
          rows: t('report.rows'),
          added: t('report.added'),
          changed: t('report.changed'),
          closed: t('report.closed'),
          unchanged: t('report.unchanged'),
          rejected: t('report.rejected'),
          line: t('report.line'),
          column: t('report.column'),
          reason: t('report.reason'),
        },
        reason,
      ),
      'text/csv;charset=utf-8',
    );
  return (
    <section className="panel" aria-labelledby="report-heading" data-testid="import-report">
      <h2 id="report-heading">{t('report.title')}</h2>
      <div className={`alert alert--${tone}`} role="status">
        <p>
          <strong>{t(`status.${report.status}`)}</strong> —{' '}
          {t(report.written ? 'report.written' : 'report.notWritten')}
        </p>
        {report.status === 'rejected' && <p>{t('report.rejectedHint')}</p>}
      </div>
      <dl className="holdings">
        {(['rows', 'added', 'changed', 'closed', 'unchanged'] as const).map((k) => (
          <div key={k}>
            <dt>{t(`report.${k}`)}</dt>
            <dd>{n(report[k])}</dd>
          </div>
        ))}
        <div>
          <dt>{t('report.rejected')}</dt>
          <dd>{n(report.rejectedRows)}</dd>
        </div>
      </dl>
      <p className="muted">
        {t('report.meta', {
          file: report.fileName,
          mode: t(`mode.${report.mode ?? 'history'}`),
          seconds: (report.durationMs / 1000).toLocaleString(i18n.language, {
            maximumFractionDigits: 1,
          }),
        })}
        {report.asOf &&
          ` ${t('report.asOf', { asOf: formatDateTime(report.asOf, i18n.language) })}`}
        <br />
        <span className="mono">SHA-256 {report.sha256}</span>
      </p>
      {issues.length > 0 && (
        <>
          <h3>{t('report.problems')}</h3>
          <Table
            region={{ label: t('report.problems') }}
            testId="import-problems"
            columns={[
              { label: t('report.line'), num: true },
              t('report.column'),
              t('report.reason'),
            ]}
          >
            {issues.slice(0, 200).map((i, k) => (
              <tr key={k}>
                <td className="num">{i.line || '—'}</td>
                <td>{i.column || '—'}</td>
                <td>{reason(i)}</td>
              </tr>
            ))}
          </Table>
          {(issues.length > 200 || report.rejectedTruncated) && (
            <p className="muted">{t('report.more')}</p>
          )}
        </>
      )}
      <div className="actions">
        <button type="button" className="btn" onClick={download}>
          {t('report.download')}
        </button>
      </div>
    </section>
  );
}
