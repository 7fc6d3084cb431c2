import { lstatSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { FileTarget } from '../../shared/schemas/files';
import { vaultFiles } from '../vault/vault';
import { moveIntoPlace, writeFileAtomic } from './atomic-file';
import { commandLinePath } from './command-line-path';
import type { DeskContext } from './context';
import { diskFullAsDeskError, type DiskPlace } from './disk-full';
import { DeskError, wordedError } from './errors';
import type { DeskSession } from './session';

export type FileContent = string | Buffer;

/** What the native save dialog shows. */
export interface SaveDialog {
  title: string;
  /** The file name it suggests. */
  fileName: string;
  extensions: string[];
}

/** A file-name-safe timestamp: 2026-03-01T10-15-00Z. */
export const fileStamp = (iso: string): string => iso.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');

/**
 * The one way a file the desk makes leaves the vault (exports, reports, letters, backups): to the
 * file picked in the app's save dialog, to a new file named on the command line, or back to the
 * caller (a browser download, the CLI's output). The destination is chosen before the file is made,
 * so a cancelled dialog or a refused path costs nothing; writing the file and recording it (the
 * audit event) are one step, so a failed write records nothing.
 */
export class FileDelivery {
  private constructor(
    /** How the caller asked for it (the audit events say so). */
    readonly target: 'dialog' | 'inline' | 'path',
    /** The file to write; null when the content goes back to the caller. */
    readonly path: string | null,
  ) {}

  /**
   * Where the file goes. Refused: the dialog where there is none (CONFLICT) or when it is
   * cancelled (CANCELLED), a named path in the app (FORBIDDEN) or one that exists, and the vault's
   * own files (CONFLICT).
   */
  static async choose(
    ctx: DeskContext,
    target: FileTarget,
    dialog: SaveDialog,
  ): Promise<FileDelivery> {
    const session = ctx.session;
    if (target === 'inline') return new FileDelivery('inline', null);
    const path =
      target === 'dialog'
        ? await pickSavePath(session, dialog)
        : commandLinePath(session, target.path);
    if (vaultFiles(resolve(session.vaultDir)).includes(resolve(path))) {
      throw wordedError('CONFLICT', 'files.notOverVault');
    }
    const delivery = new FileDelivery(target === 'dialog' ? 'dialog' : 'path', path);
    delivery.refuseExisting();
    return delivery;
  }

  /** `content` when it goes back to the caller; null when it was written to a file. */
  inline<C>(content: C): C | null {
    return this.path === null ? content : null;
  }

  /**
   * Makes the file and records it (`make` appends the audit event), then writes it atomically
   * with mode 0600 — in one transaction, which commits only once the file is in place. `make` runs
   * inside that transaction, so what it reads is exactly what it records.
   */
  write<M extends { content: FileContent }>(ctx: DeskContext, make: () => M): M {
    return ctx.db.transaction(() => {
      const made = make();
      if (this.path !== null) {
        const path = this.path;
        this.refuseExisting();
        this.writing(() => writeFileAtomic(path, made.content));
      }
      return made;
    })();
  }

  /**
   * For a file too large to hold in memory (a backup): `fill` writes it to a work file beside the
   * target (in the temp folder when it goes back to the caller); then `record` runs and the work
   * file is moved into place, in one transaction. Back to the caller, its bytes are returned.
   */
  async writeStreamed<F>(
    ctx: DeskContext,
    fill: (workFile: string) => Promise<F>,
    record: (filled: F) => void,
  ): Promise<{ filled: F; bytes: Buffer | null }> {
    const near = this.path === null ? tmpdir() : dirname(this.path);
    const work = this.writing(() => mkdtempSync(join(near, '.naw-desk-')));
    try {
      const file = join(work, 'file');
      const filled = await fill(file).catch((e: unknown) => {
        throw diskFullAsDeskError(e, this.where()) ?? e;
      });
      // The vault is asked for again here: it may have locked while the file was being filled.
      const bytes = ctx.db.transaction(() => {
        record(filled);
        if (this.path === null) return readFileSync(file);
        const path = this.path;
        this.refuseExisting();
        this.writing(() => moveIntoPlace(file, path));
        return null;
      })();
      return { filled, bytes };
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }

  /**
   * A path named on the command line must be a new file (the dialog asks before it overwrites);
   * a symbolic link there counts as a file, even one that points nowhere.
   */
  private refuseExisting(): void {
    if (this.target === 'path' && this.path !== null && lstatExists(this.path)) {
      throw wordedError('CONFLICT', 'files.exists', { path: this.path });
    }
  }

  /** The disk a full-disk message names. */
  private where(): DiskPlace {
    return this.path === null ? 'temp' : { folder: dirname(this.path) };
  }

  /** File-system failures at the destination become a refusal the user can act on. */
  private writing<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (e instanceof DeskError) throw e;
      const full = diskFullAsDeskError(e, this.where());
      if (full) throw full;
      const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      const name = this.path === null ? 'the file' : basename(this.path);
      throw wordedError('CONFLICT', 'files.cannotWrite', { name, reason });
    }
  }
}

const lstatExists = (path: string): boolean => {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
};

/**
 * Asks the native save dialog (Electron) where to write. Without one (CLI, browser harness) the
 * caller must take the file back inline instead.
 */
async function pickSavePath(session: DeskSession, dialog: SaveDialog): Promise<string> {
  const platform = session.platform;
  if (!platform) {
    throw wordedError('CONFLICT', 'files.noSaveDialog');
  }
  const path = await platform.pickSaveFile({
    title: dialog.title,
    defaultName: dialog.fileName,
    extensions: dialog.extensions,
  });
  if (!path) throw wordedError('CANCELLED', 'files.cancelled');
  return path;
}
