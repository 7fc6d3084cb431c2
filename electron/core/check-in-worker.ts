import { Worker } from 'node:worker_threads';
import type { CheckWorkerData, CheckWorkerMessage } from './check-worker';
import { getNativeBinding } from './db';
import { wordedError } from './errors';
import { workerEntry } from './worker-entry';

/** A check running in the integrity-check worker; `stop` ends it (the answer is then null). */
export interface RunningCheck {
  /** Null when all is well, else what the check found. */
  result: Promise<string | null>;
  stop: () => void;
}

/**
 * Runs an integrity check of a database file in a worker thread (see check-worker.ts), so the
 * main thread stays free. The worker gets its own copy of the key, zeroed there when it is done.
 */
export function checkInWorker(file: string, key: Buffer, kind: 'quick' | 'full'): RunningCheck {
  const copy = new Uint8Array(key); // moved (not copied again) to the worker
  const data: CheckWorkerData = { file, key: copy, nativeBinding: getNativeBinding(), kind };
  let worker: Worker;
  try {
    worker = new Worker(workerEntry('check-worker', 'electron/core'), {
      workerData: data,
      transferList: [copy.buffer as ArrayBuffer],
      env: {}, // the worker needs no environment; keep secrets and settings out
      stdout: false,
      stderr: false,
    });
  } finally {
    if (copy.byteLength) copy.fill(0); // only if the transfer did not happen
  }
  let stopped = false;
  const result = new Promise<string | null>((resolve, reject) => {
    worker.once('message', (m: CheckWorkerMessage) => {
      if (m.type === 'done') resolve(m.problem);
      else if (m.code === 'VAULT_DAMAGED') resolve(m.message);
      else reject(wordedError('INTERNAL', 'worker.checkFailed', { code: m.code }));
      void worker.terminate();
    });
    worker.once('error', () =>
      reject(wordedError('INTERNAL', 'worker.checkStopped')),
    );
    worker.once('exit', () => {
      if (stopped) resolve(null);
      else reject(wordedError('INTERNAL', 'worker.checkNoAnswer'));
    });
  });
  return {
    result,
    stop: () => {
      stopped = true;
      void worker.terminate();
    },
  };
}
