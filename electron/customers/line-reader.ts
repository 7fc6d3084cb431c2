import { Worker } from 'node:worker_threads';
import type { ImportKind } from '../../shared/schemas/customers';
import { workerEntry } from '../core/worker-entry';
import { CsvFormatError } from './csv-reader';
import type { LineBatch, LineMessage, LineWorkerData } from './line-batch';

/**
 * Chunks the line reader may read ahead of the import: 4 MiB of the file, about 100 KB a chunk
 * held. More (16 MiB) made no night faster at full size and held 15–30 MB more.
 */
const AHEAD = 64;

/**
 * The import's side of the line reader (line-worker.ts): starts it on the file (`open`) and hands
 * its batches over one at a time, in order. `done(batch)` tells it a batch is finished with, so it may
 * read on; `stop()` ends it (always call it, also when the import stops early). A file that
 * cannot be read as CSV ends in a CsvFormatError after the batches before the fault.
 */
export class LineReader {
  private readonly worker: Worker;
  private readonly flow: Int32Array;
  private readonly queue: LineMessage[] = [];
  private wake: (() => void) | null = null;
  private failure: Error | null = null;
  sha256 = '';
  bytes = 0;

  private constructor(worker: Worker, flow: Int32Array) {
    this.worker = worker;
    this.flow = flow;
    worker.on('message', (m: LineMessage | { type: 'ready' }) => {
      if (m.type !== 'ready') this.arrive(m);
    });
    worker.on('error', (e) => this.fail(new Error(`the line reader stopped (${e.name})`)));
    worker.on('exit', () => this.fail(new Error('the line reader ended before the file did')));
  }

  /**
   * Starts the line reader on a file; null when it cannot start here (its bundle missing, threads
   * refused): the caller then reads the file itself, as it does a small one.
   */
  static async open(
    path: string,
    kind: ImportKind,
    entry: () => string | URL = () => workerEntry('line-worker', 'electron/customers'),
  ): Promise<LineReader | null> {
    const flow = new Int32Array(new SharedArrayBuffer(8));
    const data: LineWorkerData = {
      path,
      kind,
      flow: flow.buffer as SharedArrayBuffer,
      ahead: AHEAD,
    };
    let worker: Worker;
    try {
      worker = new Worker(entry(), { workerData: data, env: {}, stdout: false, stderr: false });
    } catch {
      return null;
    }
    const reader = new LineReader(worker, flow);
    const started = await new Promise<boolean>((resolve) => {
      const ready = (m: { type: string }) => m.type === 'ready' && done(true);
      const done = (ok: boolean) => {
        worker.off('message', ready);
        worker.off('error', failed);
        worker.off('exit', failed);
        resolve(ok);
      };
      const failed = () => done(false);
      worker.on('message', ready);
      worker.once('error', failed);
      worker.once('exit', failed);
    });
    if (started) return reader;
    reader.stop();
    return null;
  }

  private arrive(m: LineMessage): void {
    this.queue.push(m);
    this.wake?.();
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.wake?.();
  }

  /** The batches of the file, in order; returns when the whole file was read. */
  async *batches(): AsyncGenerator<LineBatch> {
    for (;;) {
      const m = this.queue.shift();
      if (m === undefined) {
        if (this.failure) throw this.failure;
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = null;
        continue;
      }
      if (m.type === 'rows') {
        yield m;
        continue;
      }
      if (m.type === 'end') {
        this.sha256 = m.sha256;
        this.bytes = m.bytes;
        return;
      }
      if (m.fault) throw new Error(`the file could not be read (${m.message})`);
      throw new CsvFormatError(m.message, m.issue);
    }
  }

  /** The import has finished with a batch: the reader may read one more chunk. */
  done(): void {
    Atomics.add(this.flow, 1, 1);
    Atomics.notify(this.flow, 1);
  }

  stop(): void {
    this.worker.removeAllListeners('exit');
    void this.worker.terminate();
  }
}
