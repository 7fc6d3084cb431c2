import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename, isAbsolute } from 'node:path';
import { failWith } from './errors';

export interface PickedFile {
  token: string;
  name: string;
  size: number;
}

/**
 * Files the user picked (native dialog in Electron, upload in the browser harness) are known to the
 * handler table only by an unguessable token, so the renderer never handles or invents file paths.
 */
export class FileRegistry {
  private readonly files = new Map<string, { path: string; name: string }>();

  register(path: string, name = basename(path)): PickedFile {
    const token = randomBytes(16).toString('hex');
    this.files.set(token, { path, name });
    return { token, name, size: statSync(path).size };
  }

  /**
   * A file dropped on the app's window, by the place Electron gives for it: a regular file only
   * (no folder, device or pipe). Known from then on by token, like a picked file.
   */
  registerDropped(path: string): PickedFile {
    let regular = false;
    try {
      regular = path !== '' && isAbsolute(path) && statSync(path).isFile();
    } catch {
      // gone, or not readable: refused below like any other non-file
    }
    if (!regular) return failWith('BAD_INPUT', 'dropped.notAFile');
    return this.register(path);
  }

  resolve(token: string): { path: string; name: string } {
    const f = this.files.get(token);
    if (!f) return failWith('NOT_FOUND', 'files.pickAgain');
    return f;
  }

  clear(): void {
    this.files.clear();
  }
}
