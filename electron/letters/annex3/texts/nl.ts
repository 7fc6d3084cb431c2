import type { Annex3Texts } from './types';

export const NL: Annex3Texts = {
  locale: 'nl-NL',
  dateFormat: 'd MMMM yyyy',
  annex: 'BIJLAGE III',
  title: 'INFORMATIE OVER DE ONMOGELIJKHEID OM HET EPOC/EPOC-PR UIT TE VOEREN',
  regulation: 'Verordening (EU) 2023/1543, artikel 10',
  intro:
    'Met dit formulier deelt de geadresseerde de uitvaardigende autoriteit mee dat het certificaat van het Europees verstrekkingsbevel (EPOC) niet kan worden uitgevoerd, niet binnen de termijn kan worden uitgevoerd, of niet zonder nadere informatie kan worden uitgevoerd.',
  sectionA: 'AFDELING A: Geadresseerde van het EPOC/EPOC-PR',
  addressee: 'Geadresseerde',
  sectionB: 'AFDELING B: Relevante informatie',
  issuingState: 'Uitvaardigende staat',
  issuingAuthority: 'Uitvaardigende autoriteit',
  issuingReference: 'Dossiernummer van de uitvaardigende autoriteit',
  validatingAuthority: 'Validerende autoriteit (indien van toepassing)',
  validatingReference: 'Dossiernummer van de validerende autoriteit (indien van toepassing)',
  noValidation: {
    not_required: 'geen: validatie niet vereist',
    emergency_pending_validation: 'nog geen: spoedbevel, validatie volgt',
  },
  dateOfIssue: 'Datum van uitvaardiging van het EPOC/EPOC-PR',
  dateOfReceipt: 'Datum van ontvangst van het EPOC/EPOC-PR',
  notGiven: 'niet vermeld in het certificaat',
  ourReference: 'Ons kenmerk',
  functions: {
    judge: 'rechter',
    court: 'gerecht',
    investigating_judge: 'onderzoeksrechter',
    prosecutor: 'officier van justitie',
    other_competent: 'andere bevoegde autoriteit',
  },
  sectionC: 'AFDELING C: Redenen waarom het EPOC/EPOC-PR niet kan worden uitgevoerd',
  status: 'Stand van het bevel',
  statusOf: {
    refuse: 'niet uitgevoerd',
    no_data: 'niet uitgevoerd: geen gegevens',
    clarify: 'nog niet uitgevoerd: verduidelijking gevraagd',
  },
  reasonsIntro:
    'Het EPOC/EPOC-PR kan om de volgende reden(en) niet, of niet binnen de gevraagde termijn, worden uitgevoerd:',
  reasons: {
    incomplete: 'het is onvolledig',
    manifest_errors: 'het bevat kennelijke fouten',
    insufficient_information: 'het bevat onvoldoende informatie om het uit te voeren',
    not_stored:
      'de gevraagde gegevens zijn niet opgeslagen, of waren niet meer opgeslagen op het moment waarop het EPOC/EPOC-PR werd ontvangen',
    de_facto_impossible:
      'feitelijke onmogelijkheid door omstandigheden die niet aan de dienstverlener te wijten zijn',
    not_issued_or_validated:
      'het bevel is niet uitgevaardigd of gevalideerd door een uitvaardigende autoriteit zoals artikel 4 van de verordening vereist',
    other: 'andere redenen',
  },
  explanation: 'Toelichting op de redenen',
  clarification: 'Verduidelijking of correctie gevraagd van de uitvaardigende autoriteit',
  clarificationNone: 'geen',
  preservation: 'Bewaring van de gegevens',
  preservedYes: 'De gevraagde gegevens worden bewaard totdat het bevel kan worden uitgevoerd.',
  preservedNo: 'De gevraagde gegevens worden niet bewaard.',
  sectionD: 'AFDELING D: Contactgegevens van de dienstverlener',
  provider: 'Dienstverlener',
  address: 'Adres',
  email: 'E-mail',
  phone: 'Telefoon',
  kvk: 'KvK-nummer',
  contactPerson: 'Contactpersoon',
  date: 'Datum',
  page: (p, n) => `pagina ${p} van ${n}`,
  refLine: (no) => `ons kenmerk ${no}`,
  chainLine: (seq, hash, issued) =>
    `Opgemaakt ${issued} · auditlogregel ${seq}, hash ${hash.slice(0, 16)}…`,
};
