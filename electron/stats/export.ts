import type { YearStats } from '../../shared/schemas/stats';
import { toCsv } from '../../shared/csv';
import { publishedStats, type PublishedYearStats } from './suppress';

export type ExportFormat = 'json' | 'csv';

export interface StatsFile {
  fileName: string;
  mime: string;
  content: string;
}

type Cell = string | number | null;

/**
 * The figures as rows of (figure, label, value): `byLegalBasis.sv-126na-1`, `Sv 126na lid 1`, 12.
 * Every figure of YearStats appears, in its order; months are labelled `2026-01` … and the years
 * side by side `lastFiveYears.2024.requests`.
 */
export function statRows(stats: YearStats | PublishedYearStats): Cell[][] {
  const rows: Cell[][] = [];
  const label = (path: string[]): string => {
    const [section, key] = path;
    if (section === 'byLegalBasis' && key) return stats.labels.legalBasis[key] ?? '';
    if (section === 'byAuthority' && key) return stats.labels.authority[key] ?? '';
    if (section === 'byMonth' && key) return `${stats.year}-${key}`;
    return '';
  };
  const visit = (value: unknown, path: string[]) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        const year = (v as { year?: unknown })?.year;
        const key = typeof year === 'number' ? String(year) : String(i + 1).padStart(2, '0');
        visit(typeof year === 'number' ? omitYear(v) : v, [...path, key]);
      });
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
    } else {
      rows.push([path.join('.'), label(path), (value as Cell) ?? null]);
    }
  };
  const { labels: _labels, ...figures } = stats;
  visit(figures, []);
  return rows;
}

const omitYear = (v: object): object =>
  Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'year'));

/**
 * A statistics file for download: JSON (the figures as the app has them) or CSV (one figure per
 * row). Published files have small counts suppressed; the internal ones are exact. Neither holds
 * anything but counts, durations, catalogue labels and codes.
 */
export function statsFile(
  stats: YearStats,
  format: ExportFormat,
  options: { published: boolean; threshold: number },
): StatsFile {
  const figures = options.published ? publishedStats(stats, options.threshold) : stats;
  const base = `naw-desk-statistics-${stats.year}${options.published ? '' : '-internal'}`;
  const meta = {
    published: options.published,
    suppressionThreshold: options.published ? options.threshold : null,
  };
  if (format === 'json') {
    return {
      fileName: `${base}.json`,
      mime: 'application/json',
      content: JSON.stringify({ ...figures, ...meta }, null, 2) + '\n',
    };
  }
  return {
    fileName: `${base}.csv`,
    mime: 'text/csv',
    content: toCsv([
      ['figure', 'label', 'value'],
      ...statRows(figures),
      ['published', '', meta.published ? 'yes' : 'no'],
      ['suppressionThreshold', '', meta.suppressionThreshold],
    ]),
  };
}
