import { Worker } from 'node:worker_threads';
import type { Draft } from '../../shared/schemas/intake';
import { revivedError, wordedError } from '../core/errors';
import type { IntakeCatalogues } from './extract-draft';
import type { IntakeJob, IntakeWorkerMessage } from './intake-worker';
import { LIMITS } from './read/limits';
import type { IntakeSource } from './read/read-document';
import { workerEntry } from '../core/worker-entry';

/** How long the worker may take to load its code before it reads anything. */
const STARTUP_SECONDS = 120;
/** A worker reads this many documents, then a fresh one takes over (nothing piles up in its heap). */
const DOCUMENTS_PER_WORKER = 50;

export interface ReaderLimits {
  heapMb?: number;
  seconds?: number;
  script?: string | URL;
}

const unexpected = () => wordedError('INTERNAL', 'worker.readStopped');

// Refused as intake refuses a document (reason and params in the details), worded by key too.
const tooComplex = (seconds: number) =>
  wordedError(
    'BAD_INPUT',
    'worker.readTooLong',
    { seconds },
    { reason: 'document_too_complex', params: { seconds } },
  );

const tooBig = (megabytes: number) =>
  wordedError(
    'BAD_INPUT',
    'worker.readTooBig',
    { megabytes },
    { reason: 'document_too_complex', params: { megabytes } },
  );

interface Pending {
  resolve(d: Draft): void;
  reject(e: unknown): void;
}

/**
 * A reading worker thread with a heap limit and a per-document time limit, kept warm: it loads
 * its code once and then reads one document after the other. A PDF or mail crafted to exhaust
 * memory or loop stops the worker, not the app: that document is refused and the next read starts
 * a fresh worker. The bytes are moved, not copied. Idle, the worker does not keep the process
 * alive; `stop()` ends it for good (on lock, and after a one-off read).
 */
export class IntakeReader {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private pending: Pending | null = null;
  private timer: NodeJS.Timeout | null = null;
  private read = 0;
  private turn: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private readonly heapMb: number;
  private readonly seconds: number;
  /** Workers started so far (a warm reader starts one for many documents). */
  starts = 0;

  constructor(private readonly limits: ReaderLimits = {}) {
    this.heapMb = limits.heapMb ?? LIMITS.workerHeapMb;
    this.seconds = limits.seconds ?? LIMITS.workerSeconds;
  }

  /** Starts the worker now (it loads pdf.js), so the first document does not wait for it. */
  warm(): void {
    this.started().catch(() => {}); // a failed start is reported to the read that needs it
  }

  /** Reads one document; documents are read in turn. */
  extract(source: IntakeSource, catalogues: IntakeCatalogues): Promise<Draft> {
    const run = this.turn.then(() => this.readOne(source, catalogues));
    this.turn = run.catch(() => {});
    return run;
  }

  /** Ends the worker for good; the read in progress and any later one are refused. */
  stop(): void {
    this.stopped = true;
    this.end(unexpected());
  }

  private started(): Promise<void> {
    if (this.ready) return this.ready;
    const worker = new Worker(
      this.limits.script ?? workerEntry('intake-worker', 'electron/intake'),
      {
        env: {},
        // Not the parent's loader flags: under `--import tsx` every module (pdf.js's 4 MB too)
        // would be transformed again. The source fallback registers tsx itself.
        execArgv: [],
        resourceLimits: {
          maxOldGenerationSizeMb: this.heapMb,
          maxYoungGenerationSizeMb: 32,
          stackSizeMb: 4,
        },
        stdout: false,
        stderr: false,
      },
    );
    this.worker = worker;
    this.starts++;
    this.read = 0;
    this.ready = new Promise<void>((resolve, reject) => {
      // Until the worker has loaded its code (slow only when run from source through tsx).
      const startup = setTimeout(() => fail(tooComplex(STARTUP_SECONDS)), STARTUP_SECONDS * 1000);
      const fail = (e: unknown) => {
        clearTimeout(startup);
        reject(e);
        if (this.worker === worker) this.end(e);
      };
      worker.on('message', (m: IntakeWorkerMessage) => {
        if (m.type === 'ready') {
          clearTimeout(startup);
          if (!this.pending) worker.unref();
          resolve();
          return;
        }
        const p = this.pending;
        this.settle();
        if (!p) return;
        if (m.type === 'done') p.resolve(m.draft);
        else p.reject(revivedError(m));
      });
      worker.on('error', (e: Error & { code?: string }) =>
        fail(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooBig(this.heapMb) : unexpected()),
      );
      worker.on('exit', () => fail(unexpected()));
    });
    return this.ready;
  }

  private async readOne(source: IntakeSource, catalogues: IntakeCatalogues): Promise<Draft> {
    if (this.stopped) throw unexpected();
    if (this.read >= DOCUMENTS_PER_WORKER) this.end(unexpected()); // none is pending
    await this.started();
    if (this.stopped) throw unexpected();
    const worker = this.worker!;
    const transfer: ArrayBuffer[] = [];
    let moved: IntakeJob['source'];
    if ('text' in source) moved = { text: source.text };
    else {
      const copy = new Uint8Array(source.bytes); // the caller keeps its own buffer
      transfer.push(copy.buffer as ArrayBuffer);
      moved = { bytes: copy.buffer as ArrayBuffer, name: source.name };
    }
    this.read++;
    return new Promise<Draft>((resolve, reject) => {
      this.pending = { resolve, reject };
      worker.ref(); // a CLI run waits for its document
      // A document that takes too long: its worker is stopped, the next read starts a fresh one.
      this.timer = setTimeout(() => this.end(tooComplex(this.seconds)), this.seconds * 1000);
      worker.postMessage(
        { id: this.read, source: moved, catalogues } satisfies IntakeJob,
        transfer,
      );
    });
  }

  /** The document read has answered: the worker goes idle. */
  private settle(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending = null;
    this.worker?.unref();
  }

  /** Drops the worker, refusing the read in progress with `reason`. */
  private end(reason: unknown): void {
    const p = this.pending;
    const worker = this.worker;
    this.settle();
    this.worker = null;
    this.ready = null;
    if (worker) void worker.terminate();
    p?.reject(reason);
  }
}

/** One document in a worker of its own, stopped afterwards (e.g. a stored document shown again). */
export async function extractInWorker(
  source: IntakeSource,
  catalogues: IntakeCatalogues,
  limits: ReaderLimits = {},
): Promise<Draft> {
  const reader = new IntakeReader(limits);
  try {
    return await reader.extract(source, catalogues);
  } finally {
    reader.stop();
  }
}
