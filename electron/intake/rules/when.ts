import { resolveMoment, withOffset } from '../../../shared/moment';
import { isoDate, localDateTime, type FoundDateTime } from './datetimes';

/**
 * A found date-time as the request JSON writes a moment of the request itself (receivedAt,
 * deadline): with its offset when a zone was written, else local time in Europe/Amsterdam.
 */
export function requestDateTime(
  dt: FoundDateTime & { time: NonNullable<FoundDateTime['time']> },
): string {
  const local = localDateTime(dt);
  const z = dt.zone;
  if (!z) return local;
  if (z.kind === 'offset') {
    const r = resolveMoment(local, '+00:00');
    return r.status === 'ok' ? withOffset(r.utcMs - z.minutes * 60_000, z.minutes) : local;
  }
  const r = resolveMoment(local, z.zone);
  return r.status === 'ok' ? withOffset(r.utcMs, r.offsetMinutes) : local;
}

export const dateOnly = (dt: FoundDateTime): string => isoDate(dt);
