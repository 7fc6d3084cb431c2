import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IDENTIFIER_KINDS, OUTCOMES, STATS_URGENCIES } from '../../../shared/schemas/stats';
import { desk, unwrap } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { optionsOf } from '../../components/Field';
import { formatDateTime } from '../../components/format';
import { Page } from '../../components/Page';
import { useDeskData } from '../../hooks/useDeskData';
import { BarChart, type Bar } from './BarChart';
import { EpocSection } from './EpocSection';
import { ExportPanel } from './ExportPanel';
import { FiveYears } from './FiveYears';
import { monthNames } from './format';
import { Headline } from './Headline';

/**
 * The yearly statistics: a year selector, the headline figures, charts with a table beside each,
 * the five years side by side, and the exports (CSV, JSON, the transparency report as PDF).
 * The figures here are exact; only exports and the report suppress small counts.
 */
export function StatsPage() {
  const { t, i18n } = useTranslation('stats');
  const lang = i18n.language;
  const selectId = useId();
  const years = useDeskData(async () => unwrap(await desk.stats.years({})), []);
  const info = years.data;
  const [chosen, setYear] = useState<number | null>(null);
  // The current year until the user picks another.
  const year = chosen ?? info?.currentYear ?? null;
  const stats = useDeskData(
    async () => (year === null ? null : unwrap(await desk.stats.year({ year }))),
    [year],
  );

  const threshold = info?.suppressionThreshold ?? 5;
  const shown = stats.data && stats.data.year === year ? stats.data : null;
  const labelled = (counts: Record<string, number>, labels: Record<string, string>): Bar[] =>
    Object.entries(counts).map(([key, value]) => ({ key, label: labels[key] ?? key, value }));

  return (
    <Page title={t('title')}>
      <p className="lead">{t('intro', { threshold })}</p>
      <div className="stats-toolbar">
        <div>
          <label htmlFor={selectId}>{t('year')}</label>
          <select
            id={selectId}
            value={year ?? ''}
            disabled={!info}
            onChange={(e) => setYear(Number(e.target.value))}
          >
            {optionsOf(info?.years, (y) => y)}
          </select>
        </div>
        <p className="muted" role="status" aria-live="polite">
          {shown ? t('asOf', { date: formatDateTime(shown.asOf, lang) }) : t('loading')}
        </p>
      </div>
      <ErrorAlert error={years.error ?? stats.error} />
      {shown && info && (
        <>
          <Headline stats={shown} isCurrentYear={shown.year === info.currentYear} />
          <div className="stats-charts">
            <BarChart
              id="by-month"
              vertical
              title={t('charts.byMonth')}
              bars={shown.byMonth.map((value, m) => ({
                key: String(m + 1),
                label: `${monthNames(lang, 'long')[m]} ${shown.year}`,
                short: monthNames(lang, 'short')[m],
                value,
              }))}
            />
            <BarChart
              id="by-outcome"
              title={t('charts.byOutcome')}
              bars={OUTCOMES.map((o) => ({
                key: o,
                label: t(`outcome.${o}`),
                value: shown.byOutcome[o],
              }))}
            />
            <BarChart
              id="by-basis"
              title={t('charts.byLegalBasis')}
              bars={labelled(shown.byLegalBasis, shown.labels.legalBasis)}
            />
            <BarChart
              id="by-authority"
              title={t('charts.byAuthority')}
              bars={labelled(shown.byAuthority, shown.labels.authority)}
            />
            <BarChart
              id="by-kind"
              title={t('charts.byIdentifierKind')}
              bars={IDENTIFIER_KINDS.map((k) => ({
                key: k,
                label: t(`kind.${k}`),
                value: shown.byIdentifierKind[k],
              }))}
            />
            <BarChart
              id="by-urgency"
              title={t('charts.byUrgency')}
              bars={STATS_URGENCIES.map((u) => ({
                key: u,
                label: t(`urgency.${u}`),
                value: shown.byUrgency[u],
              }))}
            />
            <BarChart
              id="refusals"
              title={t('charts.refusals')}
              bars={Object.entries(shown.refusalsByReason).map(([code, value]) => ({
                key: code,
                label: t(`reason.${code}`, { defaultValue: code }),
                value,
              }))}
            />
            <FiveYears stats={shown} />
          </div>
          <EpocSection stats={shown} />
          <ExportPanel year={shown.year} threshold={threshold} />
        </>
      )}
    </Page>
  );
}
