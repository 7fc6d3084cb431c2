import type { Authority, LegalBasis } from '../../shared/schemas/catalogue';

/**
 * The Dutch defaults of the legal catalogue and the authorities, seeded by migration 0003 from
 * /shared/reference/nl-legal-bases.md (research notes, not legal advice; rows marked unverified
 * there are marked here). Verified contact channels are deliberately empty: the provider enters
 * and verifies them itself, never from a request. A later change to these defaults is a new
 * migration, not an edit here.
 */

const NAW = ['name', 'address', 'postcode', 'city', 'number', 'service_type'] as const;
const OPS = ['opsporingsambtenaar', 'officier_van_justitie'] as const;
const OVJ = ['officier_van_justitie'] as const;
const VERSION = '2026-01-01';

type BasisSeed = Pick<LegalBasis, 'code' | 'article' | 'shortName' | 'action'> & {
  issuers: readonly LegalBasis['issuers'][number][];
  categories: readonly LegalBasis['categories'][number][];
} & Partial<
    Pick<LegalBasis, 'validFrom' | 'validUntil' | 'unverified' | 'note' | 'requiresRcAuthorisation'>
  >;

const basis = (b: BasisSeed): LegalBasis => ({
  versionDate: VERSION,
  validFrom: null,
  validUntil: null,
  unverified: false,
  note: '',
  requiresRcAuthorisation: false,
  ...b,
  issuers: [...b.issuers],
  categories: [...b.categories],
});

