import { NAW_CATEGORIES, type DataCategory } from '../../../shared/schemas/terms';
import type { Span } from '../text/document';
import { affirmedMatches, type Layout } from '../text/layout';

/**
 * The data asked for. NAW words (gebruikersgegevens, subscriber data, naam en adres) give the six
 * NAW categories; traffic, location, content, identifying and sensitive data show as themselves so
 * that a request for them is never taken for a NAW request. A negation in the clause (`geen
 * verkeersgegevens`, `no content`) cancels the word.
 */
export const CATEGORY_WORDS: [DataCategory | 'naw', RegExp][] = [
  [
    'traffic',
    /verkeersgegevens|historische (?:gegevens|belgegevens)|belgegevens|gespreksgegevens|call detail records?|\bcdrs?\b|traffic data|ip-?sessie(?:gegevens|logs?)|sessielogs?|verbindingsgegevens|connection logs?/i,
  ],
  [
    'location',
    /locatiegegevens|location data|zendmast(?:gegevens)?|mastgegevens|cell[\s-]?id|basisstation|peilingen/i,
  ],
  [
    'content',
    /inhoud van (?:de )?(?:communicatie|berichten|gesprekken|e-?mail)|inhoudsgegevens|content data|content of (?:the )?communications?|opgeslagen berichten|stored (?:e-?mails|messages)/i,
  ],
  ['identifying', /identificerende gegevens|identifying data/i],
  ['sensitive', /gevoelige gegevens|sensitive data|bijzondere persoonsgegevens/i],
  [
    'naw',
    /gebruikersgegevens|\bnaw\b|n\.a\.w\.|abonneegegevens|subscriber (?:data|information|details)|naam,?\s+adres|name,?\s+(?:and\s+)?address|tenaamstelling|houder van het nummer|identification data|data requested for the sole purpose of identifying/i,
  ],
];
const NEGATION = /\b(?:geen|niet|not|no|nor|noch|excluding|exclusief|zonder|without)\b[^,]{0,30}$/i;

export function findCategories(layout: Layout): { value: DataCategory[]; spans: Span[] } {
  const value: DataCategory[] = [];
  const spans: Span[] = [];
  for (const [cat, re] of CATEGORY_WORDS) {
    const first = affirmedMatches(layout, re, NEGATION)[0];
    if (!first) continue;
    for (const c of cat === 'naw' ? NAW_CATEGORIES : [cat]) if (!value.includes(c)) value.push(c);
    spans.push(first);
  }
  // NAW first, as a request lists them.
  value.sort(
    (a, b) =>
      Number(!NAW_CATEGORIES.includes(a as never)) - Number(!NAW_CATEGORIES.includes(b as never)),
  );
  return { value, spans };
}
