import { useTranslation } from 'react-i18next';
import { formatCount } from './format';

export interface Bar {
  key: string;
  label: string;
  /** Short label under a vertical bar (e.g. "jan"). */
  short?: string;
  value: number;
}

const W = 460;

/**
 * A bar chart (plain SVG, no scripts or inline styles: CSP-safe) with the same figures as a table
 * beside it. The chart is one image with a text alternative listing every bar; the table is what
 * a screen reader walks and what a person copies into a report.
 */
export function BarChart({
  id,
  title,
  bars,
  vertical = false,
}: {
  id: string;
  title: string;
  bars: Bar[];
  vertical?: boolean;
}) {
  const { t, i18n } = useTranslation('stats');
  const lang = i18n.language;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const total = bars.reduce((a, b) => a + b.value, 0);
  const summary = t('charts.chartSummary', {
    title,
    parts: bars.map((b) => `${b.label} ${formatCount(b.value, lang)}`).join(', '),
  });

  return (
    <section className="stats-figure" aria-labelledby={`${id}-title`} data-testid={`chart-${id}`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <div className="stats-figure__body">
        {bars.length === 0 ? (
          <p className="muted">{t('charts.empty')}</p>
        ) : vertical ? (
          <VerticalBars id={id} bars={bars} max={max} summary={summary} />
        ) : (
          <HorizontalBars id={id} bars={bars} max={max} summary={summary} />
        )}
        <div className="table-wrap">
          <table className="table stats-table">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{vertical ? t('charts.month') : t('charts.label')}</th>
                <th scope="col" className="num">
                  {t('charts.count')}
                </th>
                <th scope="col" className="num">
                  {t('charts.share')}
                </th>
              </tr>
            </thead>
            <tbody>
              {bars.map((b) => (
                <tr key={b.key}>
                  <th scope="row">{b.label}</th>
                  <td className="num">{formatCount(b.value, lang)}</td>
                  <td className="num">
                    {total === 0
                      ? '–'
                      : new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
                          style: 'percent',
                          maximumFractionDigits: 0,
                        }).format(b.value / total)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

function HorizontalBars({
  id,
  bars,
  max,
  summary,
}: {
  id: string;
  bars: Bar[];
  max: number;
  summary: string;
}) {
  const { i18n } = useTranslation('stats');
  const row = 26;
  const labelW = 215;
  const barW = W - labelW - 44;
  const h = bars.length * row + 4;
  const clip = (s: string) => (s.length > 26 ? `${s.slice(0, 25)}…` : s);
  return (
    <svg
      className="stats-chart"
      viewBox={`0 0 ${W} ${h}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      preserveAspectRatio="xMinYMin meet"
    >
      <desc id={`${id}-desc`}>{summary}</desc>
      {bars.map((b, i) => {
        const y = i * row + 2;
        const w = b.value === 0 ? 0 : Math.max(2, (b.value / max) * barW);
        return (
          <g key={b.key}>
            <text
              x={labelW - 8}
              y={y + row / 2 + 4}
              textAnchor="end"
              className="stats-chart__label"
            >
              {clip(b.label)}
            </text>
            <rect
              x={labelW}
              y={y + 4}
              width={w}
              height={row - 8}
              rx={2}
              className="stats-chart__bar"
            />
            <text x={labelW + w + 6} y={y + row / 2 + 4} className="stats-chart__value">
              {formatCount(b.value, i18n.language)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function VerticalBars({
  id,
  bars,
  max,
  summary,
}: {
  id: string;
  bars: Bar[];
  max: number;
  summary: string;
}) {
  const { i18n } = useTranslation('stats');
  const h = 200;
  const base = h - 24;
  const top = 18;
  const col = W / bars.length;
  return (
    <svg
      className="stats-chart"
      viewBox={`0 0 ${W} ${h}`}
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
    >
      <desc id={`${id}-desc`}>{summary}</desc>
      <line x1={0} x2={W} y1={base} y2={base} className="stats-chart__axis" />
      {bars.map((b, i) => {
        const bh = b.value === 0 ? 0 : Math.max(2, (b.value / max) * (base - top));
        const x = i * col + col * 0.18;
        const bw = col * 0.64;
        return (
          <g key={b.key}>
            <rect x={x} y={base - bh} width={bw} height={bh} rx={2} className="stats-chart__bar" />
            <text
              x={x + bw / 2}
              y={base - bh - 5}
              textAnchor="middle"
              className="stats-chart__value"
            >
              {formatCount(b.value, i18n.language)}
            </text>
            <text x={x + bw / 2} y={h - 6} textAnchor="middle" className="stats-chart__label">
              {b.short ?? b.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