export const DEFAULT_LEGAL_BASES: LegalBasis[] = [
  // 1a. Bases the NAW desk handles (NAW only).
  basis({
    code: 'sv-126na-1',
    article: 'Sv 126na lid 1',
    shortName: 'Vordering gebruikersgegevens',
    issuers: OPS,
    categories: NAW,
    action: 'HANDLE',
    note: 'Verdenking van een misdrijf (not an overtreding).',
  }),
  basis({
    code: 'sv-126na-2',
    article: 'Sv 126na lid 2',
    shortName: 'Achterhalen gebruikersgegevens',
    issuers: OVJ,
    categories: NAW,
    action: 'HANDLE',
    note: 'Officier van justitie only. If deriving the data needs traffic logs, involve the technical team.',
  }),
  basis({
    code: 'sv-126ua',
    article: 'Sv 126ua',
    shortName: 'Gebruikersgegevens, georganiseerd verband',
    issuers: OPS,
    categories: NAW,
    action: 'HANDLE',
    unverified: true,
  }),
  basis({
    code: 'sv-126zi',
    article: 'Sv 126zi',
    shortName: 'Gebruikersgegevens, terrorisme',
    issuers: OPS,
    categories: NAW,
    action: 'HANDLE',
    unverified: true,
  }),
  basis({
    code: 'sv-126ii',
    article: 'Sv 126ii',
    shortName: 'Gebruikersgegevens in verkennend onderzoek',
    issuers: OPS,
    categories: NAW,
    action: 'HANDLE',
    unverified: true,
  }),
  basis({
    code: 'wiv-56',
    article: 'Wiv 2017 art. 56',
    shortName: 'Abonneegegevens (AIVD/MIVD)',
    issuers: ['intelligence_service'],
    categories: NAW,
    action: 'HANDLE',
    unverified: true,
    note: 'Route to cleared staff; secrecy applies.',
  }),
  basis({
    code: 'eu-epoc-subscriber',
    article: 'Reg. (EU) 2023/1543 (EPOC, subscriber data)',
    shortName: 'European Production Order, subscriber / identification data',
    issuers: ['foreign_judicial_authority'],
    categories: NAW,
    action: 'HANDLE',
    validFrom: '2026-08-18',
    note: 'Applies from 2026-08-18; before that date: refer. Deadline 10 days, 8 hours in an emergency.',
  }),
  // 1b. Bases the NAW desk refers (traffic data and other stored data) or refuses (content).
  basis({
    code: 'sv-126n',
    article: 'Sv 126n',
    shortName: 'Vordering verkeersgegevens',
    issuers: OVJ,
    categories: [...NAW, 'traffic', 'location'],
    action: 'REFER',
    note: 'Traffic desk. Legally covers NAW too; the NAW part only if legal says so.',
  }),
  basis({
    code: 'sv-126u',
    article: 'Sv 126u',
    shortName: 'Verkeersgegevens, georganiseerd verband',
    issuers: OVJ,
    categories: [...NAW, 'traffic', 'location'],
    action: 'REFER',
  }),
  basis({
    code: 'sv-126zh',
    article: 'Sv 126zh',
    shortName: 'Verkeersgegevens, terrorisme',
    issuers: OVJ,
    categories: ['traffic', 'location'],
    action: 'REFER',
    unverified: true,
  }),
  basis({
    code: 'sv-126nc',
    article: 'Sv 126nc',
    shortName: 'Vordering identificerende gegevens',
    issuers: OPS,
    categories: ['name', 'address', 'city', 'identifying'],
    action: 'REFER',
    unverified: true,
  }),
  basis({
    code: 'sv-126nd',
    article: 'Sv 126nd',
    shortName: 'Vordering andere opgeslagen gegevens',
    issuers: OVJ,
    categories: [...NAW, 'identifying', 'traffic', 'location'],
    action: 'REFER',
    note: 'Oral only bij dringende noodzaak; written within 3 days.',
  }),
  basis({
    code: 'sv-126ne',
    article: 'Sv 126ne',
    shortName: 'Vordering toekomstige gegevens',
    issuers: OVJ,
    categories: [...NAW, 'identifying', 'traffic', 'location'],
    action: 'REFER',
    requiresRcAuthorisation: true,
  }),
  basis({
    code: 'sv-126nf',
    article: 'Sv 126nf',
    shortName: 'Vordering gevoelige gegevens',
    issuers: OVJ,
    categories: ['sensitive'],
    action: 'REFER',
    requiresRcAuthorisation: true,
  }),
  basis({
    code: 'sv-126ng',
    article: 'Sv 126ng',
    shortName: 'Opgeslagen inhoud bij een aanbieder',
    issuers: OVJ,
    categories: ['content'],
    action: 'REFUSE',
    requiresRcAuthorisation: true,
    unverified: true,
    note: 'Not at the NAW desk; refer to legal.',
  }),
  basis({
    code: 'sv-126nh',
    article: 'Sv 126nh',
    shortName: 'Medewerking ontsleuteling',
    issuers: OVJ,
    categories: ['content'],
    action: 'REFER',
    unverified: true,
  }),
  basis({
    code: 'sv-126ni',
    article: 'Sv 126ni',
    shortName: 'Bevriezing van gegevens',
    issuers: OVJ,
    categories: ['traffic', 'location', 'content'],
    action: 'REFER',
  }),
  basis({
    code: 'sv-126m',
    article: 'Sv 126m',
    shortName: 'Tap (interception)',
    issuers: OVJ,
    categories: ['content'],
    action: 'REFUSE',
    requiresRcAuthorisation: true,
    note: 'Route to the lawful-interception function.',
  }),
  basis({
    code: 'wiv-54',
    article: 'Wiv 2017 art. 54',
    shortName: 'Opgeslagen gegevens (AIVD/MIVD)',
    issuers: ['intelligence_service'],
    categories: ['traffic', 'location', 'content'],
    action: 'REFER',
  }),
  basis({
    code: 'wiv-55',
    article: 'Wiv 2017 art. 55',
    shortName: 'Verkeersgegevens (AIVD/MIVD)',
    issuers: ['intelligence_service'],
    categories: ['traffic', 'location'],
    action: 'REFER',
  }),
  basis({
    code: 'eu-epoc-traffic',
    article: 'Reg. (EU) 2023/1543 (EPOC, traffic / content)',
    shortName: 'European Production Order, traffic or content data',
    issuers: ['foreign_judicial_authority'],
    categories: ['traffic', 'location', 'content'],
    action: 'REFER',
  }),
];

type AuthoritySeed = Pick<Authority, 'code' | 'name' | 'kind'> & Partial<Authority>;
const authority = (a: AuthoritySeed): Authority => ({
  legacy: false,
  replacedBy: [],
  contacts: [],
  note: '',
  ...a,
});

