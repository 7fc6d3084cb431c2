import { spec } from './spec';

void spec;

/** Channels of the letters domain (see electron/api/handlers/letters.ts). */
export const lettersContract = {};
