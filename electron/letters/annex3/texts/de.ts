import type { Annex3Texts } from './types';

export const DE: Annex3Texts = {
  locale: 'de-DE',
  dateFormat: 'd. MMMM yyyy',
  annex: 'ANHANG III',
  title: 'INFORMATIONEN ÜBER DIE UNMÖGLICHKEIT DER AUSFÜHRUNG DES EPOC/EPOC-PR',
  regulation: 'Verordnung (EU) 2023/1543, Artikel 10',
  intro:
    'Mit diesem Formular teilt der Adressat der Anordnungsbehörde mit, dass das Zertifikat über eine Europäische Herausgabeanordnung (EPOC) nicht, nicht innerhalb der Frist oder nicht ohne weitere Informationen ausgeführt werden kann.',
  sectionA: 'ABSCHNITT A: Adressat des EPOC/EPOC-PR',
  addressee: 'Adressat',
  sectionB: 'ABSCHNITT B: Sachdienliche Informationen',
  issuingState: 'Anordnungsstaat',
  issuingAuthority: 'Anordnungsbehörde',
  issuingReference: 'Aktenzeichen der Anordnungsbehörde',
  validatingAuthority: 'Validierungsbehörde (falls zutreffend)',
  validatingReference: 'Aktenzeichen der Validierungsbehörde (falls zutreffend)',
  noValidation: {
    not_required: 'keine: keine Validierung erforderlich',
    emergency_pending_validation: 'noch keine: Notfallanordnung, Validierung folgt',
  },
  dateOfIssue: 'Datum der Ausstellung des EPOC/EPOC-PR',
  dateOfReceipt: 'Datum des Eingangs des EPOC/EPOC-PR',
  notGiven: 'im Zertifikat nicht angegeben',
  ourReference: 'Unser Zeichen',
  functions: {
    judge: 'Richter',
    court: 'Gericht',
    investigating_judge: 'Ermittlungsrichter',
    prosecutor: 'Staatsanwaltschaft',
    other_competent: 'andere zuständige Behörde',
  },
  sectionC: 'ABSCHNITT C: Gründe für die Unmöglichkeit der Ausführung des EPOC/EPOC-PR',
  status: 'Stand der Anordnung',
  statusOf: {
    refuse: 'nicht ausgeführt',
    no_data: 'nicht ausgeführt: keine Daten',
    clarify: 'noch nicht ausgeführt: Klarstellung erbeten',
  },
  reasonsIntro:
    'Das EPOC/EPOC-PR kann aus folgendem Grund / folgenden Gründen nicht oder nicht innerhalb der gesetzten Frist ausgeführt werden:',
  reasons: {
    incomplete: 'es ist unvollständig',
    manifest_errors: 'es enthält offensichtliche Fehler',
    insufficient_information: 'es enthält nicht genügend Informationen, um es auszuführen',
    not_stored:
      'die angeforderten Daten sind nicht gespeichert oder waren zum Zeitpunkt des Eingangs des EPOC/EPOC-PR nicht mehr gespeichert',
    de_facto_impossible:
      'faktische Unmöglichkeit aufgrund von Umständen, die dem Diensteanbieter nicht zuzurechnen sind',
    not_issued_or_validated:
      'die Anordnung wurde nicht von einer Anordnungsbehörde nach Artikel 4 der Verordnung erlassen oder validiert',
    other: 'sonstige Gründe',
  },
  explanation: 'Erläuterung der Gründe',
  clarification: 'Von der Anordnungsbehörde erbetene Klarstellung oder Berichtigung',
  clarificationNone: 'keine',
  preservation: 'Sicherung der Daten',
  preservedYes:
    'Die angeforderten Daten werden gesichert, bis die Anordnung ausgeführt werden kann.',
  preservedNo: 'Die angeforderten Daten werden nicht gesichert.',
  sectionD: 'ABSCHNITT D: Kontaktdaten des Diensteanbieters',
  provider: 'Diensteanbieter',
  address: 'Anschrift',
  email: 'E-Mail',
  phone: 'Telefon',
  kvk: 'Handelsregisternummer',
  contactPerson: 'Kontaktperson',
  date: 'Datum',
  page: (p, n) => `Seite ${p} von ${n}`,
  refLine: (no) => `unser Zeichen ${no}`,
  chainLine: (seq, hash, issued) =>
    `Erstellt ${issued} · Auditprotokolleintrag ${seq}, Hash ${hash.slice(0, 16)}…`,
};
