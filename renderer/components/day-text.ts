/**
 * A day as people at the desk write it, the same in Dutch and English and whatever the operating
 * system's locale: day, month, year (`02-12-2026`). A browser's own date input would follow the
 * system locale instead (`12/02/2026` on an American system), which misreads the day and month.
 */

const DAY_MONTH_YEAR = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/;
const RUN_OF_DIGITS = /^(\d{2})(\d{2})(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A typed day → `yyyy-mm-dd`, or null when it is not a day that exists. Takes `2-12-2026`,
 * `02-12-2026`, `02/12/2026`, `02.12.2026`, `02122026`, and `2026-12-02` (pasted from elsewhere).
 */
export function parseDay(text: string): string | null {
  const s = text.trim();
  const iso = ISO.exec(s);
  const dmy = iso ? null : (DAY_MONTH_YEAR.exec(s) ?? RUN_OF_DIGITS.exec(s));
  const [y, m, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : dmy
      ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])]
      : [NaN, NaN, NaN];
  if (!Number.isInteger(y) || y < 1900 || y > 2999) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return null; // 31-02, month 13, day 0
  }
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** `yyyy-mm-dd` → `dd-mm-yyyy` as the field shows it ('' stays ''; anything else as it is). */
export function showDay(iso: string): string {
  const m = ISO.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

/**
 * A wall-clock moment `yyyy-mm-ddThh:mm[:ss]` (as a request gives it, or a UTC instant's first
 * 19 characters) → `dd-mm-yyyy hh:mm[:ss]`, the form the date-time field takes it in; zero seconds
 * are left out. Anything else is shown as it is.
 */
export function showMoment(moment: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?/.exec(moment);
  if (!m) return moment;
  return `${showDay(m[1]!)} ${m[2]}${m[3] && m[3] !== '00' ? `:${m[3]}` : ''}`;
}
