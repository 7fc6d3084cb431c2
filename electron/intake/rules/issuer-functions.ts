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

export const RANK_PREFIX =
  /^\s*((?:hoofd)?agent|brigadier|(?:hoofd)?inspecteur|rechercheur|(?:opper)?wachtmeester|adjudant|mr\.|drs\.|dr\.|ing\.|ir\.)\s+/i;

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
