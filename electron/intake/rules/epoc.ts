import type { DraftEpoc, SourceSpan } from '../../../shared/schemas/intake';
import { span, source, type Line } from '../text/document';
import type { Layout } from '../text/layout';
import { EPOC_FORM } from './channel';
import { stateIn } from './epoc-states';

/**
 * The certificate of a European Production Order (Annex I) read from its text: issuing State,
 * issuing and validating authority (name, function, file reference), addressee, deadline option,
 * emergency and data categories. Only what the certificate states; a ticked box (`[X]`, `☒`)
 * counts, an empty one (`[ ]`, `☐`) does not.
 */

const CHECKED = /\[\s*[xX✓✔]\s*\]|☒|☑|■/;
const UNCHECKED = /\[\s*\]|☐|□/;
const ticked = (l: Line) => CHECKED.test(l.text) || !UNCHECKED.test(l.text);

const ISSUING_HEADING = /issuing authority|ausstellende behörde|uitvaardigende autoriteit/i;
const VALIDATING_HEADING = /validating authority|validierende behörde|validerende autoriteit/i;
/** A section heading of the certificate: `A.`, `Section B`, `C)` at the start of a line. */
const HEADING = /^\s*(?:section\s+)?[A-N](?:[.:)]|\s+-)\s/i;

const FUNCTIONS: [NonNullable<DraftEpoc['issuingAuthority']>['function'], RegExp][] = [
  [
    'investigating_judge',
    /investigating judge|juge d'instruction|ermittlungsrichter|onderzoeksrechter|rechter-commissaris/i,
  ],
  ['other_competent', /other competent authority|andere bevoegde autoriteit/i],
  [
    'prosecutor',
    /prosecutor|staatsanwalt|minist[eéè]re public|minist[eé]rio p[uú]blico|officier van justitie|fiscal[ií]a|procura/i,
  ],
  ['court', /\bcourt\b|gericht\b|tribunal|rechtbank/i],
  ['judge', /\bjudge\b|richter|\bjuge\b|\brechter\b|\bjuez\b/i],
];
const functionOf = (text: string) => FUNCTIONS.find(([, re]) => re.test(text))?.[0];

const NAME = /^\s*(?:name(?: of the authority)?|naam|bezeichnung)\s*:\s*(.+?)\s*$/i;
const FUNCTION_LINE =
  /^\s*(?:function|type(?: of authority)?|capacity|functie|funktion)\s*:\s*(.+?)\s*$/i;
const FILE_REFERENCE =
  /(?:file (?:number|no\.?|reference)|aktenzeichen|dossiernummer|reference)\s*:?\s*([A-Z0-9][\w\-/. ]{2,}?)\s*$/i;
const ADDRESSEE = /\b(?:addressee|adressat|geadresseerde)\s*:\s*(.+?)\s*$/i;
const STATE =
  /\b(?:issuing (?:member )?state|ausstellender (?:mitglied)?staat|uitvaardigende (?:lid)?staat)\s*:\s*(.+?)\s*$/i;

const DEADLINES: [NonNullable<DraftEpoc['deadline']>, RegExp][] = [
  ['emergency_8_hours', /\b8 hours\b|\bacht uur\b|\b8 uur\b|\b8 stunden\b/i],
  ['end_of_10_days', /end of (?:the )?10 days|einde van de 10 dagen|ende der 10 tage/i],
  ['asap_10_days', /within 10 days|binnen 10 dagen|innerhalb von 10 tagen|10 days/i],
];
const CATEGORIES: [NonNullable<DraftEpoc['categories']>[number], RegExp][] = [
  [
    'identification',
    /sole purpose of identifying|identify(?:ing)? the user|identification data|identificatiegegevens/i,
  ],
  ['subscriber_identity', /subscriber data|abonneegegevens|bestandsdaten/i],
  ['subscriber_service', /type of service|telephone number|imsi|imei/i],
  ['traffic', /traffic data|verkeersgegevens|verkehrsdaten/i],
  ['content', /content data|inhoudsgegevens|inhaltsdaten/i],
];
const NO_VALIDATION = /validation (?:is )?not required|no validation (?:is )?(?:required|needed)/i;
const PENDING_VALIDATION =
  /ex[- ]post validation|validation (?:will|shall) be (?:sought|requested)|pending validation/i;

type Fields = Record<string, SourceSpan>;

/** The lines of the section that `heading` opens, up to the next heading. */
function section(layout: Layout, heading: RegExp, not?: RegExp): Line[] {
  const lines = layout.lines;
  const at = lines.findIndex((l) => heading.test(l.text) && !(not && not.test(l.text)));
  if (at < 0) return [];
  const out = [lines[at]!];
  for (const l of lines.slice(at + 1)) {
    if (HEADING.test(l.text) || VALIDATING_HEADING.test(l.text) || ISSUING_HEADING.test(l.text))
      break;
    out.push(l);
  }
  return out;
}

function firstMatch(lines: Line[], re: RegExp): { value: string; line: Line; from: number } | null {
  for (const l of lines) {
    const m = re.exec(l.text);
    if (m?.[1]) {
      const from = m.index + m[0].indexOf(m[1]);
      return { value: m[1], line: l, from };
    }
  }
  return null;
}

