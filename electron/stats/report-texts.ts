import type {
  EpocStatsCategory,
  IdentifierKind,
  Outcome,
  StatsUrgency,
} from '../../shared/schemas/stats';
import { monthNames } from '../../shared/months';

/** The words of the transparency report, in Dutch and English. */
export interface ReportTexts {
  title: (year: number) => string;
  intro: (year: number, zone: string) => string;
  asOf: (date: string) => string;
  suppression: (threshold: number) => string;
  noSuppression: string;
  noPersonalData: string;
  headline: string;
  figure: string;
  number: string;
  hours: string;
  requests: string;
  items: string;
  subscribersAffected: string;
  failedVerification: string;
  handlingMedian: string;
  handlingP90: string;
  decisionMedian: string;
  deadlinesMet: string;
  deadlinesMissed: string;
  deadlinesOpen: string;
  emergenciesTotal: string;
  emergenciesWithin: string;
  emergenciesLate: string;
  byOutcome: string;
  byLegalBasis: string;
  byAuthority: string;
  byIdentifierKind: string;
  byUrgency: string;
  byMonth: string;
  refusals: string;
  soFar: (until: string) => string;
  lastFiveYears: string;
  year: string;
  previousYear: (year: number) => string;
  none: string;
  outcome: Record<Outcome, string>;
  kind: Record<IdentifierKind, string>;
  urgency: Record<StatsUrgency, string>;
  months: string[];
  reason: (code: string) => string;
  footer: (org: string, year: number, page: number, count: number) => string;
  issuedLine: (at: string) => string;
  chainLine: (seq: number, hash: string) => string;
  locale: string;
  epoc: EpocReportTexts;
}

/** The section on European Production Orders (Art. 28 of Regulation (EU) 2023/1543). */
export interface EpocReportTexts {
  heading: string;
  intro: string;
  orders: string;
  byState: string;
  state: string;
  byCategory: string;
  category: Record<EpocStatsCategory, string>;
  emergency: string;
  normal: string;
  complied: string;
  notComplied: string;
  open: string;
  receiptToAnswer: string;
  issueToAnswer: string;
  reasons: string;
  reason: Record<string, string>;
}

const NL_REASONS: Record<string, string> = {
  missing_case_reference: 'Geen zaaknummer',
  not_verified: 'Verzoeker niet geverifieerd',
  issuer_not_allowed: 'Verzoeker niet bevoegd voor deze grondslag',
  category_outside_basis: 'Gevraagde gegevens vallen buiten de grondslag',
  not_naw_data: 'Geen gebruikersgegevens (NAW) gevraagd',
  phone_not_emergency: 'Telefonisch verzoek zonder spoed',
  missing_rc_authorisation: 'Machtiging rechter-commissaris ontbreekt',
  basis_expired: 'Grondslag niet meer geldig',
  basis_not_yet_applicable: 'Grondslag nog niet van toepassing',
  basis_referred: 'Grondslag wordt doorverwezen',
  basis_refused: 'Grondslag wordt geweigerd',
  other: 'Andere reden',
  unspecified: 'Geen reden vastgelegd',
};
const EN_REASONS: Record<string, string> = {
  missing_case_reference: 'No case reference',
  not_verified: 'Requester not verified',
  issuer_not_allowed: 'Requester not competent for this legal basis',
  category_outside_basis: 'Data asked for is outside the legal basis',
  not_naw_data: 'No subscriber (NAW) data asked for',
  phone_not_emergency: 'Request by phone without an emergency',
  missing_rc_authorisation: "Investigating judge's authorisation missing",
  basis_expired: 'Legal basis no longer valid',
  basis_not_yet_applicable: 'Legal basis not yet applicable',
  basis_referred: 'Legal basis is referred',
  basis_refused: 'Legal basis is refused',
  other: 'Other reason',
  unspecified: 'No reason recorded',
};

