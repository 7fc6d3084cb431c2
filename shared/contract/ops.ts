import { spec } from './spec';

void spec;

/** Channels of the ops domain (see electron/api/handlers/ops.ts). */
export const opsContract = {};
