import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type {
  ImportJobState,
  ImportKind,
  ImportProgress,
  ImportReport,
} from '../../shared/schemas/customers';
import type { DeskContext } from '../core/context';
import { wordedError } from '../core/errors';
import type { DeskSession } from '../core/session';
import { getNativeBinding } from '../core/db';
import { vaultPaths, type OpenVault } from '../vault/vault';
import type { ImportWorkerData, ImportWorkerMessage } from './import-worker';
import type { ImportOptions } from './run-import';
import { importWorkerScript } from './worker-script';

/** SQLite page cache of the import connection: big enough for index pages, well under 400 MB. */
const IMPORT_CACHE_KIB = 64 * 1024;
const KEEP_FINISHED = 10;

interface Job {
  id: string;
  kind: ImportKind;
  fileName: string;
  state: ImportJobState['state'];
  progress: ImportProgress;
  report: ImportReport | null;
  error: { code: string; message: string } | null;
  cancel: Int32Array;
  worker: Worker;
  vault: OpenVault;
  done: Promise<void>;
}

const jobsBySession = new WeakMap<DeskSession, Map<string, Job>>();

function jobsOf(session: DeskSession): Map<string, Job> {
  let m = jobsBySession.get(session);
  if (!m) {
    jobsBySession.set(session, (m = new Map()));
    // A lock (manual, idle, quit) first stops this session's imports: the key goes with the lock.
    session.onBeforeLock(() => cancelImports(session));
  }
  return m;
}

const toState = (j: Job): ImportJobState => ({
  jobId: j.id,
  kind: j.kind,
  fileName: j.fileName,
  state: j.state,
  progress: j.progress,
  report: j.report,
  error: j.error,
});

/** The native SQLite module main.ts chose for Electron's ABI, for the worker's own connection. */
const nativeBinding = (): string | undefined => getNativeBinding();

/**
 * Starts an import in a worker thread with its own connection to the vault. Only one import runs
 * at a time per vault (SQLite has one writer). The job is cancelled if the vault locks meanwhile.
 */
export function startImportJob(
  ctx: DeskContext,
  options: Omit<ImportOptions, 'now' | 'user'>,
): string {
  const session = ctx.session;
  const jobs = jobsOf(session);
  for (const j of jobs.values()) {
    if (j.state === 'running') {
      throw wordedError('CONFLICT', 'customers.importRunning', { file: j.fileName });
    }
  }
  const vault = ctx.vault;
  const script = importWorkerScript();
  const cancelBuffer = new SharedArrayBuffer(4);
  const key = new Uint8Array(vault.key); // a copy, moved (not copied again) to the worker
  const data: ImportWorkerData = {
    dbPath: vaultPaths(vault.dir).db,
    key,
    nativeBinding: nativeBinding(),
    options: {
      ...options,
      user: ctx.user.name,
      ...(session.importLineReaderFrom === undefined
        ? {}
        : { lineReaderFrom: session.importLineReaderFrom }),
    },
    cancel: cancelBuffer,
    clockOffsetMs: ctx.now().getTime() - Date.now(),
    cacheKiB: IMPORT_CACHE_KIB,
  };
  let worker: Worker;
  try {
    worker = new Worker(script.entry, {
      workerData: data,
      transferList: [key.buffer as ArrayBuffer],
      env: {}, // the worker needs no environment; keep secrets and settings out
      stdout: false,
      stderr: false,
    });
  } finally {
    if (key.byteLength) key.fill(0); // only if the transfer did not happen
  }
  const id = randomBytes(12).toString('hex');
  let settle!: () => void;
  const job: Job = {
    id,
    kind: options.kind,
    fileName: options.fileName,
    state: 'running',
    progress: {
      phase: 'starting',
      rows: 0,
      bytes: 0,
      totalBytes: 0,
      rejectedRows: 0,
      rowsPerSecond: 0,
      etaSeconds: null,
    },
    report: null,
    error: null,
    cancel: new Int32Array(cancelBuffer),
    worker,
    vault,
    done: new Promise<void>((r) => (settle = r)),
  };
  const finish = (state: Job['state']) => {
    if (job.state !== 'running') return;
    job.state = state;
    settle();
  };
  worker.on('message', (m: ImportWorkerMessage) => {
    if (m.type === 'progress') {
      job.progress = m.progress;
      if (session.vault !== job.vault) Atomics.store(job.cancel, 0, 1); // locked meanwhile
    } else if (m.type === 'done') {
      job.report = m.report;
      finish(m.report.status === 'cancelled' ? 'cancelled' : 'done');
    } else {
      job.error = { code: m.code, message: m.message };
      finish('failed');
    }
  });
  worker.on('error', () => {
    job.error = {
      code: 'INTERNAL',
      message: 'The import stopped unexpectedly; nothing was written. Try again.',
    };
    finish('failed');
  });
  worker.on('exit', () => {
    if (job.state === 'running') {
      job.error = {
        code: 'INTERNAL',
        message: 'The import stopped unexpectedly; nothing was written. Try again.',
      };
      finish('failed');
    }
  });
  jobs.set(id, job);
  const finished = [...jobs.values()].filter((j) => j.state !== 'running');
  for (const j of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
    jobs.delete(j.id);
  return id;
}

function findJob(session: DeskSession, jobId: string): Job {
  const job = jobsOf(session).get(jobId);
  if (!job) throw wordedError('NOT_FOUND', 'customers.noSuchImport');
  return job;
}

/** The job's state; with waitMs, waits up to that long for it to finish first (long poll). */
export async function importJobState(
  session: DeskSession,
  jobId: string,
  waitMs = 0,
): Promise<ImportJobState> {
  const job = findJob(session, jobId);
  if (job.state === 'running' && waitMs > 0) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      job.done,
      new Promise<void>((r) => {
        timer = setTimeout(r, waitMs);
      }),
    ]);
    clearTimeout(timer);
  }
  return toState(job);
}

export function cancelImportJob(session: DeskSession, jobId: string): void {
  const job = findJob(session, jobId);
  if (job.state === 'running') Atomics.store(job.cancel, 0, 1);
}

/**
 * Asks every running import of this session to stop (they roll back within a chunk). For the
 * session to call before it locks, so its own audit write does not race the import's.
 */
export function cancelImports(session: DeskSession): void {
  for (const j of jobsOf(session).values())
    if (j.state === 'running') Atomics.store(j.cancel, 0, 1);
}

export function runningImport(session: DeskSession): ImportJobState | null {
  for (const j of jobsOf(session).values()) if (j.state === 'running') return toState(j);
  return null;
}
