import { z } from 'zod';
import { DroppedFile, FilePurpose, PickedFile } from '../schemas/files';
import { spec } from './spec';

/**
 * Native file dialogs (Electron). In the browser test harness the renderer uploads with
 * `window.deskHost.upload(file)` instead, which yields the same PickedFile.
 */
export const filesContract = {
  'files.pickOpen': spec(z.object({ purpose: FilePurpose }), PickedFile.nullable(), 'session'),
  /**
   * A file dropped on the app's window. The preload's `desk.files.dropped(file)` takes the page's
   * File and sends its place on disk, so the page never names a path; refused where there is no
   * native window (the browser harness uploads, the CLI names its files).
   */
  'files.dropped': spec(DroppedFile, PickedFile, 'session'),
};
