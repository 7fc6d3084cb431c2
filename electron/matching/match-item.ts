import {
  identifierProblemKey,
  parseIpAddress,
  type IdentifierFailure,
  readItemIdentifier,
} from '../../shared/identifiers';
import { MAX_PERIOD_DAYS, periodProblem, type PeriodProblem } from '../../shared/period';
import type { ItemMatch } from '../../shared/schemas/matching';
import { coreText, type MessageKey } from '../../shared/messages';
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
/** The identifier's own problem by key; its English as before ("Not a valid identifier: …"). */
const invalidIdentifier = (p: IdentifierFailure): Reasoned =>
  reasoned(
    identifierProblemKey(p.code),
    p.params,
    coreText('en', 'matching.invalidIdentifier', { problem: p.reason }),
  );

export function matchItem(m: Matcher, item: ResolvedItem, nowMs: number): ItemOutcome {
  if (item.inputProblem || item.normalised === null) {
    // Read again for its code, so the reason is worded in the reader's language; a problem
    // that cannot be read again (a port already dropped) keeps its stored English text.
    const again = readItemIdentifier(item.kind, item.value, item.port).problem;
    if (again) return none('invalid_input', invalidIdentifier(again));
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
    return none('invalid_input', invalidIdentifier(address));
  }
  return span
    ? m.matchIpDuring(address.value, item.port, span, nowMs)
    : m.matchIp(address.value, item.port, from, nowMs);
}
