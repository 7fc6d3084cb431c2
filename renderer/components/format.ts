const locale = (language: string) => (language === 'en' ? 'en-GB' : 'nl-NL');

const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** The parts of a format, joined as `2 dec 2026 14:30` (no comma, no abbreviation dot). */
function joined(d: Date, language: string, options: Intl.DateTimeFormatOptions): string {
  const part = new Intl.DateTimeFormat(locale(language), options).formatToParts(d);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    part.find((p) => p.type === type)?.value.replace('.', '') ?? '';
  const date = options.day ? `${get('day')} ${get('month')} ${get('year')}` : '';
  const time = options.hour ? `${get('hour')}:${get('minute')}` : '';
  return [date, time].filter(Boolean).join(' ');
}

/**
 * A moment as people at the desk read it, one format per language and everywhere the same:
 * `2 dec 2026 14:30` (nl), `2 Dec 2026 14:30` (en); local time, 24 hours, no seconds.
 */
export function formatDateTime(iso: string, language: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return joined(d, language, { ...DATE, ...TIME });
}

/** A day in the same format without the time: `2 dec 2026`. */
export function formatDate(iso: string, language: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return joined(d, language, DATE);
}

/** A yyyy-mm-dd date input value → ISO instant of local midnight (start of that day). */
export function startOfLocalDay(date: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

/** A yyyy-mm-dd date input value → ISO instant of the next local midnight (exclusive end). */
export function endOfLocalDay(date: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + 1).toISOString();
}

/** Now as a `yyyy-mm-ddThh:mm` value in the workstation's local time, for datetime-local inputs. */
export function localNow(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

/** Today as a `yyyy-mm-dd` value in the workstation's own calendar, for date inputs. */
export const localToday = (): string => new Date().toLocaleDateString('en-CA');
