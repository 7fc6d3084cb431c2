import type { PickedFile } from '../../../../shared/schemas/files';
import { desk, unwrap } from '../../../api';

/**
 * A file dropped on the app's window, known from now on by its token. The page hands the File
 * itself to `desk.files.dropped`: the preload finds where it lies on disk, so the page never names
 * a path (the contract's `{ path }` is what the preload sends, not what the page gives).
 */
export async function droppedFile(file: File): Promise<PickedFile> {
  return unwrap(await desk.files.dropped(file as unknown as { path: string }));
}
