/** The twelve month names in a language (`nl`: januari … december), from the platform's ICU data. */
export const monthNames = (language: 'nl' | 'en'): string[] =>
  Array.from({ length: 12 }, (_, m) =>
    new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' }).format(
      Date.UTC(2026, m, 15),
    ),
  );
