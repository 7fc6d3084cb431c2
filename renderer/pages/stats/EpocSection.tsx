import { useTranslation } from 'react-i18next';
import { EPOC_STATS_CATEGORIES, type YearStats } from '../../../shared/schemas/stats';
import { BarChart } from './BarChart';
import { formatCount, formatHours } from './format';

/**
 * European Production Orders of the year as Art. 28 of Regulation (EU) 2023/1543 counts them,
 * beside the Dutch figures (which count them too).
 */
export function EpocSection({ stats }: { stats: YearStats }) {
  const { t, i18n } = useTranslation('stats');
  const lang = i18n.language;
  const e = stats.epoc;
  const n = (v: number) => formatCount(v, lang);
  const avg = (a: { average: number | null }) =>
    a.average === null
      ? t('epoc.noHours')
      : t('epoc.hours', { hours: formatHours(a.average, lang) });
  const tiles: [string, string][] = [
    [t('epoc.orders'), n(e.orders)],
    [
      t('epoc.urgency'),
      t('epoc.urgencyValue', {
        emergency: n(e.byUrgency.emergency),
        normal: n(e.byUrgency.normal),
      }),
    ],
    [
      t('epoc.compliance'),
      t('epoc.complianceValue', {
        complied: n(e.compliance.complied),
        notComplied: n(e.compliance.notComplied),
        open: n(e.compliance.open),
      }),
    ],
    [t('epoc.receiptToAnswer'), avg(e.receiptToAnswerHours)],
    [t('epoc.issueToAnswer'), avg(e.issueToAnswerHours)],
  ];
  return (
    <section aria-labelledby="epoc-stats-title" data-testid="stats-epoc">
      <h2 id="epoc-stats-title">{t('epoc.title')}</h2>
      <p>{t('epoc.intro')}</p>
      {e.orders === 0 ? (
        <p>{t('epoc.none')}</p>
      ) : (
        <>
          <dl className="stats-headline">
            {tiles.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <div className="stats-charts">
            <BarChart
              id="epoc-by-state"
              title={t('epoc.byState')}
              bars={Object.entries(e.byIssuingState).map(([code, value]) => ({
                key: code,
                label: code,
                value,
              }))}
            />
            <BarChart
              id="epoc-by-category"
              title={t('epoc.byCategory')}
              bars={EPOC_STATS_CATEGORIES.map((c) => ({
                key: c,
                label: t(`epoc.category.${c}`),
                value: e.byCategory[c],
              }))}
            />
            <BarChart
              id="epoc-reasons"
              title={t('epoc.reasons')}
              bars={Object.entries(e.notCompliedByReason).map(([code, value]) => ({
                key: code,
                label: t(`epoc.reason.${code}`, { defaultValue: code }),
                value,
              }))}
            />
          </div>
        </>
      )}
    </section>
  );
}
