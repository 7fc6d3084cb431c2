import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildDesk } from '../shared/desk-client';
import type { Result } from '../shared/result';
import { IPC_CHANNEL } from './shell/security';

/**
 * Runs sandboxed (bundled by esbuild; the only require left is `electron`). Exposes exactly two
 * things to the page: the typed API `window.desk` (every method is one invoke on one channel) and
 * `window.deskHost`. No ipcRenderer, no generic send/invoke, no Node.
 */
const invoke = (channel: string, input: unknown) =>
  ipcRenderer.invoke(IPC_CHANNEL, channel, input) as Promise<Result<unknown>>;
const desk = buildDesk(invoke);

/**
 * `desk.files.dropped(file)` takes the File the user dropped, not a path: the preload asks Electron
 * where it lies on disk (nothing, for a File the page made itself or anything else), so the page
 * can never name a file for the main process to read.
 */
const whereOnDisk = (file: unknown): string => {
  try {
    return webUtils.getPathForFile(file as File);
  } catch {
    return '';
  }
};
(desk.files as unknown as Record<string, (file: unknown) => Promise<Result<unknown>>>).dropped = (
  file,
) => invoke('files.dropped', { path: whereOnDisk(file) });

contextBridge.exposeInMainWorld('desk', desk);
contextBridge.exposeInMainWorld('deskHost', { kind: 'electron' });
