import { contextBridge, ipcRenderer } from 'electron';
import { buildDesk } from '../shared/desk-client';
import type { Result } from '../shared/result';
import { IPC_CHANNEL } from './shell/security';

/**
 * Runs sandboxed (bundled by esbuild; the only require left is `electron`). Exposes exactly two
 * things to the page: the typed API `window.desk` (every method is one invoke on one channel) and
 * `window.deskHost`. No ipcRenderer, no generic send/invoke, no Node.
 */
const desk = buildDesk(
  (channel, input) => ipcRenderer.invoke(IPC_CHANNEL, channel, input) as Promise<Result<unknown>>,
);

contextBridge.exposeInMainWorld('desk', desk);
contextBridge.exposeInMainWorld('deskHost', { kind: 'electron' });
