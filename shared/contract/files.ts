import { z } from 'zod';
import { FilePurpose, PickedFile } from '../schemas/files';
import { spec } from './spec';

/**
 * Native file dialogs (Electron). In the browser test harness the renderer uploads with
 * `window.deskHost.upload(file)` instead, which yields the same PickedFile.
 */
export const filesContract = {
  'files.pickOpen': spec(z.object({ purpose: FilePurpose }), PickedFile.nullable(), 'session'),
};
