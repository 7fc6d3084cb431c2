import type { DeskSession } from '../core/session';
import { IntakeReader } from './run-worker';

const readers = new WeakMap<DeskSession, IntakeReader>();

/**
 * The session's warm reading worker: started at the first document after unlock and reused for
 * every document until the vault locks (idle, manual, or on quit), when it is stopped — with the
 * key, so nothing of the last document outlives the session. Same limits per document as a
 * worker of its own; starting one costs about a second, reading through a warm one does not.
 */
export function sessionReader(session: DeskSession): IntakeReader {
  let reader = readers.get(session);
  if (!reader) {
    const r = new IntakeReader();
    readers.set(session, r);
    const forget = session.onBeforeLock(() => {
      forget();
      readers.delete(session);
      r.stop();
    });
    reader = r;
  }
  return reader;
}
