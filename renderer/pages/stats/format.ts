/** Number and month formatting of the statistics page in the UI language. */
export const locale = (language: string): string => (language === 'en' ? 'en-GB' : 'nl-NL');

export const formatCount = (n: number, language: string): string =>
  new Intl.NumberFormat(locale(language)).format(n);

export const formatHours = (h: number, language: string): string =>
  new Intl.NumberFormat(locale(language), { maximumFractionDigits: 1 }).format(h);

/** Month names (0 = January), short or long, in the UI language. */
export function monthNames(language: string, width: 'short' | 'long'): string[] {
  const f = new Intl.DateTimeFormat(locale(language), { month: width, timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, m) => f.format(Date.UTC(2001, m, 15)).replace('.', ''));
}
