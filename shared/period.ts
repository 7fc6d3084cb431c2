/**
 * Periods of interest: an item may ask who held a number or address during a period instead of at
 * a moment. Both ends are written as moments (shared/moment.ts) in the item's zone; the period is
 * half-open, `[from, to)`, like every validity interval of the customer tables.
 *
 * The desk answers a period of at most MAX_PERIOD_DAYS: a longer one is not a request for
 * subscriber data but for a customer's history, and is sent back to be narrowed (the requester can
 * always ask for several periods). Pure: used by the wizard (renderer) and the matcher (main).
 */

export const MAX_PERIOD_DAYS = 366;
const DAY_MS = 86_400_000;

/** How far ahead of now an end may lie (clocks of requester and desk differ a little). */
export const FUTURE_SLACK_MS = 5 * 60_000;

export type PeriodProblem = 'period_reversed' | 'period_future' | 'period_too_long';

/** What makes a resolved period unusable, or null: from before to, not in the future, not too long. */
export function periodProblem(fromMs: number, toMs: number, nowMs: number): PeriodProblem | null {
  if (toMs <= fromMs) return 'period_reversed';
  if (toMs > nowMs + FUTURE_SLACK_MS) return 'period_future';
  if (toMs - fromMs > MAX_PERIOD_DAYS * DAY_MS) return 'period_too_long';
  return null;
}

/** `[from, to)` of two half-open intervals, or null when they do not overlap. */
export function overlap(
  a: { from: number; to: number },
  b: { from: number; to: number },
): { from: number; to: number } | null {
  const from = Math.max(a.from, b.from);
  const to = Math.min(a.to, b.to);
  return from < to ? { from, to } : null;
}
