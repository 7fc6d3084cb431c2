import { coreText, type MessageKey, type MessageParams } from '../../shared/messages';
import type { ErrorCode } from '../../shared/result';

/**
 * Thrown by handlers and the vault; the handler table turns it into `{ ok: false, code, message }`,
 * with `key` and `params` when the failure is worded (the UI then shows it in its language).
 */
export class DeskError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly key?: MessageKey,
    readonly params?: MessageParams,
  ) {
    super(message);
    this.name = 'DeskError';
  }
}

/**
 * A worded failure to throw (`throw wordedError(...)`) where control flow must see the throw, or to
 * hand on: `key` from shared/messages, its `{{params}}` filled in, English in `message`.
 */
export const wordedError = (
  code: ErrorCode,
  key: MessageKey,
  params?: MessageParams,
  details?: unknown,
): DeskError => new DeskError(code, coreText('en', key, params), details, key, params);

/** Fails with a worded message: `key` from shared/messages, its `{{params}}` filled in. */
export const failWith = (
  code: ErrorCode,
  key: MessageKey,
  params?: MessageParams,
  details?: unknown,
): never => {
  throw wordedError(code, key, params, details);
};

/** A failure as plain data, to post across a thread boundary with its key and params. */
export interface PostedError {
  code: string;
  message: string;
  details?: unknown;
  key?: MessageKey | undefined;
  params?: MessageParams | undefined;
}

/** `e` as data a worker posts to its starter (`revivedError` turns it back into a DeskError). */
export const postedError = (e: DeskError): PostedError => ({
  code: e.code,
  message: e.message,
  details: e.details,
  ...(e.key ? { key: e.key, params: e.params } : {}),
});

/** The failure a worker posted, thrown again on this side, still worded by key. */
export const revivedError = (m: PostedError): DeskError =>
  new DeskError(m.code as ErrorCode, m.message, m.details, m.key, m.params);
