import { buildDesk, type DeskApi } from '../shared/desk-client';
import type { Channel } from '../shared/contract';
import type { ErrorCode, Result } from '../shared/result';

/** What the transport (Electron preload or the browser test harness) tells the renderer about itself. */
export interface DeskHost {
  kind: 'electron' | 'browser';
  upload?(file: File): Promise<{ token: string; name: string; size: number }>;
}

declare global {
  interface Window {
    desk?: DeskApi;
    deskHost?: DeskHost;
  }
}

/** Codes that mean "nobody is signed in any more": the app goes back to the unlock screen. */
const SESSION_LOST: readonly ErrorCode[] = ['LOCKED', 'NOT_SIGNED_IN'];

type SessionLostListener = (code: ErrorCode) => void;
const listeners = new Set<SessionLostListener>();

/** Subscribes to "the session is gone" (idle lock in the core, lock elsewhere). Returns unsubscribe. */
export function onSessionLost(listener: SessionLostListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function transport(): DeskApi {
  const d = window.desk;
  if (!d) throw new Error('window.desk is missing: the app was not started by NAW Desk.');
  return d;
}

/**
 * The typed API, routed through one place: every result passes the central check that sends the
 * user back to the unlock screen on LOCKED / NOT_SIGNED_IN. `window.desk` is looked up per call,
 * so tests and the harness may install it after this module loads.
 */
export const desk: DeskApi = buildDesk(async (channel: Channel, input: unknown) => {
  const [domain, method] = channel.split('.') as [string, string];
  const api = transport() as unknown as Record<
    string,
    Record<string, (i: unknown) => Promise<Result<unknown>>>
  >;
  const fn = api[domain]?.[method];
  if (!fn) {
    return {
      ok: false,
      code: 'INTERNAL',
      message: `This version of the desk does not offer ${channel}.`,
    };
  }
  let result: Result<unknown>;
  try {
    result = await fn(input);
  } catch {
    result = {
      ok: false,
      code: 'INTERNAL',
      message: 'The desk did not answer. Try again; restart the app if this persists.',
    };
  }
  if (!result.ok && SESSION_LOST.includes(result.code)) {
    for (const l of [...listeners]) l(result.code);
  }
  return result;
});

export const hostKind = (): DeskHost['kind'] => window.deskHost?.kind ?? 'browser';

/** A failed call, thrown by unwrap(); the UI shows `t('errors:' + code)`. */
export class DeskCallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** The core's message key (shared/messages) and its parameters, to word it in the UI language. */
    readonly key?: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'DeskCallError';
  }
}

/** The data of an ok result, or a DeskCallError carrying the code. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.data;
  throw new DeskCallError(result.code, result.message, result.details, result.key, result.params);
}

/** Normalises anything caught into a DeskCallError (unexpected errors become INTERNAL). */
export function asDeskError(e: unknown): DeskCallError {
  if (e instanceof DeskCallError) return e;
  return new DeskCallError('INTERNAL', e instanceof Error ? e.message : String(e));
}
