import { resolve } from 'node:path';
import { failWith } from './errors';
import type { DeskSession } from './session';

/**
 * A path given on the command line, made absolute. Refused where the transport has native dialogs
 * (the app): there the caller is the renderer, which must never choose where the main process
 * reads or writes.
 */
export function commandLinePath(session: DeskSession, path: string): string {
  if (session.platform) {
    failWith('FORBIDDEN', 'files.useSaveDialog');
  }
  return resolve(path);
}
