import type { PublishedCount, YearStats } from '../../shared/schemas/stats';

/**
 * A count as published: 1 … threshold-1 become "< threshold"; 0 and larger counts stay (so a
 * threshold below 2 changes nothing).
 */
export const suppressCount = (n: number, threshold: number): PublishedCount =>
  n > 0 && n < threshold ? `< ${threshold}` : n;

/**
 * Fields that are not counts: the year, durations in hours, the zone, times and labels. Every
 * other number in the figures is a count and is suppressed, so a count added later is suppressed
 * by default rather than published by mistake.
 */
const NOT_COUNTS = new Set([
  'year',
  'median',
  'p90',
  'average',
  'timeZone',
  'asOf',
  'until',
  'labels',
]);

export type Published<T> = T extends number
  ? PublishedCount
  : T extends readonly (infer U)[]
    ? Published<U>[]
    : T extends object
      ? {
          [K in keyof T]: K extends 'year' | 'median' | 'p90' | 'average' | 'labels'
            ? T[K]
            : Published<T[K]>;
        }
      : T;
export type PublishedYearStats = Published<YearStats>;

function walk(value: unknown, threshold: number): unknown {
  if (typeof value === 'number') return suppressCount(value, threshold);
  if (Array.isArray(value)) return value.map((v) => walk(v, threshold));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, NOT_COUNTS.has(k) ? v : walk(v, threshold)]),
    );
  }
  return value;
}

/**
 * The figures for publication (the transparency report and its exports): every count between 1
 * and threshold-1 shown as "< threshold". Never used for the desk's own view. This is primary
 * suppression only: a suppressed cell can sometimes be worked out from a total and the other cells.
 */
export function publishedStats(stats: YearStats, threshold: number): PublishedYearStats {
  return walk(stats, threshold) as PublishedYearStats;
}
