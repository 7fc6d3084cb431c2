import { DeskError } from '../core/errors';
import type { DeskSession } from '../core/session';

/**
 * Asks the native save dialog (Electron) where to write. The renderer never sends a path: without
 * a dialog (CLI, browser harness) the caller must use the inline/download variant instead.
 */
export async function pickSavePath(
  session: DeskSession,
  o: { title: string; defaultName: string; extensions: string[] },
): Promise<string> {
  const platform = session.platform;
  if (!platform) {
    throw new DeskError('CONFLICT', 'This window has no save dialog; download the file instead.');
  }
  const path = await platform.pickSaveFile(o);
  if (!path) throw new DeskError('CANCELLED', 'Nothing was saved.');
  return path;
}

/**
 * A path given on the command line. Refused where the transport has native dialogs (the app): there
 * the caller is the renderer, which must never choose where the main process writes.
 */
export function commandLinePath(session: DeskSession, path: string): string {
  if (session.platform) {
    throw new DeskError('FORBIDDEN', 'In the app, choose the file in the save dialog.');
  }
  return path;
}

/** A file-name-safe timestamp: 2026-03-01T10-15-00Z. */
export const stamp = (iso: string): string => iso.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
