import type { HandlerMap } from '../core/context';
import type { requestsContract } from '../../shared/contract/requests';
import { createRequest } from './create';
import { hi1IdentifiersFor } from '../hi1/wizard';
import { documentText, readDocument, saveDocument, storeDocument } from './document';
import { amend, confirmWritten } from './amend';
import { approve } from './approve';
import { approvalQueue } from './approval-queue';
import { check, verify } from './check';
import { decide } from './decide';
import { match } from './match';
import { convertHold, extendHold, refuseDisclosureOfPreservation, releaseHold } from './hold';
import { resolveTime } from './resolve-time';
import { dashboard, listRequests, requestDetail, seesSubscribers } from './read';
import { loadRequest } from './store';

type RequestChannels = keyof typeof requestsContract;

/** Handlers of the request register; the work is in electron/register and electron/matching. */
export const requestsHandlers: HandlerMap<RequestChannels> = {
  'requests.create': (input, ctx) => {
    // A request read in from an HI-1 order keeps its HI-1 identifiers (electron/hi1/wizard.ts).
    const { registerNo, status } = createRequest(ctx, input, hi1IdentifiersFor(ctx, input));
    return { registerNo, status };
  },
  'requests.list': (input, ctx) => listRequests(ctx, input),
  'requests.dashboard': (_input, ctx) => ({
    ...dashboard(ctx),
    awaitingMyApproval: approvalQueue(ctx),
  }),
  'requests.get': (input, ctx) => requestDetail(ctx, input.registerNo),
  'requests.verify': (input, ctx) => {
    verify(ctx, input.registerNo, input.verification);
    return requestDetail(ctx, input.registerNo);
  },
  'requests.check': (input, ctx) => check(ctx, input.registerNo),
  'requests.resolveTime': (input, ctx) => {
    resolveTime(ctx, input.registerNo, input.index, input.offset, input.end);
    return requestDetail(ctx, input.registerNo);
  },
  'requests.match': (input, ctx) => {
    const items = match(ctx, input.registerNo);
    return {
      registerNo: input.registerNo,
      items: seesSubscribers(ctx) ? items : items.map((i) => ({ ...i, subscribers: [] })),
    };
  },
  'requests.decide': (input, ctx) => {
    if (input.outcome === 'disclose') refuseDisclosureOfPreservation(ctx, input.registerNo);
    decide(ctx, input.registerNo, input);
    return requestDetail(ctx, input.registerNo);
  },
  'requests.approve': (input, ctx) => {
    approve(ctx, input.registerNo, input.approve, input.note);
    return requestDetail(ctx, input.registerNo);
  },
  'requests.amend': (input, ctx) => {
    amend(ctx, input.registerNo, input.field, input.value, input.reason);
    return requestDetail(ctx, input.registerNo);
  },
  'requests.confirmWritten': (input, ctx) => {
    confirmWritten(ctx, input.registerNo, input.receivedAt);
    return requestDetail(ctx, input.registerNo);
  },
  'requests.extendHold': (input, ctx) => {
    extendHold(ctx, input.registerNo, input.note);
    return requestDetail(ctx, input.registerNo);
  },
  'requests.convertHold': (input, ctx) => {
    convertHold(ctx, input.registerNo, input.production, input.note);
    return requestDetail(ctx, input.registerNo);
  },
  'requests.releaseHold': (input, ctx) => {
    releaseHold(ctx, input.registerNo, input.reason);
    return requestDetail(ctx, input.registerNo);
  },
  'requests.attachDocument': (input, ctx) => {
    ctx.db.transaction(() => {
      const r = loadRequest(ctx.db, input.registerNo);
      storeDocument(ctx, r.id, r.register_no, input.token);
    })();
    return requestDetail(ctx, input.registerNo);
  },
  'requests.document': (input, ctx) => readDocument(ctx, input.registerNo),
  'requests.documentText': (input, ctx) => documentText(ctx, input.registerNo),
  'requests.saveDocument': (input, ctx) => saveDocument(ctx, input.registerNo),
};
