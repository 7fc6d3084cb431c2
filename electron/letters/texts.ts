import type { ItemOutcome, LetterField, LetterKind, LetterLanguage } from './model';
import { monthNames } from '../../shared/months';

/**
 * The wording of the letters, Dutch (default) and English. Values are inserted by the functions
 * below as plain strings; render.ts prints them as text.
 */
export interface LetterTexts {
  months: readonly string[];
  title: Record<LetterKind, string>;
  confidential: string;
  to: string;
  attn: (name: string, fn: string | null) => string;
  ourRef: string;
  yourRef: string;
  date: string;
  subject: string;
  noRef: string;
  salutation: string;
  intro: (o: { received: string; article: string; basisName: string }) => string;
  lead: Record<LetterKind, string>;
  itemsHeading: Record<LetterKind, string>;
  itemKind: Record<'phone' | 'ip', string>;
  itemLine: (o: { kind: string; value: string; port: number | null; at: string }) => string;
  momentUnresolved: (moment: string, zone: string) => string;
  /** A period item's span, both ends already worded as moments. */
  periodLine: (from: string, to: string) => string;
  /** The row of a subscriber's table that says which part of the period it covers. */
  periodRow: string;
  outcome: Record<ItemOutcome, string>;
  /** Where a period item's outcome reads otherwise than a moment's. */
  periodOutcome: Partial<Record<ItemOutcome, string>>;
  subscriber: (n: number, of: number) => string;
  fieldColumn: string;
  valueColumn: string;
  fields: Record<LetterField, string>;
  /** A service type as the customer file holds it (`mobile`, `mobile / internet`), in words. */
  serviceType: (stored: string) => string;
  reasonsHeading: string;
  remarksHeading: string;
  refusalNext: string;
  minimal: string;
  confidentiality: string;
  contact: (o: { registerNo: string; email: string | null; phone: string | null }) => string;
  closing: string;
  approvedBy: (name: string, fn: string) => string;
  page: (page: number, count: number) => string;
  refLine: (registerNo: string) => string;
  chainLine: (seq: number, hash: string, at: string) => string;
  kvk: string;
}

/** Each part of a stored service type in words; a part without words prints as stored. */
const serviceWords = (stored: string, words: Record<string, string>): string =>
  stored
    .split('/')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => words[part.toLowerCase()] ?? part)
    .join(', ');

const pad = (n: number) => String(n).padStart(2, '0');

