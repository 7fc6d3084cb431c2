import type { HandlerMap } from '../context';

/** Handlers of the customers domain; their channels are in shared/contract/customers.ts. */
export const customersHandlers: HandlerMap<never> = {};
