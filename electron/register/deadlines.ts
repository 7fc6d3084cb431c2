import type { Urgency } from '../../shared/schemas/terms';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/schemas/settings';
import { readSettings } from '../core/settings';
import type { Db } from '../core/db';

const HOUR = 3_600_000;

type DeadlineRules = Pick<
  Settings,
  'deadlineDaysNormal' | 'deadlineDaysUrgent' | 'deadlineHoursEmergency'
>;

/** The answer deadline of an urgency, in hours after receipt, under the desk's rules. */
export const deadlineHoursOf = (rules: DeadlineRules, urgency: Urgency): number =>
  urgency === 'emergency'
    ? rules.deadlineHoursEmergency
    : (urgency === 'urgent' ? rules.deadlineDaysUrgent : rules.deadlineDaysNormal) * 24;

/**
 * Default answer deadlines per urgency, in hours after receipt: 10 days and 8 hours (emergency)
 * as in the EU e-Evidence rules; `urgent` is the desk's own default of 3 days. An admin changes
 * them in Settings (deadlineDaysNormal / deadlineDaysUrgent / deadlineHoursEmergency); each
 * request can carry its own deadline instead.
 */
export const DEFAULT_DEADLINE_HOURS: Record<Urgency, number> = {
  normal: deadlineHoursOf(DEFAULT_SETTINGS, 'normal'),
  urgent: deadlineHoursOf(DEFAULT_SETTINGS, 'urgent'),
  emergency: deadlineHoursOf(DEFAULT_SETTINGS, 'emergency'),
};

/** The deadline hours for a new request of this urgency, from the vault's settings. */
export const deadlineHoursFor = (db: Db, urgency: Urgency): number =>
  deadlineHoursOf(readSettings(db), urgency);

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
