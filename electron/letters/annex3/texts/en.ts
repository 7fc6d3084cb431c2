import type { Annex3Texts } from './types';

export const EN: Annex3Texts = {
  locale: 'en-GB',
  dateFormat: 'd MMMM yyyy',
  annex: 'ANNEX III',
  title: 'INFORMATION ON THE IMPOSSIBILITY TO EXECUTE THE EPOC/EPOC-PR',
  regulation: 'Regulation (EU) 2023/1543, Article 10',
  intro:
    'The addressee informs the issuing authority with this form that the European Production Order Certificate (EPOC) cannot be executed, cannot be executed within the deadline, or cannot be executed without further information.',
  sectionA: 'SECTION A: Addressee of the EPOC/EPOC-PR',
  addressee: 'Addressee',
  sectionB: 'SECTION B: Relevant information',
  issuingState: 'Issuing State',
  issuingAuthority: 'Issuing authority',
  issuingReference: 'File reference of the issuing authority',
  validatingAuthority: 'Validating authority (if applicable)',
  validatingReference: 'File reference of the validating authority (if applicable)',
  noValidation: {
    not_required: 'none: no validation required',
    emergency_pending_validation: 'none yet: emergency order, validation to follow',
  },
  dateOfIssue: 'Date of issue of the EPOC/EPOC-PR',
  dateOfReceipt: 'Date of receipt of the EPOC/EPOC-PR',
  notGiven: 'not given in the certificate',
  ourReference: 'Our reference',
  functions: {
    judge: 'judge',
    court: 'court',
    investigating_judge: 'investigating judge',
    prosecutor: 'public prosecutor',
    other_competent: 'other competent authority',
  },
  sectionC: 'SECTION C: Reasons for the impossibility to execute the EPOC/EPOC-PR',
  status: 'Status of the order',
  statusOf: {
    refuse: 'not executed',
    no_data: 'not executed: no data',
    clarify: 'not yet executed: clarification requested',
  },
  reasonsIntro:
    'The EPOC/EPOC-PR cannot be executed, or cannot be executed within the requested deadline, for the following reason(s):',
  reasons: {
    incomplete: 'it is incomplete',
    manifest_errors: 'it contains manifest errors',
    insufficient_information: 'it does not contain sufficient information to execute it',
    not_stored:
      'the data requested are not stored, or were no longer stored at the time the EPOC/EPOC-PR was received',
    de_facto_impossible:
      'de facto impossibility due to circumstances not attributable to the service provider',
    not_issued_or_validated:
      'the order was not issued or validated by an issuing authority as required by Article 4 of the Regulation',
    other: 'other reasons',
  },
  explanation: 'Explanation of the reasons',
  clarification: 'Clarification or correction requested from the issuing authority',
  clarificationNone: 'none',
  preservation: 'Preservation of the data',
  preservedYes: 'The data requested are preserved until the order can be executed.',
  preservedNo: 'The data requested are not preserved.',
  sectionD: 'SECTION D: Contact details of the service provider',
  provider: 'Service provider',
  address: 'Address',
  email: 'E-mail',
  phone: 'Telephone',
  kvk: 'Chamber of Commerce no.',
  contactPerson: 'Contact person',
  date: 'Date',
  page: (p, n) => `page ${p} of ${n}`,
  refLine: (no) => `our reference ${no}`,
  chainLine: (seq, hash, issued) =>
    `Issued ${issued} · audit log entry ${seq}, hash ${hash.slice(0, 16)}…`,
};
