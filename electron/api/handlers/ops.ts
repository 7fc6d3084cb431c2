import type { HandlerMap } from '../context';

/** Handlers of the ops domain; their channels are in shared/contract/ops.ts. */
export const opsHandlers: HandlerMap<never> = {};
