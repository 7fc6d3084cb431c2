import { FileRegistry } from '../core/picked-files';
import type { DeskSession } from '../core/session';

/**
 * Files named on the command line. The CLI runs in-process with the handler table, so it registers
 * a path here and passes the token like any picked file; the renderer can only ever send tokens,
 * and in the app nothing registers here. (A `register file` hook on the CLI's io would make this
 * module unnecessary.)
 */
const local = new FileRegistry();

export const registerLocalFile = (path: string) => local.register(path);

/** A picked/uploaded file of this session, or a file the CLI named. */
export function resolveFile(session: DeskSession, token: string): { path: string; name: string } {
  try {
    return session.files.resolve(token);
  } catch (e) {
    try {
      return local.resolve(token);
    } catch {
      throw e;
    }
  }
}
