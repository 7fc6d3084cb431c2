/** The signed-in officer and the one authority and legal basis the request-form tests offer. */
export const OFFICER = {
  id: 2,
  name: 'olga',
  displayName: 'Olga Officier',
  role: 'officer' as const,
};

/** Politie Amsterdam's duty desk as the catalogue holds it: the channel call-backs are made on. */
export const DUTY_DESK_CONTACT = {
  kind: 'phone' as const,
  value: '+31205595000',
  verifiedAt: '2026-01-05',
  note: '',
};

export const AUTHORITY = {
  code: 'pol-amsterdam',
  name: 'Politie – Eenheid Amsterdam',
  kind: 'police' as const,
  legacy: false,
  replacedBy: [],
  contacts: [DUTY_DESK_CONTACT],
  note: '',
};

export const BASIS = {
  code: 'sv-126na-1',
  article: 'Sv 126na lid 1',
  shortName: 'Gebruikersgegevens',
  issuers: ['opsporingsambtenaar' as const],
  categories: ['name' as const, 'address' as const],
  action: 'HANDLE' as const,
  versionDate: '2026-01-01',
  validFrom: null,
  validUntil: null,
  requiresRcAuthorisation: false,
  unverified: false,
  note: '',
};
