import { spec } from './spec';

void spec;

/** Channels of the requests domain (see electron/api/handlers/requests.ts). */
export const requestsContract = {};
