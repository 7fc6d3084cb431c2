import type { DataCategory } from '../../shared/schemas/terms';
import type { LetterLanguage } from './model';

/**
 * The failed checks of a refused request, worded for the requesting authority in the letter's
 * language. The register stores each failed check with a code and an English desk message (for
 * the officer); the refusal records those messages among its reasons. The letter prints these
 * texts instead, so a Dutch letter never carries the desk's English or raw category codes.
 */
export interface ReasonFacts {
  article: string;
  /** Categories asked for that the basis does not allow (category_outside_basis). */
  outsideBasis: DataCategory[];
  /** Categories asked for that are not subscriber data (not_naw_data). */
  notNaw: DataCategory[];
}

type Wording = Partial<
  Record<string, (f: ReasonFacts, list: (c: DataCategory[]) => string) => string>
>;

const CATEGORY_NAMES: Record<LetterLanguage, Record<DataCategory, string>> = {
  nl: {
    name: 'naam',
    address: 'adres',
    postcode: 'postcode',
    city: 'woonplaats',
    number: 'nummer',
    service_type: 'soort dienst',
    identifying: 'identificerende gegevens',
    traffic: 'verkeersgegevens',
    location: 'locatiegegevens',
    content: 'inhoud van communicatie',
    sensitive: 'bijzondere persoonsgegevens',
  },
  en: {
    name: 'name',
    address: 'address',
    postcode: 'postcode',
    city: 'city',
    number: 'number',
    service_type: 'kind of service',
    identifying: 'identifying data',
    traffic: 'traffic data',
    location: 'location data',
    content: 'content of communications',
    sensitive: 'special categories of personal data',
  },
};

const joined = (items: string[], and: string): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;

const NL: Wording = {
  missing_case_reference: () =>
    'De vordering vermeldt geen zaaknummer (proces-verbaal-, BVH- of parketnummer).',
  not_verified: () =>
    'Wij konden de herkomst van de vordering niet verifiëren via een bij ons bekend kanaal.',
  issuer_not_allowed: (f) =>
    `Een vordering op grond van ${f.article} kan niet worden gedaan door de functionaris die de vordering heeft ondertekend.`,
  category_outside_basis: (f, list) =>
    `${f.article} biedt geen grondslag voor het vorderen van ${list(f.outsideBasis)}.`,
  not_naw_data: (f, list) =>
    `Wij verstrekken langs deze weg uitsluitend gebruikersgegevens; ${list(f.notNaw)} vallen daar niet onder.`,
  phone_not_emergency: () =>
    'Een telefonische vordering nemen wij alleen in spoedeisende gevallen in behandeling; wij verzoeken u de vordering schriftelijk te doen.',
  missing_rc_authorisation: (f) =>
    `Een vordering op grond van ${f.article} vereist een machtiging van de rechter-commissaris; de vordering vermeldt die niet.`,
  basis_expired: (f) => `${f.article} was op de datum van ontvangst niet meer van kracht.`,
  basis_not_yet_applicable: (f) =>
    `${f.article} was op de datum van ontvangst nog niet van kracht.`,
  basis_referred: (f) =>
    `Vorderingen op grond van ${f.article} beantwoorden wij niet langs deze weg.`,
  basis_refused: (f) => `Op grond van ${f.article} verstrekken wij langs deze weg geen gegevens.`,
};

const EN: Wording = {
  missing_case_reference: () =>
    'The order does not give a case reference (police report, BVH or public prosecutor’s number).',
  not_verified: () =>
    'We could not verify where the order came from through a channel known to us.',
  issuer_not_allowed: (f) =>
    `An order under ${f.article} cannot be made by the official who signed this order.`,
  category_outside_basis: (f, list) =>
    `${f.article} gives no basis for ordering ${list(f.outsideBasis)}.`,
  not_naw_data: (f, list) =>
    `Through this channel we disclose subscriber data only; ${list(f.notNaw)} are not subscriber data.`,
  phone_not_emergency: () =>
    'We handle an order by telephone only in an emergency; please make the order in writing.',
  missing_rc_authorisation: (f) =>
    `An order under ${f.article} needs the authorisation of the examining magistrate (rechter-commissaris); the order does not give it.`,
  basis_expired: (f) => `${f.article} no longer applied on the date of receipt.`,
  basis_not_yet_applicable: (f) => `${f.article} did not yet apply on the date of receipt.`,
  basis_referred: (f) => `We do not answer orders under ${f.article} through this channel.`,
  basis_refused: (f) => `We do not disclose data under ${f.article} through this channel.`,
};

/** The letter's wording of a failed check, or null for a code it has no wording for. */
export function checkReason(
  language: LetterLanguage,
  code: string,
  facts: ReasonFacts,
): string | null {
  const wording = (language === 'en' ? EN : NL)[code];
  if (!wording) return null;
  const names = CATEGORY_NAMES[language];
  const list = (c: DataCategory[]) =>
    joined(
      c.map((x) => names[x]),
      language === 'en' ? 'and' : 'en',
    );
  return wording(facts, list);
}
