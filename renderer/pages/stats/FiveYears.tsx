import { useTranslation } from 'react-i18next';
import { OUTCOMES, type YearStats } from '../../../shared/schemas/stats';
import { formatCount } from './format';

/** The year and the four before it, side by side. */
export function FiveYears({ stats }: { stats: YearStats }) {
  const { t, i18n } = useTranslation('stats');
  const years = stats.lastFiveYears;
  const n = (v: number) => formatCount(v, i18n.language);
  const rows: [string, number[]][] = [
    [t('headline.requests'), years.map((y) => y.requests)],
    [t('headline.items'), years.map((y) => y.items)],
    ...OUTCOMES.map((o): [string, number[]] => [
      t(`outcome.${o}`),
      years.map((y) => y.byOutcome[o]),
    ]),
    [t('headline.subscribers'), years.map((y) => y.subscribersAffected)],
  ];
  return (
    <section className="stats-figure" aria-labelledby="five-years-title">
      <h3 id="five-years-title">{t('fiveYears.title')}</h3>
      <div className="table-wrap">
        <table className="table stats-table" data-testid="stats-five-years">
          <caption>
            {t('fiveYears.caption', { from: years[0]?.year, to: years.at(-1)?.year })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('fiveYears.figure')}</th>
              {years.map((y) => (
                <th scope="col" className="num" key={y.year}>
                  {y.year}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, values]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {values.map((v, i) => (
                  <td className="num" key={i}>
                    {n(v)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
