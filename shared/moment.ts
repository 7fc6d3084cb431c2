import { IANAZone } from 'luxon';

/**
 * Moments of interest: a local date-time in an IANA zone (default Europe/Amsterdam), or with an
 * explicit UTC offset, resolved to one UTC instant — or to the reason it cannot be:
 * - `invalid_input`: not a date-time we can read, or an unknown time zone;
 * - `invalid_time`: the date or wall-clock time does not exist (30 February, or the spring-forward
 *   gap, e.g. 2026-03-29T02:30 in Europe/Amsterdam);
 * - `ambiguous_time`: the wall-clock time occurs twice (autumn fall-back, e.g. 2025-10-26T02:30);
 *   both candidates are returned so the officer can choose. An explicit offset is never ambiguous.
 * Pure: used by the request wizard (renderer) and the register (main) alike.
 */

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

export interface MomentCandidate {
  /** `+02:00` */
  offset: string;
  offsetMinutes: number;
  utcMs: number;
  /** `2025-10-26T00:30:00.000Z` */
  utc: string;
}

export type MomentResult =
  | ({ status: 'ok'; zone: string; explicitOffset: boolean } & MomentCandidate)
  | { status: 'ambiguous_time'; zone: string; candidates: MomentCandidate[]; reason: string }
  | { status: 'invalid_time'; reason: string }
  | { status: 'invalid_input'; reason: string };

const MOMENT_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3})\d*)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const OFFSET_RE = /^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i;

export const formatOffset = (minutes: number): string => {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
};

/** `+01:00`, `-0530`, `+2`, `UTC+1`, `Z` → minutes east of UTC; null when it is not an offset. */
export function parseOffset(text: string): number | null {
  const t = text.trim();
  if (/^(Z|UTC|GMT)$/i.test(t)) return 0;
  const m = OFFSET_RE.exec(t);
  if (!m) return null;
  const h = Number(m[2]);
  const min = Number(m[3] ?? '0');
  if (h > 18 || min > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (h * 60 + min);
}

const candidate = (wallMs: number, offsetMinutes: number): MomentCandidate => {
  const utcMs = wallMs - offsetMinutes * 60_000;
  return {
    offset: formatOffset(offsetMinutes),
    offsetMinutes,
    utcMs,
    utc: new Date(utcMs).toISOString(),
  };
};

const knownZones = new Map<string, boolean>();

/**
 * Is this an IANA time zone we know (e.g. Europe/Amsterdam, UTC)? Remembered per name: asking Intl
 * costs a formatter each time, and a document's table asks it for every row. Few names ever occur.
 */
export function isKnownZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known === undefined) {
    known = IANAZone.isValidZone(zone);
    if (knownZones.size < 256) knownZones.set(zone, known);
  }
  return known;
}

/**
 * Resolves `moment` (e.g. `2025-10-26T02:30`, `2025-10-26 02:30:15`, `2025-10-26T02:30+01:00`) in
 * `timeZone` (an IANA name, or a fixed offset such as `+01:00`). An offset inside `moment` wins.
 */
export function resolveMoment(moment: string, timeZone?: string | null): MomentResult {
  const text = moment.trim();
  const m = MOMENT_RE.exec(text);
  if (!m) {
    return {
      status: 'invalid_input',
      reason: `"${text.slice(0, 40)}" is not a date and time; write it as 2025-10-26T14:30 (local time) or 2025-10-26T14:30+01:00.`,
    };
  }
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = Number(m[6] ?? '0');
  const ms = Number((m[7] ?? '0').padEnd(3, '0'));
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(wallMs);
  if (
    month < 1 ||
    month > 12 ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    return {
      status: 'invalid_time',
      reason: `${text} is not a date and time that exists on the calendar.`,
    };
  }

  // An explicit offset in the moment itself: exactly one instant, whatever the zone says.
  if (m[8]) {
    const offset = parseOffset(m[8]);
    if (offset === null) {
      return { status: 'invalid_input', reason: `"${m[8]}" is not a UTC offset.` };
    }
    return {
      status: 'ok',
      zone: formatOffset(offset),
      explicitOffset: true,
      ...candidate(wallMs, offset),
    };
  }

  const zoneText = (timeZone ?? '').trim() || DEFAULT_TIME_ZONE;
  const fixed = parseOffset(zoneText);
  if (fixed !== null && !isKnownZone(zoneText)) {
    return {
      status: 'ok',
      zone: formatOffset(fixed),
      explicitOffset: true,
      ...candidate(wallMs, fixed),
    };
  }
  if (!isKnownZone(zoneText)) {
    return {
      status: 'invalid_input',
      reason: `"${zoneText.slice(0, 40)}" is not a known time zone; use an IANA name such as Europe/Amsterdam, or an offset such as +01:00.`,
    };
  }
  const zone = IANAZone.create(zoneText);
  // Every offset the zone uses around this wall time; a candidate is real when the zone agrees.
  const offsets = new Set<number>();
  for (const probe of [-36, -12, 0, 12, 36]) offsets.add(zone.offset(wallMs + probe * 3_600_000));
  const found = [...offsets]
    .map((o) => candidate(wallMs, o))
    .filter((c) => zone.offset(c.utcMs) === c.offsetMinutes)
    .sort((a, b) => a.utcMs - b.utcMs);
  if (found.length === 0) {
    return {
      status: 'invalid_time',
      reason: `${text} does not exist in ${zone.name}: the clocks skipped that hour (daylight saving time started). Ask the requester which moment they mean.`,
    };
  }
  if (found.length > 1) {
    return {
      status: 'ambiguous_time',
      zone: zone.name,
      candidates: found,
      reason: `${text} occurred twice in ${zone.name} (the clocks went back): at ${found
        .map((c) => c.offset)
        .join(' and at ')}. Choose the offset the requester meant.`,
    };
  }
  return { status: 'ok', zone: zone.name, explicitOffset: false, ...found[0]! };
}

/** A moment with its offset written out, e.g. `2025-10-26T02:30:00+01:00`, for letters and the register. */
export function withOffset(utcMs: number, offsetMinutes: number): string {
  const local = new Date(utcMs + offsetMinutes * 60_000).toISOString().slice(0, 19);
  return `${local}${formatOffset(offsetMinutes)}`;
}
