import { readItemIdentifier } from '../../shared/identifiers';
import {
  DEFAULT_TIME_ZONE,
  resolveMoment,
  type MomentCandidate,
  type MomentResult,
} from '../../shared/moment';
import type { NewItem } from '../../shared/schemas/requests';

export type TimeStatus = 'ok' | 'invalid_input' | 'invalid_time' | 'ambiguous_time';

/** The end of a period item, resolved on its own as a moment is. */
export interface ResolvedEnd {
  moment: string;
  timeStatus: TimeStatus;
  utcMs: number | null;
  timeCandidates: MomentCandidate[];
  timeProblem: string | null;
}

/** An identifier of a request as the register keeps it: as given, normalised, and its instant. */
export interface ResolvedItem {
  kind: 'phone' | 'ip';
  value: string;
  /** E.164 or the canonical address; null when the identifier is not valid. */
  normalised: string | null;
  port: number | null;
  /** Why the identifier (or its port) is not valid; null when it is. */
  inputProblem: string | null;
  /** The moment, or the start of the period. */
  moment: string;
  timeZone: string;
  timeStatus: TimeStatus;
  utcMs: number | null;
  timeCandidates: MomentCandidate[];
  timeProblem: string | null;
  /** A period item: its end (`[moment, periodTo)`); null for a moment item. */
  periodTo: ResolvedEnd | null;
}

const endOf = (moment: string, t: MomentResult): ResolvedEnd => ({
  moment,
  timeStatus: t.status,
  utcMs: t.status === 'ok' ? t.utcMs : null,
  timeCandidates: t.status === 'ambiguous_time' ? t.candidates : [],
  timeProblem: t.status === 'ok' ? null : t.reason,
});

export function resolveItem(item: NewItem): ResolvedItem {
  const read = readItemIdentifier(item.kind, item.value, item.port);
  const { normalised, port } = read;
  const inputProblem = read.problem?.reason ?? null;
  const timeZone = item.timeZone?.trim() || DEFAULT_TIME_ZONE;
  // The schema lets through exactly one of moment and period.
  const moment = item.period?.from ?? item.moment ?? '';
  const t = resolveMoment(moment, timeZone);
  const start = endOf(moment, t);
  return {
    kind: item.kind,
    value: item.value,
    normalised,
    port,
    inputProblem,
    moment,
    timeZone: t.status === 'ok' && t.explicitOffset ? t.zone : timeZone,
    timeStatus: start.timeStatus,
    utcMs: start.utcMs,
    timeCandidates: start.timeCandidates,
    timeProblem: start.timeProblem,
    periodTo: item.period ? endOf(item.period.to, resolveMoment(item.period.to, timeZone)) : null,
  };
}
