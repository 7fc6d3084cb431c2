import type { Span } from '../text/document';
import { span } from '../text/document';
import type { Layout } from '../text/layout';

/**
 * The case reference, in order of preference: a BVH / PL number (the police registration), a
 * parketnummer, a zaaknummer or proces-verbaalnummer, an EPOC file number, the sender's own
 * kenmerk. `Uw kenmerk` / `your reference` is the provider's own reference, never the case's.
 */
export const CASE_REFERENCE_RULES: { reason: string; re: RegExp }[] = [
  { reason: 'pl_number', re: /\b(PL\s?\d{4}[-\s]?\d{6,12})\b/i },
  {
    reason: 'bvh_number',
    re: /\b(?:bvh|bvh-?nummer|bvh-?registratienummer|registratienummer bvh)\s*:?\s*([A-Z]{0,4}\d[\dA-Z\-/.]{5,})/i,
  },
  {
    reason: 'parketnummer',
    re: /\bparket(?:nummer|nr\.?)\s*:?\s*(\d{2}\/\d{6}-\d{2}|[\dA-Z][\dA-Z\-/.]{5,})/i,
  },
  { reason: 'parketnummer', re: /(?<![\d/])(\d{2}\/\d{6}-\d{2})(?![\d])/ },
  {
    reason: 'zaaknummer',
    re: /\b(?:zaaknummer|zaaknr\.?|zaak|proces-?verbaalnummer|pv-?nummer|pv\s*nr\.?|dossiernummer|onderzoeksnummer|onderzoek|case(?: (?:number|no\.?|reference))?|investigation (?:number|reference)|aktenzeichen|az\.|nuipc|processo)\s*:?\s*([A-Z]{0,10}[-\s]?\d[\dA-Z\-/.]{3,})/i,
  },
  {
    reason: 'epoc_file_number',
    re: /\b(?:epoc\s+)?(?:file (?:number|no\.?|reference)|reference (?:number|no\.?) of the (?:epoc|certificate)|dossier(?:nummer)? epoc)\s*:?\s*([A-Z0-9][A-Z0-9\-/.]{3,})/i,
  },
  {
    reason: 'kenmerk',
    re: /\b(?:ons kenmerk|kenmerk|onze referentie|referentie|our reference|reference|ref\.)\s*:?\s*([A-Z0-9][A-Za-z0-9\-/.]{3,})/i,
  },
];

const THEIRS = /\b(?:uw|your)\s+(?:kenmerk|referentie|reference|ref\.?)\s*:?\s*\S*\s*$/i;

export function findCaseReference(
  layout: Layout,
): { value: string; span: Span; reason: string } | null {
  for (const rule of CASE_REFERENCE_RULES) {
    for (const l of layout.lines) {
      if (layout.zones[l.index] === 'quoted') continue;
      const m = rule.re.exec(l.text);
      if (!m) continue;
      const value = m[1]!.replace(/[.,;:]+$/, '');
      const from = m.index + m[0].length - m[1]!.length;
      if (THEIRS.test(l.text.slice(0, from))) continue;
      return {
        value: value.replace(/\s+/g, ' '),
        span: span(l, from, from + value.length),
        reason: rule.reason,
      };
    }
  }
  return null;
}
