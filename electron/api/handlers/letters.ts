import type { HandlerMap } from '../context';

/** Handlers of the letters domain; their channels are in shared/contract/letters.ts. */
export const lettersHandlers: HandlerMap<never> = {};
