import { parseIpAddress } from '../../shared/identifiers';
import type { ItemMatch } from '../../shared/schemas/matching';
import type { ResolvedItem } from '../register/items';
import type { Matcher } from './matcher';

export type ItemOutcome = Pick<ItemMatch, 'status' | 'reason' | 'subscribers' | 'evidence'>;

const none = (status: ItemOutcome['status'], reason: string): ItemOutcome => ({
  status,
  reason,
  subscribers: [],
  evidence: [],
});

/**
 * One request item to one of the seven outcomes: first the identifier (invalid_input), then its
 * moment (invalid_time, ambiguous_time), then the assignment history (match, no_match,
 * ambiguous, needs_port).
 */
export function matchItem(m: Matcher, item: ResolvedItem, nowMs: number): ItemOutcome {
  if (item.inputProblem || item.normalised === null) {
    return none('invalid_input', `Not a valid identifier: ${item.inputProblem ?? 'unreadable'}.`);
  }
  if (item.timeStatus === 'invalid_input') return none('invalid_input', item.timeProblem ?? '');
  if (item.timeStatus === 'invalid_time') return none('invalid_time', item.timeProblem ?? '');
  if (item.timeStatus === 'ambiguous_time' || item.utcMs === null) {
    return none('ambiguous_time', item.timeProblem ?? 'Choose the offset the requester meant.');
  }
  if (item.kind === 'phone') return m.matchNumber(item.normalised, item.utcMs, nowMs);
  const address = parseIpAddress(item.normalised);
  if (!address.ok) return none('invalid_input', address.reason);
  return m.matchIp(address.value, item.port, item.utcMs, nowMs);
}