const nl: LetterTexts = {
  months: monthNames('nl'),
  title: {
    disclosure: 'Verstrekking gebruikersgegevens',
    no_data: 'Geen gebruikersgegevens aanwezig',
    refusal: 'Weigering vordering gebruikersgegevens',
  },
  confidential: 'VERTROUWELIJK',
  to: 'Aan',
  attn: (name, fn) => `t.a.v. ${name}${fn ? `, ${fn}` : ''}`,
  ourRef: 'Ons kenmerk',
  yourRef: 'Uw kenmerk',
  date: 'Datum',
  subject: 'Betreft',
  noRef: '(niet vermeld)',
  salutation: 'Geachte heer, mevrouw,',
  intro: ({ received, article, basisName }) =>
    `Op ${received} ontvingen wij uw vordering op grond van ${article} (${basisName}).`,
  lead: {
    disclosure:
      'Naar aanleiding van deze vordering verstrekken wij u hierbij de gevraagde gebruikersgegevens, voor zover deze bij ons bekend zijn en de genoemde grondslag de verstrekking toestaat. Hieronder vindt u per identificator en tijdstip ons antwoord.',
    no_data:
      'Naar aanleiding van deze vordering delen wij u mee dat wij over de gevraagde identificatoren op de genoemde tijdstippen geen gebruikersgegevens hebben. Hieronder vindt u per identificator en tijdstip ons antwoord.',
    refusal:
      'Wij hebben uw vordering beoordeeld. Wij kunnen er geen gevolg aan geven en verstrekken daarom geen gegevens.',
  },
  itemsHeading: {
    disclosure: 'Antwoord per identificator',
    no_data: 'Antwoord per identificator',
    refusal: 'De vordering betrof',
  },
  itemKind: { phone: 'Telefoonnummer', ip: 'IP-adres' },
  itemLine: ({ kind, value, port, at }) =>
    `${kind} ${value}${port !== null ? `, poort ${port}` : ''} — ${at}`,
  momentUnresolved: (moment, zone) => `${moment.replace('T', ' ')} (${zone}; tijdstip onduidelijk)`,
  periodLine: (from, to) => `van ${from} tot ${to}`,
  periodRow: 'Periode',
  periodOutcome: {
    no_data:
      'Geen gegevens: deze identificator was in deze periode niet aan een van onze klanten toegekend.',
    needs_port:
      'Niet te identificeren: dit IP-adres werd in deze periode door meerdere klanten tegelijk gedeeld (CGNAT). Zonder bronpoort is niet vast te stellen wie het gebruikte.',
    unusable:
      'Niet te beantwoorden: de identificator is ongeldig, of de opgegeven periode is niet bruikbaar (een begin of einde dat niet bestaat of twee keer voorkomt, een einde in de toekomst of niet na het begin, of langer dan 366 dagen). Geef zo nodig de tijdstippen met UTC-offset, of splits de periode.',
    conflict:
      'Niet beantwoord: onze gegevens wijzen voor een deel van deze periode niet op één gebruiker. Wij zoeken dit uit en komen erop terug.',
  },
  outcome: {
    disclosed: 'Gegevens verstrekt:',
    no_data:
      'Geen gegevens: deze identificator was op dit tijdstip niet aan een van onze klanten toegekend.',
    needs_port:
      'Niet te identificeren: dit IP-adres wordt door meerdere klanten tegelijk gedeeld (CGNAT). Zonder bronpoort is niet vast te stellen wie het gebruikte.',
    unusable:
      'Niet te beantwoorden: de identificator is ongeldig, of het opgegeven tijdstip bestaat niet of komt twee keer voor (zomer-/wintertijd). Geef zo nodig een tijdstip met UTC-offset.',
    conflict:
      'Niet beantwoord: onze gegevens wijzen voor dit tijdstip niet op één gebruiker. Wij zoeken dit uit en komen erop terug.',
    not_answered: 'Niet beantwoord in deze brief.',
  },
  subscriber: (n, of) => `Gebruiker ${n} van ${of}`,
  fieldColumn: 'Gegeven',
  valueColumn: 'Waarde',
  fields: {
    name: 'Naam',
    address: 'Adres',
    postcode: 'Postcode',
    city: 'Woonplaats',
    country: 'Land',
    number: 'Nummer',
    service_type: 'Soort dienst',
  },
  serviceType: (stored) =>
    serviceWords(stored, {
      fixed: 'vaste telefonie',
      mobile: 'mobiele telefonie',
      voip: 'internettelefonie (VoIP)',
      internet: 'internettoegang',
    }),
  reasonsHeading: 'Reden(en)',
  remarksHeading: 'Opmerkingen',
  refusalNext:
    'U kunt een nieuwe of aangevulde vordering indienen. Vermeld daarin ons kenmerk, de juiste wettelijke grondslag en de gegevens die u vordert.',
  minimal:
    'Wij verstrekken uitsluitend de gegevens die u heeft gevorderd en die onder de genoemde grondslag vallen; andere gegevens zijn niet verstrekt.',
  confidentiality:
    'Vertrouwelijk. Wij nemen over deze vordering en ons antwoord geheimhouding in acht (artikel 13.5 Telecommunicatiewet en artikel 126bb Wetboek van Strafvordering). Deze brief bevat persoonsgegevens; gebruik ze uitsluitend voor het doel waarvoor zij zijn gevorderd.',
  contact: ({ registerNo, email, phone }) => {
    const via = [email, phone].filter(Boolean).join(' of ');
    return `Voor vragen over deze brief kunt u contact opnemen met onze compliance desk${via ? ` via ${via}` : ''}, onder vermelding van ons kenmerk ${registerNo}.`;
  },
  closing: 'Met vriendelijke groet,',
  approvedBy: (name, fn) => `Beoordeeld en goedgekeurd (vier ogen) door ${name}, ${fn}`,
  page: (p, n) => `Pagina ${p} van ${n}`,
  refLine: (no) => `Ons kenmerk ${no}`,
  chainLine: (seq, hash, at) =>
    `Auditlog bij uitgifte op ${at}: gebeurtenis nr. ${seq}, hash ${hash}`,
  kvk: 'KvK',
};

