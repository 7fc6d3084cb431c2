import { parentPort, workerData } from 'node:worker_threads';
import type { Draft } from '../../shared/schemas/intake';
import { DeskError } from '../core/errors';
import type { IntakeCatalogues } from './extract-draft';
import { loadPdfJs } from './read/pdf';
import { draftFrom, type IntakeSource } from './read/read-document';

/**
 * The reading worker: parses the document (MIME, PDF, .msg) and extracts the draft off the main
 * thread, under the heap and time limits its starter sets. Bundled as dist-electron/
 * intake-worker.cjs by scripts/build-main.mjs.
 */
export interface IntakeWorkerData {
  source: { bytes: ArrayBuffer; name: string } | { text: string };
  catalogues: IntakeCatalogues;
}

export type IntakeWorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; draft: Draft }
  | { type: 'error'; code: string; message: string; details?: unknown };

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('intake-worker must run as a worker thread');
  const data = workerData as IntakeWorkerData;
  const source: IntakeSource =
    'text' in data.source
      ? { text: data.source.text }
      : { bytes: new Uint8Array(data.source.bytes), name: data.source.name };
  try {
    // Loading the code is not the document's doing: the time limit starts once it is loaded.
    if (!('text' in source)) await loadPdfJs();
    port.postMessage({ type: 'ready' } satisfies IntakeWorkerMessage);
    port.postMessage({
      type: 'done',
      draft: await draftFrom(source, data.catalogues),
    } satisfies IntakeWorkerMessage);
  } catch (e) {
    const m: IntakeWorkerMessage =
      e instanceof DeskError
        ? { type: 'error', code: e.code, message: e.message, details: e.details }
        : // No message: it may carry the document's text. The kind of error is enough to start.
          {
            type: 'error',
            code: 'INTERNAL',
            message: `Reading stopped on an unexpected ${(e as Error)?.name ?? 'error'}.`,
          };
    port.postMessage(m);
  }
}

void main();
