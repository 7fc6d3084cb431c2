import { Worker } from 'node:worker_threads';
import type { Draft } from '../../shared/schemas/intake';
import type { ErrorCode } from '../../shared/result';
import { DeskError } from '../core/errors';
import type { IntakeCatalogues } from './extract-draft';
import type { IntakeWorkerData, IntakeWorkerMessage } from './intake-worker';
import { LIMITS, refuse } from './read/limits';
import type { IntakeSource } from './read/read-document';
import { workerEntry } from '../core/worker-entry';

/** How long the worker may take to load its code before it reads anything. */
const STARTUP_SECONDS = 120;

/**
 * Reads a document in a worker thread with a heap limit and a time limit: a PDF or mail crafted
 * to exhaust memory or loop stops the worker, not the app. The bytes are moved, not copied.
 */
export function extractInWorker(
  source: IntakeSource,
  catalogues: IntakeCatalogues,
  limits: { heapMb?: number; seconds?: number; script?: string | URL } = {},
): Promise<Draft> {
  const heapMb = limits.heapMb ?? LIMITS.workerHeapMb;
  const seconds = limits.seconds ?? LIMITS.workerSeconds;
  const transfer: ArrayBuffer[] = [];
  let moved: IntakeWorkerData['source'];
  if ('text' in source) moved = { text: source.text };
  else {
    const copy = new Uint8Array(source.bytes); // the caller keeps its own buffer
    transfer.push(copy.buffer as ArrayBuffer);
    moved = { bytes: copy.buffer as ArrayBuffer, name: source.name };
  }
  const data: IntakeWorkerData = { source: moved, catalogues };
  return new Promise<Draft>((resolve, reject) => {
    const worker = new Worker(limits.script ?? workerEntry('intake-worker', 'electron/intake'), {
      workerData: data,
      transferList: transfer,
      env: {},
      // Not the parent's loader flags: under `--import tsx` every module (pdf.js's 4 MB too)
      // would be transformed again. The source fallback registers tsx itself.
      execArgv: [],
      resourceLimits: {
        maxOldGenerationSizeMb: heapMb,
        maxYoungGenerationSizeMb: 32,
        stackSizeMb: 4,
      },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      f();
      void worker.terminate();
    };
    const tooLong = () =>
      settle(() => {
        try {
          refuse(
            'document_too_complex',
            `Reading the document took longer than ${seconds} s; it was stopped.`,
            { seconds },
          );
        } catch (e) {
          reject(e);
        }
      });
    // Until the worker has loaded its code (slow only when run from source through tsx).
    let timer = setTimeout(tooLong, STARTUP_SECONDS * 1000);
    worker.on('message', (m: IntakeWorkerMessage) => {
      if (m.type === 'ready') {
        clearTimeout(timer);
        timer = setTimeout(tooLong, seconds * 1000);
        return;
      }
      settle(() =>
        m.type === 'done'
          ? resolve(m.draft)
          : reject(new DeskError(m.code as ErrorCode, m.message, m.details)),
      );
    });
    worker.on('error', (e: Error & { code?: string }) =>
      settle(() =>
        reject(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new DeskError(
                'BAD_INPUT',
                `Reading the document needed more than ${heapMb} MB; it was stopped.`,
                {
                  reason: 'document_too_complex',
                  params: { megabytes: heapMb },
                },
              )
            : new DeskError(
                'INTERNAL',
                'Reading the document stopped unexpectedly. Nothing was stored.',
              ),
        ),
      ),
    );
    worker.on('exit', () =>
      settle(() =>
        reject(
          new DeskError(
            'INTERNAL',
            'Reading the document stopped unexpectedly. Nothing was stored.',
          ),
        ),
      ),
    );
  });
}
