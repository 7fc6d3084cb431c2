import { z } from 'zod';
import { spec } from './spec';

export const FilePurpose = z.enum(['import', 'attachment', 'logo']);
export type FilePurpose = z.infer<typeof FilePurpose>;

/** A file the user picked, known to the handlers by its token (never by path in the renderer). */
export const PickedFile = z.object({ token: z.string(), name: z.string(), size: z.number().int() });
export type PickedFile = z.infer<typeof PickedFile>;

/**
 * Native file dialogs (Electron). In the browser test harness the renderer uploads with
 * `window.deskHost.upload(file)` instead, which yields the same PickedFile.
 */
export const filesContract = {
  'files.pickOpen': spec(z.object({ purpose: FilePurpose }), PickedFile.nullable(), 'session'),
};
