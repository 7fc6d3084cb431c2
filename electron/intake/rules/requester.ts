import type { Span } from '../text/document';
import { span } from '../text/document';
import type { Layout } from '../text/layout';
import { REQUESTER_LABEL } from './contact-context';
import { functionFromText, RANK_PREFIX, TITLE_PREFIX } from './issuer-functions';
import { CLOSING } from './zones';

/**
 * The official who issued the request: name, function, badge or personeelsnummer, e-mail and
 * phone, from labelled lines (`Naam:`, `Functie:`, `Personeelsnummer:`), the signature under the
 * closing phrase, or — for the name and e-mail only — the mail's From line.
 */
export interface Found {
  value: string;
  span: Span;
  reason: string;
}

export interface RequesterFound {
  name?: Found;
  function?: Found & { code: string };
  badge?: Found;
  email?: Found;
  phone?: Found;
}

const NAME_LABEL =
  /^\s*(?:naam(?:\s+(?:opsteller|verzoeker|aanvrager|behandelaar|vorderaar|verbalisant|ambtenaar|officier|opsporingsambtenaar))?|aanvrager|verzoeker|opsteller|behandelaar|contactpersoon|opgemaakt door|verbalisant|vorderaar|ondertekend door|requester|requested by|contact person|requesting officer|issuing officer|issued by|name(?: of (?:the )?(?:issuing|requesting) (?:officer|judge|prosecutor))?|officer|signed by)\s*:\s*/i;
const FUNCTION_LABEL =
  /^\s*(?:functie|rang|hoedanigheid|function|title|position|capacity|rank)\s*:\s*/i;
const BADGE =
  /\b(?:personeelsnummer|personeelsnr\.?|pers\.?\s*nr\.?|p-?nummer|dienstnummer|badge(?:\s*(?:number|no\.?|nr\.?))?|staff (?:number|no\.?)|employee (?:number|no\.?)|ambtenaarsnummer|id-?nummer)\s*:?\s*([A-Z]{0,4}[-\s]?\d{3,10}[A-Z]?)\b/i;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const MAIL_FROM =
  /^\s*(?:from|van)\s*:\s*(?:"?([^"<]+?)"?\s*)?<?([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})>?\s*$/i;
/** Words of a unit or an address: such a line under the closing phrase is not the name. */
const NOT_A_NAME =
  /politie|police|polizei|policia|eenheid|parket|ministerie|marechaussee|kmar|fiod|opsporing|justitie|team|afdeling|district|recherche|dienst|bureau|brigade|unit|department|office|service|postbus|straat|weg|laan|plein|\d|@|:|www\.|http/i;
const NAME_LINE =
  /^\s*(?:[A-Z][a-z]{0,3}\.\s*)*(?:[A-Z][a-zà-ÿ'-]+|[A-Z]\.)(?:\s+(?:[a-z]{1,3}|[A-Z][a-zà-ÿ'-]+|[A-Z]\.)){0,5}\s*$/;

