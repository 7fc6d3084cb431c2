import type { HandlerMap } from '../core/context';
import type { hi1Contract } from '../../shared/contract/hi1';
import { exportHi1 } from './export';
import { importHi1 } from './import';
import { linkSender, listSenders, unlinkSender } from './senders';
import { hi1Status } from './status';

type Hi1Channels = keyof typeof hi1Contract;

/** Handlers of the ETSI TS 103 120 (HI-1) exchange; the work is in electron/hi1. */
export const hi1Handlers: HandlerMap<Hi1Channels> = {
  'hi1.import': (input, ctx) => importHi1(ctx, input.file),
  'hi1.export': (input, ctx) => exportHi1(ctx, input.registerNo, input.target),
  'hi1.status': (input, ctx) => hi1Status(ctx, input.registerNo),
  'hi1.senders': (_input, ctx) => listSenders(ctx),
  'hi1.linkSender': (input, ctx) => linkSender(ctx, input),
  'hi1.unlinkSender': (input, ctx) => unlinkSender(ctx, input),
};
