import { z } from 'zod';
import { ByNo } from '../schemas/requests';
import {
  ArchivedLetter,
  CorrectInput,
  DisclosureRecord,
  IssueInput,
  LetterPreview,
  LetterRef,
  MarkSentInput,
  PreviewInput,
  PrintResult,
  SaveResult,
} from '../schemas/letters';
import {
  Annex3Archived,
  Annex3IssueInput,
  Annex3Proposal,
  Annex3Record,
  Annex3Ref,
} from '../schemas/annex3';
import { spec } from './spec';

/**
 * Channels of the letters domain (see electron/api/handlers/letters.ts). Everything that shows or
 * produces a letter with subscriber data needs `requests.handle`; the list of records (references,
 * hashes, sending, no data values) needs `requests.read`.
 */
export const lettersContract = {
  /** The letter as it would be issued now, not stored: PDF bytes and page images. */
  'letters.preview': spec(PreviewInput, LetterPreview, 'requests.handle'),
  /** Issues and archives the letter of a decided request (the disclosure record). */
  'letters.issue': spec(IssueInput, DisclosureRecord, 'requests.handle'),
  /** A new record and letter that corrects the one in force (which stays as it was). */
  'letters.correct': spec(CorrectInput, DisclosureRecord, 'requests.handle'),
  'letters.list': spec(ByNo, z.array(DisclosureRecord), 'requests.read'),
  /** The archived bytes (a reprint), marked as a copy on screen. */
  'letters.archived': spec(LetterRef, ArchivedLetter, 'requests.handle'),
  'letters.markSent': spec(MarkSentInput, DisclosureRecord, 'requests.handle'),
  /** Electron: native save dialog, writes the archived PDF where the user chose. */
  'letters.saveAs': spec(LetterRef, SaveResult, 'requests.handle'),
  /** Electron: the system print dialog with the archived PDF. */
  'letters.print': spec(LetterRef, PrintResult, 'requests.handle'),
  /** The Annex III form of an EPOC the desk would make now: what it answers, the reasons ticked. */
  'letters.annex3Proposal': spec(ByNo, Annex3Proposal, 'requests.read'),
  /** Makes and archives the Annex III form of an EPOC (refused, no data, or clarification asked). */
  'letters.annex3Issue': spec(Annex3IssueInput, Annex3Record, 'requests.handle'),
  'letters.annex3List': spec(ByNo, z.array(Annex3Record), 'requests.read'),
  /** The archived form's bytes and page images. */
  'letters.annex3Archived': spec(Annex3Ref, Annex3Archived, 'requests.handle'),
  /** Electron: native save dialog, writes the archived form where the user chose. */
  'letters.annex3SaveAs': spec(Annex3Ref, SaveResult, 'requests.handle'),
};
