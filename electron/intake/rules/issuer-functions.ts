import type { IssuerFunction } from '../../../shared/schemas/terms';
import type { Authority } from '../../../shared/schemas/catalogue';

/**
 * Who issued the request, from the words of the signature or a `Functie:` line: ranks and titles
 * → the issuer functions of the catalogue. An official of the police, the KMar or a special
 * investigation service who names no function is an opsporingsambtenaar (art. 141 Sv) — that is
 * a choice, recorded as such; a foreign EU authority is always a foreign judicial authority.
 */
export const FUNCTION_WORDS: [IssuerFunction, RegExp][] = [
  ['rechter_commissaris', /rechter[\s-]commissaris|investigating judge|juge d'instruction/i],
  [
    'officier_van_justitie',
    /(?:substituut-?|plaatsvervangend\s+|landelijk\s+|hoofd)?officier van justitie|\bovj\b|advocaat-generaal|(?:public\s+)?prosecutor|procureur|staatsanwalt|ministério público/i,
  ],
  [
    'opsporingsambtenaar',
    /opsporingsambtenaar|(?:hoofd)?agent\b|brigadier|(?:hoofd)?inspecteur|rechercheur|recherchekundige|digitaal specialist|(?:opper)?wachtmeester|adjudant|marechaussee|police officer|detective|investigating officer|special investigator|investigator|tactisch rechercheur|teamleider/i,
  ],
];

/** A rank written before the name (`Brigadier J. de Boer`): the function, not part of the name. */
export const RANK_PREFIX =
  /^\s*((?:digitaal |tactisch |financieel )?(?:hoofd)?(?:agent|brigadier|inspecteur|rechercheur)|(?:opper)?wachtmeester|adjudant|inspector|detective|sergeant|constable|superintendent)\s+/i;
/** A title written before the name (`mr. A. de Groot`): part of the name as the person signs. */
export const TITLE_PREFIX = /^\s*(?:mr|drs|dr|ing|ir|prof)\.\s*/i;

export function functionFromText(text: string): IssuerFunction | undefined {
  for (const [f, re] of FUNCTION_WORDS) if (re.test(text)) return f;
  return undefined;
}

/** The function an authority's officials have when the document names none. */
export function functionFromAuthority(a: Authority): IssuerFunction | undefined {
  switch (a.kind) {
    case 'police':
    case 'kmar':
    case 'bod':
      return 'opsporingsambtenaar';
    case 'intelligence':
      return 'intelligence_service';
    case 'foreign':
      return 'foreign_judicial_authority';
    default:
      return undefined;
  }
}
