import type { HandlerMap } from '../context';

/** Handlers of the stats domain; their channels are in shared/contract/stats.ts. */
export const statsHandlers: HandlerMap<never> = {};
