import { parentPort } from 'node:worker_threads';
import type { Draft } from '../../shared/schemas/intake';
import { DeskError, postedError, type PostedError } from '../core/errors';
import type { IntakeCatalogues } from './extract-draft';
import { loadPdfJs } from './read/pdf';
import { draftFrom, type IntakeSource } from './read/read-document';

/**
 * The reading worker: parses documents (MIME, PDF, .msg) and extracts their drafts off the main
 * thread, under the heap and time limits its starter sets. It loads its code once, says `ready`,
 * then reads one document per message, in turn, for as long as its starter keeps it. Bundled as
 * dist-electron/intake-worker.cjs by scripts/build-main.mjs.
 */
export interface IntakeJob {
  id: number;
  source: { bytes: ArrayBuffer; name: string } | { text: string };
  catalogues: IntakeCatalogues;
}

export type IntakeWorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; id: number; draft: Draft }
  | ({ type: 'error'; id: number } & PostedError);

async function read(job: IntakeJob): Promise<IntakeWorkerMessage> {
  const source: IntakeSource =
    'text' in job.source
      ? { text: job.source.text }
      : { bytes: new Uint8Array(job.source.bytes), name: job.source.name };
  try {
    return { type: 'done', id: job.id, draft: await draftFrom(source, job.catalogues) };
  } catch (e) {
    return e instanceof DeskError
      ? { type: 'error', id: job.id, ...postedError(e) }
      : // No message: it may carry the document's text. The kind of error is enough to start.
        {
          type: 'error',
          id: job.id,
          code: 'INTERNAL',
          message: `Reading stopped on an unexpected ${(e as Error)?.name ?? 'error'}.`,
        };
  }
}

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('intake-worker must run as a worker thread');
  // Loading the code is not a document's doing: its starter times each document from `ready`.
  await loadPdfJs();
  let turn = Promise.resolve();
  port.on('message', (job: IntakeJob) => {
    turn = turn.then(async () => port.postMessage(await read(job)));
  });
  port.postMessage({ type: 'ready' } satisfies IntakeWorkerMessage);
}

void main();
