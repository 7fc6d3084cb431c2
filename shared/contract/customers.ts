import { spec } from './spec';

void spec;

/** Channels of the customers domain (see electron/api/handlers/customers.ts). */
export const customersContract = {};