function authorityIn(lines: Line[], path: string, fields: Fields) {
  const out: NonNullable<DraftEpoc['issuingAuthority']> = {};
  const name = firstMatch(lines, NAME);
  if (name) {
    out.name = name.value;
    fields[`${path}.name`] = source(span(name.line, name.from, name.from + name.value.length));
  }
  const fnLine = firstMatch(lines, FUNCTION_LINE);
  const fnTicked = lines.find((l) => CHECKED.test(l.text) && functionOf(l.text));
  const fnAt = fnLine
    ? { text: fnLine.value, line: fnLine.line, from: fnLine.from }
    : fnTicked
      ? { text: fnTicked.text, line: fnTicked, from: 0 }
      : null;
  const fn = fnAt ? functionOf(fnAt.text) : undefined;
  if (fn && fnAt) {
    out.function = fn;
    fields[`${path}.function`] = source(
      span(fnAt.line, fnAt.from, fnAt.from + fnAt.text.length),
      'stated',
    );
  }
  const ref = firstMatch(lines, FILE_REFERENCE);
  if (ref) {
    out.fileReference = ref.value;
    fields[`${path}.fileReference`] = source(span(ref.line, ref.from, ref.from + ref.value.length));
  }
  return out;
}

export function findEpoc(layout: Layout, fields: Fields): DraftEpoc | null {
  const lines = layout.lines.filter((l) => layout.zones[l.index] !== 'quoted');
  if (!lines.some((l) => EPOC_FORM.test(l.text))) return null;
  const epoc: DraftEpoc = {};

  const issuing = section(layout, ISSUING_HEADING);
  const issuer = authorityIn(issuing, 'epoc.issuingAuthority', fields);
  // The certificate's own file number stands for the issuer's reference when its section has none.
  if (!issuer.fileReference) {
    const ref = firstMatch(lines, FILE_REFERENCE);
    if (ref) {
      issuer.fileReference = ref.value;
      fields['epoc.issuingAuthority.fileReference'] = source(
        span(ref.line, ref.from, ref.from + ref.value.length),
        'epoc_file_number',
      );
    }
  }
  if (Object.keys(issuer).length) epoc.issuingAuthority = issuer;

  const stated = firstMatch(lines, STATE);
  const state = stated ? stateIn(stated.value) : null;
  if (stated && state) {
    epoc.issuingState = state.code;
    fields['epoc.issuingState'] = source(
      span(stated.line, stated.from + state.from, stated.from + state.to),
      'stated',
    );
  } else {
    // Else the country in the issuing authority's address.
    for (const l of issuing) {
      const s = stateIn(l.text);
      if (s) {
        epoc.issuingState = s.code;
        fields['epoc.issuingState'] = source(span(l, s.from, s.to), 'issuing_authority_address');
        break;
      }
    }
  }

  const validating = section(layout, VALIDATING_HEADING);
  const validator = authorityIn(validating, 'epoc.validatingAuthority', fields);
  if (validator.name) epoc.validatingAuthority = validator;
  const reasonLine = lines.find(
    (l) => ticked(l) && (PENDING_VALIDATION.test(l.text) || NO_VALIDATION.test(l.text)),
  );
  if (!validator.name && reasonLine) {
    epoc.noValidationReason = PENDING_VALIDATION.test(reasonLine.text)
      ? 'emergency_pending_validation'
      : 'not_required';
    fields['epoc.noValidationReason'] = source(
      span(reasonLine, 0, reasonLine.text.length),
      'stated',
    );
  }

  const addressee = firstMatch(lines, ADDRESSEE);
  if (addressee) {
    epoc.addressee = addressee.value;
    fields['epoc.addressee'] = source(
      span(addressee.line, addressee.from, addressee.from + addressee.value.length),
    );
  }

  for (const [value, re] of DEADLINES) {
    const l = lines.find((x) => ticked(x) && re.test(x.text));
    if (!l) continue;
    const m = re.exec(l.text)!;
    epoc.deadline = value;
    epoc.emergency = value === 'emergency_8_hours';
    fields['epoc.deadline'] = source(span(l, m.index, m.index + m[0].length), 'stated');
    break;
  }

  const categories: NonNullable<DraftEpoc['categories']> = [];
  for (const [value, re] of CATEGORIES) {
    // A phone number or service is named in contact details too: only a ticked box counts.
    const box = value === 'subscriber_service' ? (x: Line) => CHECKED.test(x.text) : ticked;
    const l = lines.find((x) => box(x) && re.test(x.text));
    if (!l) continue;
    categories.push(value);
    if (!fields['epoc.categories']) {
      const m = re.exec(l.text)!;
      fields['epoc.categories'] = source(span(l, m.index, m.index + m[0].length), 'stated');
    }
  }
  if (categories.length) epoc.categories = categories;
  return epoc;
}

/** The fields of the `epoc` block a request needs that the certificate did not give. */
export function missingEpocFields(e: DraftEpoc): string[] {
  const out: string[] = [];
  if (!e.issuingState) out.push('epoc.issuingState');
  for (const k of ['name', 'function', 'fileReference'] as const)
    if (!e.issuingAuthority?.[k]) out.push(`epoc.issuingAuthority.${k}`);
  if (!e.validatingAuthority?.name && !e.noValidationReason) out.push('epoc.noValidationReason');
  if (!e.addressee) out.push('epoc.addressee');
  if (!e.deadline) out.push('epoc.deadline');
  if (!e.categories?.length) out.push('epoc.categories');
  return out;
}
