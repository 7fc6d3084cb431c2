/** What crosses every boundary (IPC, CLI, HTTP harness): data, or an error a person can act on. */
export type Ok<T> = { ok: true; data: T };
/**
 * `message` is English (CLI, logs); `key` and `params` let the UI word it in its own language
 * (shared/messages). A failure without a key is shown by its code alone.
 */
export type Err = {
  ok: false;
  code: ErrorCode;
  message: string;
  details?: unknown;
  key?: string;
  params?: Record<string, string | number>;
};
export type Result<T> = Ok<T> | Err;

export const ERROR_CODES = [
  'BAD_INPUT', // input failed schema validation
  'NOT_SIGNED_IN', // a handler that needs a user was called without one
  'LOCKED', // the vault is locked (idle lock or explicit)
  'FORBIDDEN', // the user's role does not allow this
  'NO_VAULT', // no vault at this location yet
  'VAULT_EXISTS', // refusing to create over an existing vault
  'VAULT_DAMAGED', // the database or key file is damaged or not ours
  'VAULT_TOO_NEW', // created by a newer version of the app
  'BAD_CREDENTIALS', // unknown user or wrong passphrase
  'BAD_RECOVERY_KEY',
  'TOO_MANY_ATTEMPTS',
  'WEAK_PASSPHRASE',
  'USER_EXISTS',
  'NOT_FOUND',
  'CONFLICT', // the operation does not fit the current state
  'CANCELLED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ok = <T>(data: T): Ok<T> => ({ ok: true, data });
export const err = (code: ErrorCode, message: string, details?: unknown): Err =>
  details === undefined ? { ok: false, code, message } : { ok: false, code, message, details };

/** An Err worded by key (see shared/messages): `message` is the English text of the key. */
export const errWorded = (
  code: ErrorCode,
  message: string,
  key: string,
  params: Record<string, string | number> | undefined,
  details?: unknown,
): Err => ({
  ...err(code, message, details),
  key,
  ...(params && Object.keys(params).length ? { params } : {}),
});
