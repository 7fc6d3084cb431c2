import { useTranslation } from 'react-i18next';
import type { CustomersSummary } from '../../../shared/schemas/customers';
import { formatDateTime } from '../../components/format';
import { Table } from '../../components/Table';

const COUNTS = ['added', 'changed', 'closed', 'rejected'] as const;

/** What the vault holds: counts and the last import per kind. Never a customer record. */
export function HoldingsSummary({ summary }: { summary: CustomersSummary | null }) {
  const { t, i18n } = useTranslation('customers');
  const n = (v: number) => v.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'nl-NL');
  if (!summary) return <p className="muted">{t('summary.loading')}</p>;
  return (
    <section className="panel" aria-labelledby="holdings-heading">
      <h2 id="holdings-heading">{t('summary.title')}</h2>
      <dl className="holdings">
        <div>
          <dt>{t('summary.customers')}</dt>
          <dd>
            {t('summary.currentOfTotal', {
              current: n(summary.customers.current),
              total: n(summary.customers.total),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('summary.versions')}</dt>
          <dd>{n(summary.customerVersions)}</dd>
        </div>
        <div>
          <dt>{t('summary.numbers')}</dt>
          <dd>
            {t('summary.currentOfTotal', {
              current: n(summary.numbers.current),
              total: n(summary.numbers.total),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('summary.ips')}</dt>
          <dd>
            {t('summary.currentOfTotal', {
              current: n(summary.ips.current),
              total: n(summary.ips.total),
            })}
          </dd>
        </div>
      </dl>
      <h3>{t('summary.lastImports')}</h3>
      {summary.lastImports.length === 0 ? (
        <p className="muted">{t('summary.noImports')}</p>
      ) : (
        <Table
          region={{ label: t('summary.lastImports') }}
          columns={[
            t('kind.label'),
            t('summary.when'),
            t('summary.file'),
            t('summary.by'),
            t('summary.status'),
            ...COUNTS.map((c) => ({ label: t(`report.${c}`), num: true })),
          ]}
        >
          {summary.lastImports.map((l) => (
            <tr key={l.kind}>
              <td>{t(`kind.${l.kind}`)}</td>
              <td>{l.finishedAt ? formatDateTime(l.finishedAt, i18n.language) : '—'}</td>
              <td className="truncate">{l.fileName}</td>
              <td>{l.user}</td>
              <td>{t(`status.${l.status}`)}</td>
              {COUNTS.map((c) => (
                <td key={c} className="num">
                  {n(l[c])}
                </td>
              ))}
            </tr>
          ))}
        </Table>
      )}
      <p className="field__hint">{t('summary.principle')}</p>
    </section>
  );
}
