import type { ErrorCode } from '../../shared/result';

/** Thrown by handlers and the vault; the handler table turns it into `{ ok: false, code, message }`. */
export class DeskError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DeskError';
  }
}

export const fail = (code: ErrorCode, message: string, details?: unknown): never => {
  throw new DeskError(code, message, details);
};
