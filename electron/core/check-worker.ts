import { parentPort, workerData } from 'node:worker_threads';
import { openEncryptedDb } from './db';
import { fullCheck, sqliteCheck } from './db-integrity';

/**
 * The integrity-check worker thread: its own read-only connection to a database file (key handed
 * over in memory, zeroed once the check is done), one check, the answer back to the main thread.
 * SQLite's checks read the whole database synchronously — about 20 s (quick) and 55 s (full) for a
 * million customers — so they run here, never on the thread that answers the window. Bundled as
 * dist-electron/check-worker.cjs by scripts/build-main.mjs.
 */
export interface CheckWorkerData {
  file: string;
  key: Uint8Array;
  nativeBinding?: string | undefined;
  /** quick: PRAGMA quick_check; full: PRAGMA integrity_check and the HMAC of every page. */
  kind: 'quick' | 'full';
}

export type CheckWorkerMessage =
  { type: 'done'; problem: string | null } | { type: 'error'; code: string; message: string };

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('check-worker must run as a worker thread');
  const data = workerData as CheckWorkerData;
  const key = Buffer.from(data.key);
  data.key.fill(0);
  try {
    const db = openEncryptedDb(data.file, key, {
      readonly: true,
      nativeBinding: data.nativeBinding,
    });
    try {
      const problem =
        data.kind === 'full' ? await fullCheck(db, data.file, key) : sqliteCheck(db, 'quick_check');
      port.postMessage({ type: 'done', problem } satisfies CheckWorkerMessage);
    } finally {
      db.close();
    }
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    port.postMessage({
      type: 'error',
      code: typeof code === 'string' ? code : 'INTERNAL',
      message: (e as Error).message,
    } satisfies CheckWorkerMessage);
  } finally {
    key.fill(0);
  }
}

void main();
