/**
 * Numbers that look like phone numbers but are something else: KvK and IBAN, VAT and BSN numbers,
 * postbox and postcode lines, register and case numbers. A phone or IP candidate overlapping one
 * of these is never offered; the name is the reason recorded in `extraction.ignored`.
 */
export const NOT_IDENTIFIER_PATTERNS: { reason: string; re: RegExp }[] = [
  {
    reason: 'kvk_number',
    re: /\b(?:kvk|k\.v\.k\.|kamer van koophandel|handelsregister|chamber of commerce|coc)(?:[-\s]?(?:nummer|nr|number|no)\.?)?\s*:?\s*\d[\d\s.]{6,10}\d/gi,
  },
  {
    reason: 'iban',
    re: /\b(?:iban\s*:?\s*)?[A-Z]{2}\d{2}\s?[A-Z]{4}(?:\s?\d{4}){2,4}(?:\s?\d{1,3})?\b/g,
  },
  { reason: 'iban', re: /\biban\s*:?\s*[A-Z0-9 ]{12,40}/gi },
  {
    reason: 'vat_number',
    re: /\b(?:btw|vat|omzetbelasting)(?:[-\s]?(?:nummer|nr|number|id|identificatienummer)\.?)?\s*:?\s*[A-Z]{2}\s?\d{9}\s?B\s?\d{2}\b/gi,
  },
  { reason: 'vat_number', re: /\bNL\d{9}B\d{2}\b/g },
  { reason: 'bsn', re: /\b(?:bsn|burgerservicenummer)\s*:?\s*\d[\d\s.]{7,11}\d/gi },
  { reason: 'postbox', re: /\b(?:postbus|p\.?o\.?\s*box)\s+\d+/gi },
  { reason: 'postcode', re: /\b\d{4}\s?[A-Z]{2}\b/g },
  { reason: 'case_reference', re: /\b\d{2}\/\d{6}-\d{2}\b/g },
  { reason: 'case_reference', re: /\b(?:PL|pl)\s?\d{4}[-\s]?\d{6,12}\b/g },
  {
    reason: 'case_reference',
    re: /\b(?:bvh|pv|proces-verbaal|zaak|dossier|registratie)[-\s]?(?:nummer|nr\.?)?\s*:?\s*[A-Z]{0,4}\d[\d\-/.]{5,}/gi,
  },
  {
    reason: 'article_number',
    re: /\b(?:art(?:ikel)?\.?|article)\s*\d+[a-z]{0,3}(?:\s*(?:lid|leden)\s*\d+)?/gi,
  },
  { reason: 'regulation_number', re: /\b(?:\(EU\)|EU|EG|EC)\s*(?:nr\.?\s*)?\d{2,4}\/\d{1,4}/gi },
  { reason: 'amount', re: /(?:€|eur|euro)\s*\d[\d.,]*/gi },
];

export interface Blocked {
  from: number;
  to: number;
  reason: string;
}

/** The spans of `text` that are not identifiers, with why. */
export function notIdentifierSpans(text: string): Blocked[] {
  const out: Blocked[] = [];
  for (const { reason, re } of NOT_IDENTIFIER_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push({ from: m.index, to: m.index + m[0].length, reason });
    }
  }
  return out;
}

export const blockedReason = (blocked: Blocked[], from: number, to: number): string | undefined =>
  blocked.find((b) => from < b.to && b.from < to)?.reason;