const en: LetterTexts = {
  months: monthNames('en'),
  title: {
    disclosure: 'Disclosure of subscriber data',
    no_data: 'No subscriber data held',
    refusal: 'Refusal of a request for subscriber data',
  },
  confidential: 'CONFIDENTIAL',
  to: 'To',
  attn: (name, fn) => `Attn. ${name}${fn ? `, ${fn}` : ''}`,
  ourRef: 'Our reference',
  yourRef: 'Your reference',
  date: 'Date',
  subject: 'Subject',
  noRef: '(not given)',
  salutation: 'Dear Sir or Madam,',
  intro: ({ received, article, basisName }) =>
    `On ${received} we received your order under ${article} (${basisName}).`,
  lead: {
    disclosure:
      'In response to this order we hereby provide the subscriber data requested, as far as we hold them and the legal basis allows their disclosure. Our answer for each identifier and moment follows below.',
    no_data:
      'In response to this order we inform you that we hold no subscriber data for the identifiers at the moments given. Our answer for each identifier and moment follows below.',
    refusal:
      'We have assessed your order. We cannot comply with it and therefore disclose no data.',
  },
  itemsHeading: {
    disclosure: 'Answer per identifier',
    no_data: 'Answer per identifier',
    refusal: 'The order concerned',
  },
  itemKind: { phone: 'Telephone number', ip: 'IP address' },
  itemLine: ({ kind, value, port, at }) =>
    `${kind} ${value}${port !== null ? `, port ${port}` : ''} — ${at}`,
  momentUnresolved: (moment, zone) => `${moment.replace('T', ' ')} (${zone}; time unclear)`,
  periodLine: (from, to) => `from ${from} to ${to}`,
  periodRow: 'Period',
  periodOutcome: {
    no_data:
      'No data: this identifier was not assigned to any of our customers during this period.',
    needs_port:
      'Cannot be identified: during this period this IP address was shared by several customers at once (CGNAT). Without the source port it cannot be established who used it.',
    unusable:
      'Cannot be answered: the identifier is invalid, or the given period cannot be used (a start or end that does not exist or occurs twice, an end in the future or not after the start, or longer than 366 days). If needed, give the times with their UTC offset, or split the period.',
    conflict:
      'Not answered: for part of this period our records do not point to a single user. We are looking into it and will come back to you.',
  },
  outcome: {
    disclosed: 'Data disclosed:',
    no_data: 'No data: this identifier was not assigned to any of our customers at that moment.',
    needs_port:
      'Cannot be identified: this IP address is shared by several customers at once (CGNAT). Without the source port it cannot be established who used it.',
    unusable:
      'Cannot be answered: the identifier is invalid, or the given time does not exist or occurs twice (daylight saving change). If needed, give the time with its UTC offset.',
    conflict:
      'Not answered: our records do not point to a single user at this moment. We are looking into it and will come back to you.',
    not_answered: 'Not answered in this letter.',
  },
  subscriber: (n, of) => `User ${n} of ${of}`,
  fieldColumn: 'Item',
  valueColumn: 'Value',
  fields: {
    name: 'Name',
    address: 'Address',
    postcode: 'Postcode',
    city: 'City',
    country: 'Country',
    number: 'Number',
    service_type: 'Kind of service',
  },
  serviceType: (stored) =>
    serviceWords(stored, {
      fixed: 'fixed telephony',
      mobile: 'mobile telephony',
      voip: 'internet telephony (VoIP)',
      internet: 'internet access',
    }),
  reasonsHeading: 'Reason(s)',
  remarksHeading: 'Remarks',
  refusalNext:
    'You may submit a new or completed order. Please quote our reference, the correct legal basis and the data you require.',
  minimal:
    'We disclose only the data you ordered that fall under the legal basis given; no other data have been disclosed.',
  confidentiality:
    'Confidential. We keep this order and our answer secret (article 13.5 of the Dutch Telecommunications Act and article 126bb of the Dutch Code of Criminal Procedure). This letter contains personal data; use them only for the purpose for which they were ordered.',
  contact: ({ registerNo, email, phone }) => {
    const via = [email, phone].filter(Boolean).join(' or ');
    return `For questions about this letter please contact our compliance desk${via ? ` at ${via}` : ''}, quoting our reference ${registerNo}.`;
  },
  closing: 'Yours faithfully,',
  approvedBy: (name, fn) => `Reviewed and approved (four eyes) by ${name}, ${fn}`,
  page: (p, n) => `Page ${p} of ${n}`,
  refLine: (no) => `Our reference ${no}`,
  chainLine: (seq, hash, at) => `Audit log at issue on ${at}: event no. ${seq}, hash ${hash}`,
  kvk: 'Chamber of Commerce no.',
};

export const LETTER_TEXTS: Record<LetterLanguage, LetterTexts> = { nl, en };

const FIXED_OFFSET = /^(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?$/;

/** Date parts of an instant in an IANA zone or a fixed offset (`+01:00`), locale-free. */
export function zonedParts(iso: string, timeZone: string) {
  const d = new Date(iso);
  const fixed = FIXED_OFFSET.exec(timeZone.trim());
  if (fixed) {
    const minutes = (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0));
    const local = new Date(d.getTime() + minutes * 60_000);
    const abs = Math.abs(minutes);
    return {
      year: local.getUTCFullYear(),
      month: local.getUTCMonth() + 1,
      day: local.getUTCDate(),
      hour: local.getUTCHours(),
      minute: local.getUTCMinutes(),
      second: local.getUTCSeconds(),
      offset: `UTC${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`,
    };
  }
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  const offset = (parts.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    offset: `UTC${offset}`,
  };
}

/** "2 maart 2026" */
export function formatDate(t: LetterTexts, iso: string, timeZone: string): string {
  const p = zonedParts(iso, timeZone);
  return `${p.day} ${t.months[p.month - 1]} ${p.year}`;
}

/** "2 maart 2026, 09:15:00 (Europe/Amsterdam, UTC+01:00)" */
export function formatMoment(t: LetterTexts, iso: string, timeZone: string): string {
  const p = zonedParts(iso, timeZone);
  return `${p.day} ${t.months[p.month - 1]} ${p.year}, ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)} (${timeZone}, ${p.offset})`;
}
