import { parentPort, workerData } from 'node:worker_threads';
import { DeskError } from '../core/errors';
import { busyAsDeskError, openEncryptedDb } from '../core/db';
import { runImport, type ImportOptions } from './run-import';

/**
 * The import worker thread: its own connection to the vault (key handed over in memory through
 * workerData, zeroed once the database is open), the streaming import, progress and the report
 * back to the main thread. Bundled as dist-electron/import-worker.cjs by scripts/build-main.mjs.
 */
export interface ImportWorkerData {
  dbPath: string;
  key: Uint8Array;
  nativeBinding?: string | undefined;
  options: Omit<ImportOptions, 'now'>;
  /** Int32 flag: 1 = cancel. */
  cancel: SharedArrayBuffer;
  /** The session clock minus the system clock (tests inject clocks). */
  clockOffsetMs: number;
  /** SQLite page cache for the import connection, KiB. */
  cacheKiB: number;
}

export type ImportWorkerMessage =
  | { type: 'progress'; progress: import('../../shared/schemas/customers').ImportProgress }
  | { type: 'done'; report: import('../../shared/schemas/customers').ImportReport }
  | { type: 'error'; code: string; message: string };

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('import-worker must run as a worker thread');
  const data = workerData as ImportWorkerData;
  const post = (m: ImportWorkerMessage) => port.postMessage(m);
  const flag = new Int32Array(data.cancel);
  let db;
  try {
    const key = Buffer.from(data.key);
    try {
      db = openEncryptedDb(data.dbPath, key, { nativeBinding: data.nativeBinding });
    } finally {
      key.fill(0);
      data.key.fill(0);
    }
    db.pragma(`cache_size = -${Math.max(2048, Math.floor(data.cacheKiB))}`);
    // The import's pages are copied from the WAL into the database file after it has committed
    // and reported (below), not inside its commit: the commit is durable once the WAL is synced.
    db.pragma('wal_autocheckpoint = 0');
    const report = await runImport(
      db,
      { ...data.options, now: () => new Date(Date.now() + data.clockOffsetMs) },
      {
        onProgress: (progress) => post({ type: 'progress', progress }),
        isCancelled: () => Atomics.load(flag, 0) === 1,
      },
    );
    post({ type: 'done', report });
    // PASSIVE: never waits for a reader; whatever it cannot copy now, the next commit of any
    // connection does (their automatic checkpoint is on).
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (thrown) {
    const e = busyAsDeskError(thrown) ?? thrown;
    if (e instanceof DeskError) post({ type: 'error', code: e.code, message: e.message });
    else {
      // No message: it may carry data. The kind of error is enough to start looking.
      post({
        type: 'error',
        code: 'INTERNAL',
        message: `The import stopped on an unexpected ${(e as Error)?.name ?? 'error'}; nothing was written.`,
      });
    }
  } finally {
    if (db?.open) db.close();
  }
}

void main();
