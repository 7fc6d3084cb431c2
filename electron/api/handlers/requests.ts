import type { HandlerMap } from '../context';
import { listAuthorities, listLegalBases } from '../../register/catalogue';
import { createRequest } from '../../register/create';
import { readDocument, storeDocument } from '../../register/document';
import {
  amend,
  approve,
  check,
  confirmWritten,
  decide,
  match,
  resolveTime,
  verify,
} from '../../register/lifecycle';
import { dashboard, listRequests, requestDetail, seesSubscribers } from '../../register/read';
import { loadRequest } from '../../register/store';

type RequestChannels =
  | 'catalogue.legalBases'
  | 'catalogue.authorities'
  | 'requests.create'
  | 'requests.list'
  | 'requests.dashboard'
  | 'requests.get'
  | 'requests.verify'
  | 'requests.check'
  | 'requests.resolveTime'
  | 'requests.match'
  | 'requests.decide'
  | 'requests.approve'
  | 'requests.amend'
  | 'requests.confirmWritten'
  | 'requests.attachDocument'
  | 'requests.document';

/** Handlers of the request register; the work is in electron/register and electron/matching. */
export const requestsHandlers: HandlerMap<RequestChannels> = {
  'catalogue.legalBases': (_input, ctx) => listLegalBases(ctx.db),
  'catalogue.authorities': (_input, ctx) => listAuthorities(ctx.db),
  'requests.create': (input, ctx) => ({
    registerNo: createRequest(ctx, input).registerNo,
    status: 'received' as const,
  }),
  'requests.list': (input, ctx) => listRequests(ctx, input),
  'requests.dashboard': (_input, ctx) => dashboard(ctx),
  'requests.get': (input, ctx) => requestDetail(ctx, input.registerNo),
  'requests.verify': (input, ctx) => {
    verify(ctx, input.registerNo, input.verification);
    return requestDetail(ctx, input.registerNo);
  },
  'requests.check': (input, ctx) => check(ctx, input.registerNo),
  'requests.resolveTime': (input, ctx) => {
    resolveTime(ctx, input.registerNo, input.index, input.offset);
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
  'requests.attachDocument': (input, ctx) => {
    ctx.db.transaction(() => {
      const r = loadRequest(ctx.db, input.registerNo);
      storeDocument(ctx, r.id, r.register_no, input.token);
    })();
    return requestDetail(ctx, input.registerNo);
  },
  'requests.document': (input, ctx) => readDocument(ctx, input.registerNo),
};
