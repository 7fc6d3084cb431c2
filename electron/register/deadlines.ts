import type { Urgency } from '../../shared/schemas/requests';

const HOUR = 3_600_000;

/**
 * Default answer deadlines per urgency, in hours after receipt: 10 days and 8 hours (emergency)
 * as in the EU e-Evidence rules; `urgent` is the desk's own default of 3 days. Each request can
 * carry its own deadline instead; the vault setting `requestDeadlineHours` overrides these.
 */
export const DEFAULT_DEADLINE_HOURS: Record<Urgency, number> = {
  normal: 240,
  urgent: 72,
  emergency: 8,
};

/** An oral (phone) request must be confirmed in writing within 3 days (Sv 126nd lid 4). */
export const WRITTEN_CONFIRMATION_HOURS = 72;
/** "Due soon" on the dashboard. */
export const DUE_SOON_HOURS = 24;

export const addHours = (iso: string, hours: number): string =>
  new Date(Date.parse(iso) + hours * HOUR).toISOString();

export type DeadlineState = 'overdue' | 'due_soon' | 'open' | 'closed';

export function deadlineState(
  dueIso: string | null,
  nowIso: string,
  closed: boolean,
): DeadlineState {
  if (closed || dueIso === null) return 'closed';
  const left = Date.parse(dueIso) - Date.parse(nowIso);
  if (left < 0) return 'overdue';
  if (left <= DUE_SOON_HOURS * HOUR) return 'due_soon';
  return 'open';
}
