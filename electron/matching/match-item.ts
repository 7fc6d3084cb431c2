import { parseIpAddress } from '../../shared/identifiers';
import { MAX_PERIOD_DAYS, periodProblem, type PeriodProblem } from '../../shared/period';
import type { ItemMatch } from '../../shared/schemas/matching';
import type { MessageKey } from '../../shared/messages';
import type { ResolvedEnd, ResolvedItem } from '../register/items';
import type { Matcher } from './matcher';
import { reasoned, type Reasoned } from './reasons';

export type ItemOutcome = Pick<ItemMatch, 'status' | 'subscribers' | 'evidence'> & Reasoned;

const none = (status: ItemOutcome['status'], why: Reasoned): ItemOutcome => ({
  status,
  ...why,
  subscribers: [],
  evidence: [],
});

const TIME_KEYS = {
  invalid_input: 'matching.timeUnreadable',
  invalid_time: 'matching.timeInvalid',
  ambiguous_time: 'matching.timeTwice',
} as const satisfies Record<string, MessageKey>;

const PERIOD_KEYS = {
  period_reversed: 'matching.periodReversed',
  period_future: 'matching.periodFuture',
  period_too_long: 'matching.periodTooLong',
} as const satisfies Record<PeriodProblem, MessageKey>;

/** The outcome of a moment (or one end of a period) that could not be resolved, or null. */
function timeOutcome(end: ResolvedEnd, zone: string): ItemOutcome | null {
  if (end.timeStatus === 'ok' && end.utcMs !== null) return null;
  const params = { moment: end.moment, zone };
  if (end.timeStatus === 'ambiguous_time' || end.timeStatus === 'ok') {
    return none(
      'ambiguous_time',
      end.timeProblem
        ? reasoned(TIME_KEYS.ambiguous_time, params, end.timeProblem)
        : reasoned('matching.chooseOffset', {}),
    );
  }
  return none(
    end.timeStatus,
    reasoned(TIME_KEYS[end.timeStatus], params, end.timeProblem ?? undefined),
  );
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * One request item to one of the seven outcomes: first the identifier (invalid_input), then its
 * moment or each end of its period (invalid_time, ambiguous_time) and the period itself
 * (invalid_input: reversed, in the future, too long), then the assignment history (match,
 * no_match, ambiguous, needs_port).
 */
export function matchItem(m: Matcher, item: ResolvedItem, nowMs: number): ItemOutcome {
  if (item.inputProblem || item.normalised === null) {
    const problem = item.inputProblem ?? 'unreadable';
    return none('invalid_input', reasoned('matching.invalidIdentifier', { problem }));
  }
  const start = timeOutcome(item, item.timeZone);
  if (start) return start;
  const end = item.periodTo ? timeOutcome(item.periodTo, item.timeZone) : null;
  if (end) return end;
  const from = item.utcMs!;
  const to = item.periodTo?.utcMs ?? null;
  if (to !== null) {
    const problem = periodProblem(from, to, nowMs);
    if (problem) {
      const params = { from: iso(from), to: iso(to), max: MAX_PERIOD_DAYS };
      return none('invalid_input', reasoned(PERIOD_KEYS[problem], params));
    }
  }
  const span = to === null ? null : { from, to };
  if (item.kind === 'phone') {
    return span
      ? m.matchNumberDuring(item.normalised, span, nowMs)
      : m.matchNumber(item.normalised, from, nowMs);
  }
  const address = parseIpAddress(item.normalised);
  if (!address.ok) {
    return none(
      'invalid_input',
      reasoned('matching.invalidIdentifier', { problem: address.reason }, address.reason),
    );
  }
  return span
    ? m.matchIpDuring(address.value, item.port, span, nowMs)
    : m.matchIp(address.value, item.port, from, nowMs);
}
