import type { ErrorCode } from '../../../../shared/result';

/** Refusals whose reason the core words best: name taken, still in use, duplicate channel. */
export const CATALOGUE_REASONS: readonly ErrorCode[] = ['CONFLICT', 'NOT_FOUND'];