/** The value of a labelled line up to a comma, `tel`, or a bracket. */
const labelValue = (text: string, from: number) => {
  const rest = text.slice(from);
  const cut = /\s*(?:[,;|(]|\s(?:tel|telefoon|phone|e-?mail|badge)\b)/i.exec(rest);
  return rest.slice(0, cut ? cut.index : undefined).trim();
};

export function findRequester(
  layout: Layout,
  senderPhones: { span: Span; value: string; reason: string }[],
  ownEmails: string[],
): RequesterFound {
  const r: RequesterFound = {};
  const lines = layout.lines;
  const usable = (i: number) => layout.zones[i] !== 'quoted' && layout.zones[i] !== 'mail_header';

  for (const l of lines) {
    if (!usable(l.index)) continue;
    const n = NAME_LABEL.exec(l.text);
    if (n && !r.name) {
      const v = labelValue(l.text, n[0].length);
      const rank = RANK_PREFIX.exec(v);
      const value = rank ? v.slice(rank[0].length).trim() : v;
      if (value && !/\d|@/.test(value)) {
        const from = l.text.indexOf(value, n[0].length);
        r.name = { value, span: span(l, from, from + value.length), reason: 'labelled' };
        if (rank && !r.function) setFunction(r, l, l.text.indexOf(rank[1]!), rank[1]!, 'labelled');
      }
    }
    const f = FUNCTION_LABEL.exec(l.text);
    if (f && !r.function) {
      const v = labelValue(l.text, f[0].length);
      if (v) setFunction(r, l, l.text.indexOf(v, f[0].length), v, 'labelled');
    }
    const b = BADGE.exec(l.text);
    if (b && !r.badge) {
      const from = b.index + b[0].length - b[1]!.length;
      r.badge = {
        value: b[1]!.replace(/\s+/g, ''),
        span: span(l, from, from + b[1]!.length),
        reason: 'labelled',
      };
    }
  }

  // The signature: the first name-like line under the closing phrase, then its function.
  for (const l of lines) {
    if (!CLOSING.test(l.text) || !usable(l.index)) continue;
    let nameLine = -1;
    for (let j = l.index + 1; j < lines.length && j < l.index + 8; j++) {
      const s = lines[j]!;
      if (s.page !== l.page || layout.zones[j] !== 'signature') break;
      const t = s.text.trim();
      if (!t) continue;
      if (nameLine < 0) {
        const name = signatureName(s.text);
        if (name) {
          nameLine = j;
          const from = s.text.indexOf(name.name);
          if (!r.name) {
            r.name = {
              value: name.name,
              span: span(s, from, from + name.name.length),
              reason: 'signature',
            };
          }
          if (name.fn && !r.function)
            setFunction(r, s, s.text.indexOf(name.fn), name.fn, 'signature');
          continue;
        }
        if (functionFromText(t) && !r.function)
          setFunction(r, s, s.text.indexOf(t), t, 'signature');
        continue;
      }
      if (functionFromText(t) && !r.function) setFunction(r, s, s.text.indexOf(t), t, 'signature');
    }
    if (nameLine >= 0) break;
  }

  // A message signed without a closing phrase: the last line that is a rank and a name alone
  // (`Wachtmeester P. Bakker`). The rank is required, so an ordinary line is never taken as a name.
  if (!r.name) {
    for (let i = lines.length - 1; i >= 0; i--) {
      const s = lines[i]!;
      if (!usable(s.index) || !RANK_PREFIX.test(s.text)) continue;
      const name = signatureName(s.text);
      if (!name) continue;
      const from = s.text.indexOf(name.name);
      r.name = {
        value: name.name,
        span: span(s, from, from + name.name.length),
        reason: 'signature',
      };
      const rank = RANK_PREFIX.exec(s.text)!;
      if (!r.function) setFunction(r, s, s.text.indexOf(rank[1]!), rank[1]!, 'signature');
      break;
    }
  }

  // E-mail: the sender's own parts first (signature, contact block), then the letterhead.
  const emails: Found[] = [];
  for (const l of lines) {
    const zone = layout.zones[l.index]!;
    const rank = { signature: 0, contact_block: 0, body: 1, letterhead: 2, page_header: 3 }[
      zone as string
    ];
    if (rank === undefined) continue;
    if (
      zone === 'body' &&
      !REQUESTER_LABEL.test(l.text) &&
      !/bereikbaar|reach|contact/i.test(l.text)
    )
      continue;
    EMAIL.lastIndex = 0;
    for (let m = EMAIL.exec(l.text); m; m = EMAIL.exec(l.text)) {
      if (ownEmails.some((o) => sameDomain(o, m![0]))) continue;
      emails.push({
        value: m[0],
        span: span(l, m.index, m.index + m[0].length),
        reason: `${zone}:${rank}`,
      });
    }
  }
  emails.sort((a, b) => Number(a.reason.split(':')[1]) - Number(b.reason.split(':')[1]));
  if (emails[0]) r.email = { ...emails[0], reason: emails[0].reason.split(':')[0]! };

  const phones = senderPhones
    .filter((p) => PHONE_RANK.includes(p.reason))
    .sort((a, b) => phoneRank(a.reason) - phoneRank(b.reason));
  if (phones[0])
    r.phone = { value: phones[0].span.text, span: phones[0].span, reason: phones[0].reason };

  // The mail's From line, for what the document itself does not say.
  for (const l of lines) {
    if (layout.zones[l.index] !== 'mail_header') continue;
    const m = MAIL_FROM.exec(l.text);
    if (!m) continue;
    const name = m[1]?.trim();
    // `KMar Schiphol <opsporing@…>` names a unit's mailbox, not the official who signs.
    if (name && !r.name && !/@/.test(name) && !NOT_A_NAME.test(name)) {
      const from = l.text.indexOf(name);
      r.name = { value: name, span: span(l, from, from + name.length), reason: 'mail_from' };
    }
    if (!r.email) {
      const from = l.text.indexOf(m[2]!);
      r.email = { value: m[2]!, span: span(l, from, from + m[2]!.length), reason: 'mail_from' };
    }
  }
  return r;
}

/** The sender's own parts, most personal first; the letterhead's number is the unit's, not theirs. */
const PHONE_RANK = [
  'signature',
  'contact_block',
  'requester_details',
  'contact_label',
  'contact_context',
];
const phoneRank = (reason: string) => {
  const i = PHONE_RANK.indexOf(reason);
  return i < 0 ? PHONE_RANK.length : i;
};

/**
 * A signature line that names the official: `J. de Boer`, `Brigadier J. de Boer`,
 * `mr. E. Kuipers`, `J. Maas, hoofdagent`. The rank or function is returned apart.
 */
export function signatureName(line: string): { name: string; fn?: string } | null {
  const rank = RANK_PREFIX.exec(line);
  let bare = (rank ? line.slice(rank[0].length) : line).trim();
  let fn = rank?.[1];
  const comma = /^(.*?),\s*(.+)$/.exec(bare);
  if (comma && functionFromText(comma[2]!) && !functionFromText(comma[1]!)) {
    bare = comma[1]!.trim();
    fn = comma[2]!.trim();
  }
  const title = TITLE_PREFIX.exec(bare);
  const core = title ? bare.slice(title[0].length) : bare;
  if (!core || NOT_A_NAME.test(core) || !NAME_LINE.test(core) || functionFromText(core))
    return null;
  return fn ? { name: bare, fn } : { name: bare };
}

const sameDomain = (a: string, b: string) =>
  a.split('@')[1]?.toLowerCase() === b.split('@')[1]?.toLowerCase();

function setFunction(
  r: RequesterFound,
  l: Parameters<typeof span>[0],
  from: number,
  text: string,
  reason: string,
) {
  const code = functionFromText(text);
  if (!code) return;
  r.function = { value: code, code, span: span(l, from, from + text.length), reason };
}
