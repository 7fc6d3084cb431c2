import { useTranslation } from 'react-i18next';
import type { YearStats } from '../../../shared/schemas/stats';
import { formatCount, formatHours } from './format';

/** The headline figures of a year, and this year so far against the same period last year. */
export function Headline({ stats, isCurrentYear }: { stats: YearStats; isCurrentYear: boolean }) {
  const { t, i18n } = useTranslation('stats');
  const lang = i18n.language;
  const n = (v: number) => formatCount(v, lang);
  const h = stats.handlingHours;
  const tiles: [string, string, string?][] = [
    [t('headline.requests'), n(stats.requests)],
    [t('headline.items'), n(stats.items)],
    [t('headline.subscribers'), n(stats.subscribersAffected)],
    [
      t('headline.handling'),
      h.median === null || h.p90 === null
        ? t('headline.noHours')
        : t('headline.hours', {
            median: formatHours(h.median, lang),
            p90: formatHours(h.p90, lang),
          }),
    ],
    [
      t('headline.deadlines'),
      t('headline.deadlinesValue', {
        met: n(stats.deadlines.met),
        missed: n(stats.deadlines.missed),
      }),
      stats.deadlines.open > 0
        ? t('headline.deadlinesOpen', { count: stats.deadlines.open })
        : undefined,
    ],
    [
      t('headline.emergencies'),
      t('headline.emergenciesValue', {
        within: n(stats.emergencies.within8h),
        total: n(stats.emergencies.total),
      }),
    ],
    [t('headline.failedVerification'), n(stats.failedVerification)],
  ];
  const so = stats.soFar;
  return (
    <section aria-labelledby="headline-title">
      <h2 id="headline-title">{t('headline.title', { year: stats.year })}</h2>
      <p data-testid="stats-so-far">
        {isCurrentYear
          ? t('headline.soFar', {
              current: n(so.current.requests),
              previous: n(so.previous.requests),
              lastYear: stats.year - 1,
            })
          : t('headline.wholeYear', {
              current: n(so.current.requests),
              previous: n(so.previous.requests),
              year: stats.year,
              lastYear: stats.year - 1,
            })}
      </p>
      <dl className="stats-headline" data-testid="stats-headline">
        {tiles.map(([label, value, note]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>
              {value}
              {note && <span className="stats-headline__note">{note}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