const POLICE_REGIONS: [string, string][] = [
  ['noord-nederland', 'Noord-Nederland'],
  ['oost-nederland', 'Oost-Nederland'],
  ['midden-nederland', 'Midden-Nederland'],
  ['noord-holland', 'Noord-Holland'],
  ['amsterdam', 'Amsterdam'],
  ['den-haag', 'Den Haag'],
  ['rotterdam', 'Rotterdam'],
  ['zeeland-west-brabant', 'Zeeland-West-Brabant'],
  ['oost-brabant', 'Oost-Brabant'],
  ['limburg', 'Limburg'],
];

export const DEFAULT_AUTHORITIES: Authority[] = [
  ...POLICE_REGIONS.map(([code, name]) =>
    authority({ code: `pol-${code}`, name: `Politie – Eenheid ${name}`, kind: 'police' }),
  ),
  authority({
    code: 'pol-lo',
    name: 'Politie – Eenheid Landelijke Opsporing en Interventies (LO)',
    kind: 'police',
    note: 'Since 2024-01-01.',
  }),
  authority({
    code: 'pol-lx',
    name: 'Politie – Eenheid Landelijke Expertise en Operaties (LX)',
    kind: 'police',
    note: 'Since 2024-01-01.',
  }),
  authority({
    code: 'pol-le',
    name: 'Politie – Landelijke Eenheid',
    kind: 'police',
    legacy: true,
    replacedBy: ['pol-lo', 'pol-lx'],
    note: 'Abolished 2024-01-01 (split into LO and LX). A new request in this name is suspect: verify it.',
  }),
  authority({ code: 'kmar', name: 'Koninklijke Marechaussee (KMar)', kind: 'kmar' }),
  authority({
    code: 'fiod',
    name: 'Fiscale Inlichtingen- en Opsporingsdienst (FIOD)',
    kind: 'bod',
  }),
  authority({
    code: 'ilt-iod',
    name: 'Inspectie Leefomgeving en Transport – Inlichtingen- en Opsporingsdienst (ILT-IOD)',
    kind: 'bod',
  }),
  authority({
    code: 'nvwa-iod',
    name: 'Nederlandse Voedsel- en Warenautoriteit – Inlichtingen- en Opsporingsdienst (NVWA-IOD)',
    kind: 'bod',
  }),
  authority({
    code: 'nla-do',
    name: 'Nederlandse Arbeidsinspectie – Directie Opsporing (NLA-DO)',
    kind: 'bod',
  }),
  authority({ code: 'rijksrecherche', name: 'Rijksrecherche', kind: 'other' }),
  authority({ code: 'igj', name: 'Inspectie Gezondheidszorg en Jeugd (IGJ)', kind: 'other' }),
  ...POLICE_REGIONS.map(([code, name]) =>
    authority({ code: `om-${code}`, name: `OM – Arrondissementsparket ${name}`, kind: 'om' }),
  ),
  authority({ code: 'om-lp', name: 'OM – Landelijk Parket (LP)', kind: 'om' }),
  authority({ code: 'om-fp', name: 'OM – Functioneel Parket (FP)', kind: 'om' }),
  authority({ code: 'om-cvom', name: 'OM – Parket Centrale Verwerking OM (CVOM)', kind: 'om' }),
  authority({ code: 'om-ressort', name: 'OM – Ressortsparket', kind: 'om' }),
  authority({
    code: 'aivd',
    name: 'Algemene Inlichtingen- en Veiligheidsdienst (AIVD)',
    kind: 'intelligence',
  }),
  authority({
    code: 'mivd',
    name: 'Militaire Inlichtingen- en Veiligheidsdienst (MIVD)',
    kind: 'intelligence',
  }),
  authority({
    code: 'ciot',
    name: 'Centraal Informatiepunt Onderzoek Telecommunicatie (CIOT)',
    kind: 'intermediary',
    note: 'An intermediary (automated CIS), not a requester.',
  }),
  authority({
    code: 'eu-issuing',
    name: 'Foreign EU issuing authority (judge, court, investigating judge or prosecutor)',
    kind: 'foreign',
    note: 'EPOC from 2026-08-18.',
  }),
];
