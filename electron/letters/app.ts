import { basename } from 'node:path';
import type { HandlerMap } from '../core/context';
import type { lettersContract } from '../../shared/contract/letters';
import { FileDelivery } from '../core/deliver';
import { DeskError, wordedError } from '../core/errors';
import {
  correctLetter,
  issueLetter,
  listRecords,
  markSent,
  previewLetter,
  readArchived,
} from './record';
import { pageToSvg } from './svg';
import { annex3Proposal, issueAnnex3, listAnnex3, readAnnex3 } from './annex3/record';

type LetterChannels = keyof typeof lettersContract;

/** Handlers of the letters domain; the work is in electron/letters. */
export const lettersHandlers: HandlerMap<LetterChannels> = {
  'letters.preview': async (input, ctx) => {
    const { source, rendered } = await previewLetter(ctx, input.registerNo, input);
    return {
      registerNo: input.registerNo,
      kind: source.model.kind,
      language: source.model.language,
      pageCount: rendered.pageCount,
      sha256: rendered.sha256,
      pages: rendered.pages.map(pageToSvg),
      pdfBase64: rendered.pdf.toString('base64'),
    };
  },
  'letters.issue': (input, ctx) => issueLetter(ctx, input.registerNo, input),
  'letters.correct': (input, ctx) => correctLetter(ctx, input.registerNo, input, input.reason),
  'letters.list': (input, ctx) => listRecords(ctx.db, input.registerNo),
  'letters.archived': (input, ctx) => {
    const { record, pdf, pages } = readArchived(ctx, input.registerNo, input.id, 'viewed');
    return { record, pdfBase64: pdf.toString('base64'), pages, copy: true as const };
  },
  'letters.markSent': (input, ctx) =>
    markSent(ctx, input.registerNo, input.id, input.method, input.sentAt),
  'letters.saveAs': async (input, ctx) => {
    const to = await FileDelivery.choose(ctx, 'dialog', {
      title: 'Save the letter as PDF',
      fileName: `${input.registerNo}-letter.pdf`,
      extensions: ['pdf'],
    }).catch((e: unknown) => {
      if (e instanceof DeskError && e.code === 'CANCELLED') return null;
      throw e;
    });
    if (!to?.path) return { saved: false, name: null };
    const name = basename(to.path);
    to.write(ctx, () => ({
      content: readArchived(ctx, input.registerNo, input.id, 'saved', { file: name }).pdf,
    }));
    return { saved: true, name };
  },
  'letters.print': async (input, ctx) => {
    const print = ctx.session.platform?.printPdf;
    if (!print) {
      throw wordedError('CONFLICT', 'letters.cannotPrint');
    }
    const { pdf, pages } = readArchived(ctx, input.registerNo, input.id, 'printed');
    await print.call(ctx.session.platform, pdf, pages);
    return { printed: true };
  },
  'letters.annex3Proposal': (input, ctx) => annex3Proposal(ctx.db, input.registerNo),
  'letters.annex3Issue': (input, ctx) => issueAnnex3(ctx, input.registerNo, input),
  'letters.annex3List': (input, ctx) => listAnnex3(ctx.db, input.registerNo),
  'letters.annex3Archived': (input, ctx) => {
    const { record, pdf, pages } = readAnnex3(ctx, input.registerNo, input.id, 'viewed');
    return { record, pdfBase64: pdf.toString('base64'), pages };
  },
  'letters.annex3SaveAs': async (input, ctx) => {
    const to = await FileDelivery.choose(ctx, 'dialog', {
      title: 'Save the Annex III form as PDF',
      fileName: `${input.registerNo}-annex-III.pdf`,
      extensions: ['pdf'],
    }).catch((e: unknown) => {
      if (e instanceof DeskError && e.code === 'CANCELLED') return null;
      throw e;
    });
    if (!to?.path) return { saved: false, name: null };
    const name = basename(to.path);
    to.write(ctx, () => ({
      content: readAnnex3(ctx, input.registerNo, input.id, 'saved', { file: name }).pdf,
    }));
    return { saved: true, name };
  },
};
