import { useTranslation } from 'react-i18next';
import type { CustomersSummary } from '../../../shared/schemas/customers';
import { formatDateTime } from '../../components/format';

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
        <div
          className="table-wrap"
          tabIndex={0}
          role="region"
          aria-label={t('summary.lastImports')}
        >
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('kind.label')}</th>
                <th scope="col">{t('summary.when')}</th>
                <th scope="col">{t('summary.file')}</th>
                <th scope="col">{t('summary.by')}</th>
                <th scope="col">{t('summary.status')}</th>
                <th scope="col" className="num">
                  {t('report.added')}
                </th>
                <th scope="col" className="num">
                  {t('report.changed')}
                </th>
                <th scope="col" className="num">
                  {t('report.closed')}
                </th>
                <th scope="col" className="num">
                  {t('report.rejected')}
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.lastImports.map((l) => (
                <tr key={l.kind}>
                  <td>{t(`kind.${l.kind}`)}</td>
                  <td>{l.finishedAt ? formatDateTime(l.finishedAt, i18n.language) : '—'}</td>
                  <td className="truncate">{l.fileName}</td>
                  <td>{l.user}</td>
                  <td>{t(`status.${l.status}`)}</td>
                  <td className="num">{n(l.added)}</td>
                  <td className="num">{n(l.changed)}</td>
                  <td className="num">{n(l.closed)}</td>
                  <td className="num">{n(l.rejected)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="field__hint">{t('summary.principle')}</p>
    </section>
  );
}
