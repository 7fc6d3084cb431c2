import { spec } from './spec';

void spec;

/** Channels of the stats domain (see electron/api/handlers/stats.ts). */
export const statsContract = {};
