/** Dates as people at the desk read them: local time, the UI language's conventions. */
export function formatDateTime(iso: string, language: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', {
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(d);
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