export const REPORT_TEXTS: Record<'nl' | 'en', ReportTexts> = {
  nl: {
    locale: 'nl-NL',
    title: (y) => `Transparantieverslag ${y}`,
    intro: (y, zone) =>
      `Verzoeken van politie en justitie om gebruikersgegevens (NAW) die in ${y} zijn ontvangen (kalenderjaar, tijdzone ${zone}), en wat ermee is gedaan.`,
    asOf: (d) => `Stand per ${d}.`,
    suppression: (t) =>
      `Aantallen van 1 tot en met ${t - 1} zijn weergegeven als "< ${t}", zodat geen afzonderlijk verzoek of persoon herkenbaar is.`,
    noSuppression: 'Alle aantallen zijn exact weergegeven.',
    noPersonalData:
      'Dit verslag bevat alleen aantallen en doorlooptijden: geen namen, nummers, adressen of zaaknummers.',
    headline: 'Kerncijfers',
    figure: 'Cijfer',
    number: 'Aantal',
    hours: 'Uren',
    requests: 'Verzoeken ontvangen',
    items: 'Gevraagde nummers en IP-adressen',
    subscribersAffected: 'Klanten van wie gegevens zijn verstrekt',
    failedVerification: 'Verzoeken waarbij de verzoeker niet geverifieerd kon worden',
    handlingMedian: 'Doorlooptijd ontvangst tot antwoord, mediaan (uren)',
    handlingP90: 'Doorlooptijd ontvangst tot antwoord, 90e percentiel (uren)',
    decisionMedian: 'Ontvangst tot besluit, mediaan (uren)',
    deadlinesMet: 'Binnen de termijn beantwoord',
    deadlinesMissed: 'Na de termijn beantwoord of nog open na de termijn',
    deadlinesOpen: 'Nog open, binnen de termijn',
    emergenciesTotal: 'Spoedverzoeken (levensgevaar)',
    emergenciesWithin: 'Spoedverzoeken binnen 8 uur beantwoord',
    emergenciesLate: 'Spoedverzoeken later dan 8 uur beantwoord of nog open',
    byOutcome: 'Uitkomst',
    byLegalBasis: 'Wettelijke grondslag',
    byAuthority: 'Verzoekende instantie',
    byIdentifierKind: 'Soort gegeven',
    byUrgency: 'Urgentie',
    byMonth: 'Per maand',
    refusals: 'Redenen van weigering',
    soFar: (u) => `Dit jaar tot ${u}, tegen dezelfde periode vorig jaar`,
    lastFiveYears: 'De laatste vijf jaar',
    year: 'Jaar',
    previousYear: (y) => `Zelfde periode ${y}`,
    none: 'Geen.',
    outcome: {
      disclosed: 'Verstrekt',
      partly_disclosed: 'Deels verstrekt',
      no_data: 'Geen gegevens',
      refused: 'Geweigerd',
      referred: 'Doorverwezen',
      open: 'Nog in behandeling',
    },
    kind: {
      phone: 'Telefoonnummer',
      ipv4: 'IPv4-adres',
      ipv6: 'IPv6-adres',
      ipv4_port: 'IPv4-adres met poort (CGNAT)',
    },
    urgency: { emergency: 'Spoed (levensgevaar)', urgent: 'Urgent', normal: 'Normaal' },
    months: monthNames('nl'),
    reason: (c) => NL_REASONS[c] ?? c,
    footer: (org, y, p, n) => `${org} · Transparantieverslag ${y} · pagina ${p} van ${n}`,
    issuedLine: (at) =>
      `Opgemaakt ${at}. De vingerafdruk (SHA-256) van dit verslag staat in de volgende gebeurtenis van de auditketen.`,
    chainLine: (seq, hash) => `Auditketen #${seq} ${hash}`,
    epoc: {
      heading: 'Europese verstrekkingsbevelen (art. 28)',
      intro:
        'Europese verstrekkingsbevelen (EPOC, Verordening (EU) 2023/1543) die in het jaar zijn ontvangen, zoals artikel 28 van de verordening ze telt. Ze zijn ook in de cijfers hierboven meegeteld.',
      orders: 'Verstrekkingsbevelen ontvangen',
      byState: 'Per uitvaardigende staat',
      state: 'Uitvaardigende staat',
      byCategory: 'Per soort gegevens',
      category: {
        subscriber: 'Abonneegegevens',
        identification: 'Gegevens uitsluitend ter identificatie van de gebruiker',
        traffic_content: 'Verkeers- of inhoudsgegevens (doorverwezen)',
      },
      emergency: 'Spoedbevelen (8 uur)',
      normal: 'Gewone bevelen (10 dagen)',
      complied: 'Uitgevoerd (gegevens verstrekt)',
      notComplied: 'Niet uitgevoerd',
      open: 'Nog in behandeling',
      receiptToAnswer: 'Gemiddelde tijd ontvangst tot antwoord (uren)',
      issueToAnswer: 'Gemiddelde tijd uitvaardiging tot antwoord (uren)',
      reasons: 'Niet uitgevoerd, naar reden (bijlage III)',
      reason: {
        incomplete: '(a) onvolledig',
        manifest_errors: '(b) kennelijke fouten',
        insufficient_information: '(c) onvoldoende informatie',
        not_stored: '(d) gegevens niet (meer) opgeslagen',
        de_facto_impossible: '(e) feitelijke onmogelijkheid',
        not_issued_or_validated: '(f) niet uitgevaardigd of gevalideerd zoals artikel 4 vereist',
        other: '(g) andere redenen',
        no_form: 'Geen bijlage III-formulier opgemaakt',
      },
    },
  },
  en: {
    locale: 'en-GB',
    title: (y) => `Transparency report ${y}`,
    intro: (y, zone) =>
      `Requests from police and justice for subscriber data (NAW) received in ${y} (calendar year, time zone ${zone}), and what was done with them.`,
    asOf: (d) => `Figures as of ${d}.`,
    suppression: (t) =>
      `Counts from 1 to ${t - 1} are shown as "< ${t}", so that no single request or person can be recognised.`,
    noSuppression: 'All counts are shown exactly.',
    noPersonalData:
      'This report holds only counts and durations: no names, numbers, addresses or case references.',
    headline: 'Key figures',
    figure: 'Figure',
    number: 'Count',
    hours: 'Hours',
    requests: 'Requests received',
    items: 'Phone numbers and IP addresses asked about',
    subscribersAffected: 'Customers whose data was disclosed',
    failedVerification: 'Requests whose requester could not be verified',
    handlingMedian: 'Received to answered, median (hours)',
    handlingP90: 'Received to answered, 90th percentile (hours)',
    decisionMedian: 'Received to decision, median (hours)',
    deadlinesMet: 'Answered by the deadline',
    deadlinesMissed: 'Answered after the deadline or still open past it',
    deadlinesOpen: 'Still open, within the deadline',
    emergenciesTotal: 'Emergency requests (danger to life)',
    emergenciesWithin: 'Emergency requests answered within 8 hours',
    emergenciesLate: 'Emergency requests answered later than 8 hours or still open',
    byOutcome: 'Outcome',
    byLegalBasis: 'Legal basis',
    byAuthority: 'Requesting authority',
    byIdentifierKind: 'Kind of identifier',
    byUrgency: 'Urgency',
    byMonth: 'By month',
    refusals: 'Reasons for refusal',
    soFar: (u) => `This year until ${u}, against the same period last year`,
    lastFiveYears: 'The last five years',
    year: 'Year',
    previousYear: (y) => `Same period ${y}`,
    none: 'None.',
    outcome: {
      disclosed: 'Disclosed',
      partly_disclosed: 'Partly disclosed',
      no_data: 'No data',
      refused: 'Refused',
      referred: 'Referred',
      open: 'Still open',
    },
    kind: {
      phone: 'Phone number',
      ipv4: 'IPv4 address',
      ipv6: 'IPv6 address',
      ipv4_port: 'IPv4 address with port (CGNAT)',
    },
    urgency: { emergency: 'Emergency (danger to life)', urgent: 'Urgent', normal: 'Normal' },
    months: monthNames('en'),
    reason: (c) => EN_REASONS[c] ?? c,
    footer: (org, y, p, n) => `${org} · Transparency report ${y} · page ${p} of ${n}`,
    issuedLine: (at) =>
      `Issued ${at}. This report's fingerprint (SHA-256) is in the next event of the audit chain.`,
    chainLine: (seq, hash) => `Audit chain #${seq} ${hash}`,
    epoc: {
      heading: 'European Production Orders (Art. 28)',
      intro:
        'European Production Orders (EPOC, Regulation (EU) 2023/1543) received in the year, counted as Article 28 of the Regulation asks. They are also counted in the figures above.',
      orders: 'Production orders received',
      byState: 'By issuing State',
      state: 'Issuing State',
      byCategory: 'By kind of data',
      category: {
        subscriber: 'Subscriber data',
        identification: 'Data requested for the sole purpose of identifying the user',
        traffic_content: 'Traffic or content data (referred)',
      },
      emergency: 'Emergency orders (8 hours)',
      normal: 'Other orders (10 days)',
      complied: 'Complied with (data disclosed)',
      notComplied: 'Not complied with',
      open: 'Still open',
      receiptToAnswer: 'Average time from receipt to answer (hours)',
      issueToAnswer: 'Average time from issue to answer (hours)',
      reasons: 'Not complied with, by reason (Annex III)',
      reason: {
        incomplete: '(a) incomplete',
        manifest_errors: '(b) manifest errors',
        insufficient_information: '(c) insufficient information',
        not_stored: '(d) data not (or no longer) stored',
        de_facto_impossible: '(e) de facto impossibility',
        not_issued_or_validated: '(f) not issued or validated as Article 4 requires',
        other: '(g) other reasons',
        no_form: 'No Annex III form made',
      },
    },
  },
};
