import type { HandlerMap } from '../context';

/** Handlers of the requests domain; their channels are in shared/contract/requests.ts. */
export const requestsHandlers: HandlerMap<never> = {};
