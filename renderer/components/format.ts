import { DEFAULT_TIME_ZONE, resolveMoment } from '../../shared/moment';

/**
 * Every time the desk shows or pre-fills is Dutch time (Europe/Amsterdam), whatever zone the
 * workstation is set to: the register reads a typed time without offset as Dutch time, and the
 * letters give their times in it, so a screen in the workstation's zone would be an hour or more
 * off and mix zones with the letter.
 */
export const DESK_TIME_ZONE = DEFAULT_TIME_ZONE;

const locale = (language: string) => (language === 'en' ? 'en-GB' : 'nl-NL');

const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

// A formatter costs more than the formatting; tables format a column of moments at a time.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(
  lang: string,
  options: Intl.DateTimeFormatOptions,
  timeZone: string = DESK_TIME_ZONE,
): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { ...options, timeZone });
    formatters.set(key, f);
  }
  return f;
}

/** The parts of a format, joined as `2 dec 2026 14:30` (no comma, no abbreviation dot). */
function joined(
  d: Date,
  language: string,
  options: Intl.DateTimeFormatOptions,
  timeZone?: string,
): string {
  const part = formatter(locale(language), options, timeZone).formatToParts(d);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    part.find((p) => p.type === type)?.value.replace('.', '') ?? '';
  const date = options.day ? `${get('day')} ${get('month')} ${get('year')}` : '';
  const time = options.hour ? `${get('hour')}:${get('minute')}` : '';
  return [date, time].filter(Boolean).join(' ');
}

/**
 * A moment as people at the desk read it, one format per language and everywhere the same:
 * `2 dec 2026 14:30` (nl), `2 Dec 2026 14:30` (en); Dutch time, 24 hours, no seconds.
 */
export function formatDateTime(iso: string, language: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return joined(d, language, { ...DATE, ...TIME });
}

/** A day in the same format without the time: `2 dec 2026` (the day in Dutch time). */
export function formatDate(iso: string, language: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return joined(d, language, DATE);
}

const WALL_MOMENT =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * A moment as a request gives it, the wall-clock time in its own zone (`2026-12-02T14:30:05`,
 * perhaps with an offset), in the same format, not moved to Dutch time: the zone is the
 * requester's and is shown beside it. `2 dec 2026 14:30:05 +01:00`; seconds only when there are.
 */
export function formatWallTime(moment: string, language: string): string {
  const m = WALL_MOMENT.exec(moment.trim());
  if (!m) return moment;
  const wall = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!));
  if (Number.isNaN(wall.getTime()) || wall.getUTCDate() !== +m[3]!) return moment;
  const seconds = m[6] && m[6] !== '00' ? `:${m[6]}` : '';
  const offset = m[7] ? ` ${m[7].toUpperCase() === 'Z' ? 'UTC' : m[7]}` : '';
  return `${joined(wall, language, { ...DATE, ...TIME }, 'UTC')}${seconds}${offset}`;
}

/**
 * A wall-clock time in Dutch time (`yyyy-mm-ddThh:mm[:ss]`, as the date-time fields give it) →
 * its ISO instant; undefined when it is not one. A time the clocks passed twice (autumn) is
 * taken at its first occurrence, a time they skipped (spring) is refused.
 */
export function instantOfDeskTime(local: string): string | undefined {
  const r = resolveMoment(local, DESK_TIME_ZONE);
  if (r.status === 'ok') return r.utc;
  if (r.status === 'ambiguous_time') return r.candidates[0]?.utc;
  return undefined;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A yyyy-mm-dd date input value → ISO instant of that day's midnight in Dutch time. */
export function startOfLocalDay(date: string): string | undefined {
  if (!DAY.test(date)) return undefined;
  return instantOfDeskTime(`${date}T00:00`);
}

/** A yyyy-mm-dd date input value → ISO instant of the next midnight in Dutch time (exclusive end). */
export function endOfLocalDay(date: string): string | undefined {
  if (!DAY.test(date)) return undefined;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return instantOfDeskTime(
    `${new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)}T00:00`,
  );
}

const WALL = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
} as const satisfies Intl.DateTimeFormatOptions;

/** An instant as a `yyyy-mm-ddThh:mm` value in Dutch time, for the date-time fields. */
export function deskWallTime(at: Date): string {
  const part = formatter('en-GB', WALL).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => part.find((p) => p.type === type)?.value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** Now as a `yyyy-mm-ddThh:mm` value in Dutch time, whatever the workstation's zone. */
export const localNow = (): string => deskWallTime(new Date());

/** Today as a `yyyy-mm-dd` value in Dutch time, whatever the workstation's zone. */
export const localToday = (): string => localNow().slice(0, 10);
