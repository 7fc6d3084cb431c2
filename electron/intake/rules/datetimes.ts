import { MONTH_PATTERN, monthNumber } from './months';
import { zoneAt, type StatedZone } from './time-zones';

/**
 * Dates and times as requests write them, Dutch and English: `28 oktober 2026 om 14:32 uur`,
 * `27-10-2026 om 21:07:45 uur (UTC)`, `2 oktober 2026, omstreeks 09.15 uur`, `30 okt. 2026 10:00u`,
 * `01.10.2026 08:15:30 CEST`, `October 3, 2026 at 4:05 PM CEST`, ISO 8601 (`Z`, offset, ms), a web
 * server log line (`03/Oct/2026:14:05:07 +0200`), `om 14:32 uur op 28-10-2026`. Numeric dates are
 * day first (Dutch). Only what is written is returned: a date without a time has no time.
 */

export interface FoundTime {
  hour: number;
  minute: number;
  second?: number;
  /** Fraction of the second as written (digits only). */
  fraction?: string;
}

export interface FoundDateTime {
  /** Offsets in the searched text (end exclusive). */
  from: number;
  to: number;
  year: number;
  month: number;
  day: number;
  time?: FoundTime;
  zone?: StatedZone;
  /** `omstreeks`, `around`, `ca.`: the time is approximate. */
  approximate: boolean;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `2026-10-28` */
export const isoDate = (d: Pick<FoundDateTime, 'year' | 'month' | 'day'>) =>
  `${d.year}-${pad(d.month)}-${pad(d.day)}`;

/** `2026-10-28T14:32`, with seconds and fraction when written. */
export function localDateTime(d: FoundDateTime & { time: FoundTime }): string {
  const t = d.time;
  let s = `${isoDate(d)}T${pad(t.hour)}:${pad(t.minute)}`;
  if (t.second !== undefined) s += `:${pad(t.second)}`;
  if (t.second !== undefined && t.fraction) s += `.${t.fraction.slice(0, 3)}`;
  return s;
}

const realDate = (y: number, m: number, d: number) => {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};

const CONNECTOR =
  '(?:\\s*(?:,|-|–|om|omstreeks|rond|rondom|ongeveer|circa|ca\\.|te|at|around|about|approximately|approx\\.|on)(?![a-z]))*\\s*';
const APPROXIMATE = /omstreeks|rond|ongeveer|circa|ca\.|around|about|approx/i;
const TIME_AFTER = new RegExp(
  `^(${CONNECTOR})(\\d{1,2})([:.])(\\d{2})(?:\\3(\\d{2})(?:[.,](\\d{1,9}))?)?(?!\\d)(\\s*(?:uur|u|h|hrs|hours)(?![a-z]))?(\\s*(?:am|pm|a\\.m\\.|p\\.m\\.))?`,
  'i',
);
const TIME_BEFORE =
  /(?:^|\s)((?:om|omstreeks|rond|ongeveer|te|at|around)\s+)(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*(?:uur|u|h)?(?![a-z])\s*(?:(?:op|on|,)\s+)?(?:de\s+)?$/i;

interface DateMatch {
  from: number;
  to: number;
  year: number;
  month: number;
  day: number;
  time?: FoundTime;
  zone?: StatedZone;
  /** ISO and log lines carry their own time; no time is searched after them. */
  complete?: boolean;
}

const DATE_PATTERNS: {
  re: RegExp;
  read: (m: RegExpExecArray) => Omit<DateMatch, 'from' | 'to'> | null;
}[] = [
  {
    // ISO 8601: 2026-10-03, 2026-10-03T14:05:00.123+02:00, 2026-10-03 14:05:00Z
    re: /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?(?![\d])/g,
    read: (m) => {
      const base = { year: +m[1]!, month: +m[2]!, day: +m[3]! };
      if (m[4] === undefined) return base;
      const time: FoundTime = { hour: +m[4], minute: +m[5]! };
      if (m[6] !== undefined) time.second = +m[6];
      if (m[7] !== undefined) time.fraction = m[7];
      const out: Omit<DateMatch, 'from' | 'to'> = { ...base, time, complete: !!m[8] };
      if (m[8]) {
        const z = zoneAt(m[8] === 'Z' ? 'UTC' : m[8]);
        if (z) out.zone = m[8] === 'Z' ? { kind: 'offset', minutes: 0, label: 'Z' } : z.zone;
      }
      return out;
    },
  },
  {
    // Common log format: 03/Oct/2026:14:05:07 +0200
    re: /(?<!\d)(\d{2})\/([A-Za-z]{3})\/(\d{4}):(\d{2}):(\d{2}):(\d{2})(?:\s*([+-]\d{4}))?/g,
    read: (m) => {
      const month = monthNumber(m[2]!);
      if (!month) return null;
      const out: Omit<DateMatch, 'from' | 'to'> = {
        year: +m[3]!,
        month,
        day: +m[1]!,
        time: { hour: +m[4]!, minute: +m[5]!, second: +m[6]! },
        complete: true,
      };
      if (m[7]) out.zone = zoneAt(m[7])!.zone;
      return out;
    },
  },
  {
    // 28-10-2026, 01.10.2026, 3/10/2026 (day first)
    re: /(?<![\d./-])(\d{1,2})([-./])(\d{1,2})\2(\d{4})(?![\dA-Za-z])/g,
    read: (m) => ({ year: +m[4]!, month: +m[3]!, day: +m[1]! }),
  },
  {
    // 28 oktober 2026, 30 okt. 2026, Wed, 28 Oct 2026
    re: new RegExp(
      `(?<!\\d)(\\d{1,2})(?:e|ste|de|st|nd|rd|th)?\\s+(${MONTH_PATTERN})\\.?,?\\s+(\\d{4})(?!\\d)`,
      'gi',
    ),
    read: (m) => {
      const month = monthNumber(m[2]!);
      return month ? { year: +m[3]!, month, day: +m[1]! } : null;
    },
  },
  {
    // October 3, 2026
    re: new RegExp(
      `(?<![a-z])(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`,
      'gi',
    ),
    read: (m) => {
      const month = monthNumber(m[1]!);
      return month ? { year: +m[3]!, month, day: +m[2]! } : null;
    },
  },
];

function to24(hour: number, ampm: string | undefined): number | null {
  if (!ampm) return hour;
  const pm = /p/i.test(ampm);
  if (hour < 1 || hour > 12) return null;
  return pm ? (hour % 12) + 12 : hour % 12;
}

const validTime = (t: FoundTime) =>
  t.hour <= 23 && t.minute <= 59 && (t.second === undefined || t.second <= 59);

/** Every date (with its time and zone, where written) in `text`, in order, never overlapping. */
export function findDateTimes(text: string): FoundDateTime[] {
  const found: DateMatch[] = [];
  for (const p of DATE_PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const r = p.read(m);
      if (!r || !realDate(r.year, r.month, r.day)) continue;
      if (r.time && !validTime(r.time)) continue;
      found.push({ ...r, from: m.index, to: m.index + m[0].length });
    }
  }
  found.sort((a, b) => a.from - b.from || b.to - a.to);
  const kept: DateMatch[] = [];
  for (const f of found) if (!kept.some((k) => f.from < k.to && k.from < f.to)) kept.push(f);

  return kept.map((d, i) => {
    const limit = kept[i + 1]?.from ?? text.length;
    const out: FoundDateTime = {
      from: d.from,
      to: d.to,
      year: d.year,
      month: d.month,
      day: d.day,
      approximate: false,
    };
    if (d.time) out.time = d.time;
    if (d.zone) out.zone = d.zone;
    if (!d.complete) {
      const rest = text.slice(d.to, limit);
      const t = d.time ? null : TIME_AFTER.exec(rest);
      const dotOk = t && (t[3] === ':' || /\S/.test(t[1]!.replace(/[,\s-–]/g, '')) || t[7]);
      if (t && dotOk) {
        const hour = to24(+t[2]!, t[8]?.trim());
        const time: FoundTime = { hour: hour ?? 99, minute: +t[4]! };
        if (t[5] !== undefined) time.second = +t[5];
        if (t[6] !== undefined) time.fraction = t[6];
        if (hour !== null && validTime(time)) {
          out.time = time;
          out.to = d.to + t[0].length;
          out.approximate = APPROXIMATE.test(t[1]!);
        }
      }
      if (!out.time) {
        const before = TIME_BEFORE.exec(text.slice(kept[i - 1]?.to ?? 0, d.from));
        if (before) {
          const time: FoundTime = { hour: +before[2]!, minute: +before[3]! };
          if (before[4] !== undefined) time.second = +before[4];
          if (validTime(time)) {
            out.time = time;
            out.from =
              d.from - before[0].length + (before[0].length - before[0].trimStart().length);
            out.approximate = APPROXIMATE.test(before[1]!);
          }
        }
      }
      if (out.time && !out.zone) {
        const after = text.slice(out.to, limit);
        const lead = /^[ \t]{0,2}/.exec(after)![0].length;
        const z = /^[ \t]*\n/.test(after) ? null : zoneAt(after.slice(lead));
        if (z) {
          out.zone = z.zone;
          out.to += lead + z.length;
        }
      }
    }
    return out;
  });
}

/** A time written alone (a table cell `14:32:05`, `9.15 uur`): hour, minute, second. */
export function parseTimeOnly(text: string): FoundTime | null {
  const m = /^\s*(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(?:uur|u|h)?\s*$/i.exec(text);
  if (!m) return null;
  const t: FoundTime = { hour: +m[1]!, minute: +m[2]! };
  if (m[3] !== undefined) t.second = +m[3];
  return validTime(t) ? t : null;
}
