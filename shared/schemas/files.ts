import { z } from 'zod';

export const FilePurpose = z.enum(['import', 'attachment', 'logo']);
export type FilePurpose = z.infer<typeof FilePurpose>;

/** A file the user picked, known to the handlers by its token (never by path in the renderer). */
export const PickedFile = z.object({ token: z.string(), name: z.string(), size: z.number().int() });
export type PickedFile = z.infer<typeof PickedFile>;

/**
 * A file dropped on the app's window. The page hands the preload a File; the preload asks
 * Electron where it lies and sends only that (empty when the File did not come from the disk).
 */
export const DroppedFile = z.object({ path: z.string().max(4096) });
export type DroppedFile = z.infer<typeof DroppedFile>;

/**
 * Where a file the desk makes goes (an export, a report, a backup):
 * - `dialog`: the app's native save dialog picks the file, so the renderer never sends a path;
 * - `inline`: back to the caller, which downloads it (browser) or prints it (CLI);
 * - `{ path }`: a new file named on the command line. Refused where the transport has native
 *   dialogs (the app): there the caller is the renderer, which never chooses where the main
 *   process writes. An existing file is never overwritten.
 * Nothing is ever written over the vault's own files.
 */
export const FileTarget = z.union([
  z.enum(['dialog', 'inline']),
  z.object({ path: z.string().trim().min(1).max(4096) }),
]);
export type FileTarget = z.infer<typeof FileTarget>;
