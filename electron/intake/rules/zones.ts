import { isBlank, type Line } from '../text/document';

/**
 * The parts of a letter or mail that speak about the sender, not about the request: the mail
 * header, the letterhead (everything before the subject line or the salutation), the signature
 * (after the closing phrase), page headers and footers that repeat on every page, quoted replies,
 * and contact blocks ("Contactgegevens", "Behandelaar" …). A number there is the sender's or the
 * provider's own, never an identifier to look up.
 */
export type Zone =
  'body' | 'mail_header' | 'letterhead' | 'signature' | 'page_header' | 'quoted' | 'contact_block';

export const MAIL_HEADER =
  /^(?:from|to|cc|bcc|date|sent|subject|reply-to|van|aan|datum|verzonden|onderwerp)\s*:/i;
export const SUBJECT_LINE =
  /^\s*(?:betreft|onderwerp|subject|inzake|re|ref|concerning|object)\s*:/i;
export const SALUTATION =
  /^\s*(?:geachte|beste|l\.s\.|aan wie het aangaat|dear|to whom it may concern|sir\b|madam\b|hallo|goedemorgen|goedemiddag)/i;
export const CLOSING =
  /^\s*(?:hoogachtend|met (?:vriendelijke|collegiale|hartelijke) groet(?:en)?|vriendelijke groet(?:en)?|met groet|mvg|kind regards|best regards|warm regards|regards|yours (?:sincerely|faithfully)|sincerely|respectfully|--\s*$)/i;
/** After a signature, these start the body again (an annex with the identifiers). */
export const RESTART =
  /^\s*(?:bijlage|annex|appendix|overzicht|tabel|table|attachment|p\.s\.|ps:)\b/i;
export const CONTACT_HEADER =
  /^\s*(?:contactgegevens|contact(?:persoon)?|behandelaar|afzender|gegevens (?:verzoeker|aanvrager|vorderaar|opsteller|behandelaar)|requesting officer|issuing officer|contact (?:details|person)|sender|opgemaakt door|verbalisant|issuer|details of the issuing authority)\b[^:]*:?\s*$/i;
export const FOOTER = /^\s*(?:pagina|page|blad|p\.)\s*\d+(?:\s*(?:van|of|\/)\s*\d+)?\s*$/i;

const SIGNATURE_LINES = 12;

/** The zone of every line, by line index. */
export function lineZones(lines: Line[]): Zone[] {
  const zones: Zone[] = lines.map(() => 'body');
  const parts = new Map<number, Line[]>();
  for (const l of lines) {
    const list = parts.get(l.part) ?? [];
    list.push(l);
    parts.set(l.part, list);
  }
  for (const part of parts.values()) {
    // Mail header: the leading `Key: value` lines of the part.
    let i = 0;
    if (MAIL_HEADER.test(part[0]?.text ?? '')) {
      while (i < part.length && !isBlank(part[i]!)) zones[part[i++]!.index] = 'mail_header';
    }
    // Letterhead: up to the subject line or the salutation, when there is one near the top.
    const top = part.slice(i, i + 60);
    const marker = top.findIndex((l) => SUBJECT_LINE.test(l.text) || SALUTATION.test(l.text));
    if (marker > 0) for (const l of top.slice(0, marker)) zones[l.index] = 'letterhead';
    // Signatures: from a closing phrase, a compact block until a restart or the page ends.
    for (let k = 0; k < part.length; k++) {
      const l = part[k]!;
      if (!CLOSING.test(l.text) || zones[l.index] !== 'body') continue;
      let nonBlank = 0;
      for (let j = k; j < part.length; j++) {
        const s = part[j]!;
        if (j > k && (s.page !== l.page || RESTART.test(s.text))) break;
        if (!isBlank(s) && ++nonBlank > SIGNATURE_LINES) break;
        zones[s.index] = 'signature';
      }
    }
    // Contact blocks: a heading, then its lines up to a blank line.
    for (let k = 0; k < part.length; k++) {
      if (!CONTACT_HEADER.test(part[k]!.text)) continue;
      for (let j = k; j < part.length && (j === k || !isBlank(part[j]!)); j++) {
        if (zones[part[j]!.index] === 'body') zones[part[j]!.index] = 'contact_block';
      }
    }
  }
  for (const l of lines) {
    if (/^\s*>/.test(l.text)) zones[l.index] = 'quoted';
    else if (FOOTER.test(l.text)) zones[l.index] = 'page_header';
  }
  markRepeatedPageLines(lines, zones);
  return zones;
}

/** A line that opens or closes several pages of the same part is a page header or footer. */
function markRepeatedPageLines(lines: Line[], zones: Zone[]): void {
  const byPage = new Map<number, Line[]>();
  for (const l of lines) if (!isBlank(l)) byPage.set(l.page, [...(byPage.get(l.page) ?? []), l]);
  if (byPage.size < 2) return;
  const seen = new Map<string, Set<number>>();
  for (const [page, ls] of byPage) {
    for (const l of [...ls.slice(0, 3), ...ls.slice(-3)]) {
      const key = pageLineKey(l);
      seen.set(key, (seen.get(key) ?? new Set()).add(page));
    }
  }
  for (const ls of byPage.values()) {
    for (const l of [...ls.slice(0, 3), ...ls.slice(-3)]) {
      const key = pageLineKey(l);
      if ((seen.get(key)?.size ?? 0) >= 2 && zones[l.index] === 'body')
        zones[l.index] = 'page_header';
    }
  }
}

/** The line with any page number taken out, so `Pagina 2 van 9` footers compare equal. */
const pageLineKey = (l: Line) =>
  `${l.part}|${l.text.trim().replace(/\b(?:pagina|page|blad)\s*\d+(?:\s*(?:van|of|\/)\s*\d+)?/gi, '#')}`;
