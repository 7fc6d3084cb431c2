import type { Urgency } from '../../../shared/schemas/terms';
import type { Span } from '../text/document';
import { affirmedMatches, type Layout } from '../text/layout';

/**
 * Urgency from the words of the request: risk to life → emergency, spoed → urgent. Politeness
 * (`zo spoedig mogelijk`, `as soon as possible`) is no urgency. A negation in
 * the same clause (`geen spoed`, `not urgent`) cancels the word. Without any, the draft says
 * nothing and the request JSON's default (normal) applies.
 */
export const URGENCY_WORDS: [Urgency, RegExp][] = [
  [
    'emergency',
    /levensgevaar|acuut gevaar|direct gevaar voor|gevaar voor (?:het )?leven|noodsituatie|noodgeval|emergency|danger to (?:the )?life|imminent threat|risk to (?:the )?life|life[\s-]threatening/i,
  ],
  ['urgent', /\bspoed(?:eisend|vordering|eisende)?\b|met spoed|\burgent\b|urgentie/i],
];
const NEGATION = /\b(?:geen|niet|not|no|non)\b[^,]{0,20}$/i;

export function findUrgency(layout: Layout): { value: Urgency; span: Span } | null {
  for (const [value, re] of URGENCY_WORDS) {
    const first = affirmedMatches(layout, re, NEGATION, ['body', 'letterhead', 'mail_header'])[0];
    if (first) return { value, span: first };
  }
  return null;
}
