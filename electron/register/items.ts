import { normalisePhone, parseIpAddress, parsePort } from '../../shared/identifiers';
import { DEFAULT_TIME_ZONE, resolveMoment, type MomentCandidate } from '../../shared/moment';
import type { NewItem } from '../../shared/schemas/requests';

/** An identifier of a request as the register keeps it: as given, normalised, and its instant. */
export interface ResolvedItem {
  kind: 'phone' | 'ip';
  value: string;
  /** E.164 or the canonical address; null when the identifier is not valid. */
  normalised: string | null;
  port: number | null;
  /** Why the identifier (or its port) is not valid; null when it is. */
  inputProblem: string | null;
  moment: string;
  timeZone: string;
  timeStatus: 'ok' | 'invalid_input' | 'invalid_time' | 'ambiguous_time';
  utcMs: number | null;
  timeCandidates: MomentCandidate[];
  timeProblem: string | null;
}

export function resolveItem(item: NewItem): ResolvedItem {
  let normalised: string | null = null;
  let port: number | null = null;
  let inputProblem: string | null = null;
  if (item.kind === 'phone') {
    const p = normalisePhone(item.value);
    if (p.ok) normalised = p.value.e164;
    else inputProblem = p.reason;
    if (item.port !== undefined) inputProblem ??= 'a phone number has no port';
  } else {
    const a = parseIpAddress(item.value);
    if (a.ok) normalised = a.value.canonical;
    else inputProblem = a.reason;
    if (a.ok && item.value.includes('/')) inputProblem = 'give one address, not a prefix';
    if (item.port !== undefined && item.port !== '') {
      const p = parsePort(item.port);
      if (p.ok) port = p.value;
      else inputProblem ??= p.reason;
    }
  }
  const timeZone = item.timeZone?.trim() || DEFAULT_TIME_ZONE;
  const t = resolveMoment(item.moment, timeZone);
  return {
    kind: item.kind,
    value: item.value,
    normalised,
    port,
    inputProblem,
    moment: item.moment,
    timeZone: t.status === 'ok' && t.explicitOffset ? t.zone : timeZone,
    timeStatus: t.status,
    utcMs: t.status === 'ok' ? t.utcMs : null,
    timeCandidates: t.status === 'ambiguous_time' ? t.candidates : [],
    timeProblem: t.status === 'ok' ? null : t.reason,
  };
}
