/**
 * Words around a number that make it the sender's or a service's own number, not an identifier:
 * a label (`Tel.:`, `Fax`, `Mobiel:`, `T`), a sentence offering contact (`bereikbaar via`,
 * `neem contact op`, `call me on`), a duty desk (`meldkamer`, `piket`). Checked on the text before
 * the number in its line.
 */
export const FAX = /\b(?:tele)?fax\b/i;
/** A contact label ending right before the number: `Tel.:`, `T:`, `telefoon`, `Phone:`, `M`. */
export const CONTACT_LABEL =
  /(?:(?:^|[\s|,;(])(?:tel|telefoon|telephone|phone|ph|mobiel|mobile|gsm|direct|doorkies(?:nummer)?|t|m|mob|cell)\.?\s*(?:nr\.?|nummer|number|no\.?)?\s*[:.]\s*$)|(?:^\s*(?:tel|telefoon|telephone|phone|mobiel|mobile|gsm|t|m|mob)\.?\s*(?:nr\.?|nummer|number)?\s*$)/i;
export const CONTACT_SENTENCE =
  /bereikbaar|te bereiken|contact\s*(?:op)?nemen|neem\b.*\bcontact|kunt u (?:mij|ons|contact|bellen)|u kunt (?:mij|ons)|\bbellen\b|bel (?:mij|ons|naar)|terug\s*bel|call\s*-?back|reach (?:me|us)|contact (?:me|us)|call (?:me|us)|\bvragen\b|questions\b|piket|wachtdienst|meldkamer|servicedesk|helpdesk|klantenservice|customer service|duty desk|duty officer|24\/7|telefonisch bereikbaar|available (?:at|on|by)|\b(?:ons|onze|mijn|my|our)\s+(?:\w+\s+)?(?:telefoon|mobiel(?:e)?\s+)?(?:nummer|number|phone|telephone)/i;
/** A line that names the sender's own details (`Behandelaar: …, tel …`). */
export const REQUESTER_LABEL =
  /^\s*(?:behandelaar|contactpersoon|afzender|opgemaakt door|verbalisant|naam(?: opsteller| verzoeker| behandelaar)?|requesting officer|issuing officer|contact person|officer|name|e-?mail|badge|personeelsnummer|functie|rang|function|rank)\s*:/i;
/** Where an IP address is the far end (our server, a website), not the subscriber's. */
export const DESTINATION =
  /(?:\bdst\s*[=:]|\bdestination\b|\bdoel\w*|\b(?:web)?server\b|\bwebsite\b|\bnaar\b|->|→|\bto\s+(?:ip|server|host)\b)\s*\S*\s*$/i;

/** Why a number at `from` in `line` is a contact number, or null. */
export function contactReason(line: string, from: number): string | null {
  const before = line.slice(Math.max(0, from - 60), from);
  if (FAX.test(before)) return 'fax';
  if (CONTACT_LABEL.test(before)) return 'contact_label';
  if (REQUESTER_LABEL.test(line)) return 'requester_details';
  const sentence = before.split(/[.!?;](?:\s|$)/).at(-1) ?? '';
  if (CONTACT_SENTENCE.test(sentence)) return 'contact_context';
  return null;
}

/** Whether the address at `from` in `line` is the destination of the connection. */
export const isDestination = (line: string, from: number): boolean =>
  DESTINATION.test(line.slice(Math.max(0, from - 25), from));

/**
 * Words that show a number or address is the subject of the request: it is asked about, was in
 * use, connected, or a table lists it. Without one of these (or a moment beside it) a number in
 * the body is not offered.
 */
export const IDENTIFIER_CUE =
  /nummer|number|msisdn|telefoon|phone|mobiel|mobile|gsm|\bip\b|ip-?adres|ip address|ipv[46]|adres|address|aansluiting|abonnee|subscriber|gebruiker|user|identifier|identificator|bron|source|src|sessie|session|verbinding|connect|in gebruik|used|actief|active|toegekend|assigned|gebeld|called|verdacht|suspect|betreft|concerning/i;
