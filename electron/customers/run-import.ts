import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import type { ImportKind, ImportProgress, ImportReport } from '../../shared/schemas/customers';
import { isBusyError, type Db } from '../core/db';
import { readSettings } from '../core/settings';
import type { RowApplier } from './apply';
import { CsvFormatError, CsvReader } from './csv-reader';
import { ProgressTicker } from './import-progress';
import { completeRun, insertRunningRun, recordAttempt } from './import-record';
import { buildReport, interruptedVerdict, verdictOf } from './import-report';
import { ImportSink } from './import-sink';
import { ImportTally, type ImportRun } from './import-state';
import { LineReader } from './line-reader';
import { guardMassClose } from './mass-close';
import type { Validity } from './rows';
import { storeFor, type KindStore } from './stores';

export interface ImportOptions {
  /** Absolute path of the file to read. */
  path: string;
  /** The name to record and show (never the path). */
  fileName: string;
  kind: ImportKind;
  /** Snapshot moment (epoch ms); default: the clock at start. Refused for history files. */
  asOf?: number | null;
  acceptValid?: boolean;
  dryRun?: boolean;
  /** Confirms a snapshot that lists no row or closes more than the allowed share (mass-close.ts). */
  allowMassClose?: boolean;
  /** Who imports (the signed-in user's name), for import_run and the audit log. */
  user: string;
  now?: () => Date;
  /** Tests: read files from this size on with the line reader (default LINE_READER_FROM). */
  lineReaderFrom?: number;
}

export interface ImportHooks {
  onProgress?: (p: ImportProgress) => void;
  /** Checked between chunks; true stops the import and rolls it back. */
  isCancelled?: () => boolean;
  progressEveryMs?: number;
}

/**
 * 64 KiB a read: the text of a chunk stays a regular V8 string (a larger one lives in the
 * large-object space, where making, slicing and collecting it cost more) and in the CPU's cache.
 * Reading and splitting a snapshot file in 1 MiB chunks took about twice as long (measured with
 * the reader alone on a 350,000-line file: ~200 ms against ~110 ms; 128 KiB already as slow).
 */
const CHUNK = 1 << 16;

class Cancelled extends Error {}

/** What runs inside the import's transaction, and what its steps share. */
interface Steps {
  run: ImportRun;
  tally: ImportTally;
  /** SHA-256 of the whole file, once it was read to the end. */
  sha256: string;
  /** Files from this size on are read by the line reader. */
  lineReaderFrom: number;
  progress: ProgressTicker;
  /** Throws Cancelled when the import was asked to stop. */
  stopIfCancelled: () => void;
}

/**
 * Imports one CSV file into the vault on `db` (the worker's own connection): streams it, checks
 * every row, applies it in ONE transaction, and commits only when the contract allows (no rejected
 * row, or acceptValid; never for a dry run or a cancel). A crash or kill at any point leaves the
 * vault as it was: SQLite discards the uncommitted transaction. The outcome — committed or not —
 * is recorded in import_run and the audit log.
 */
export async function runImport(
  db: Db,
  o: ImportOptions,
  hooks: ImportHooks = {},
): Promise<ImportReport> {
  const s = prepare(db, o, hooks);
  db.exec('BEGIN IMMEDIATE');
  try {
    const importId = insertRunningRun(db, s.run);
    const store = storeFor(s.run.kind, db, importId);
    const applier = await readRows(s, store, importId);
    s.stopIfCancelled();
    if (!s.tally.fatal && s.tally.mode === 'snapshot' && applier) closeMissing(s, applier);
    guardMassClose(s.run, s.tally);
    s.progress.enter('finishing');
    return finish(db, s, store, importId, applier);
  } catch (e) {
    if (db.inTransaction) db.exec('ROLLBACK');
    if (e instanceof Cancelled || e instanceof CsvFormatError) return interrupted(db, s, e);
    await recordFailure(db, s, e);
    throw e;
  }
}

/** Settles the facts of the run (clock, size, options, the mass-close share) before it starts. */
function prepare(db: Db, o: ImportOptions, hooks: ImportHooks): Steps {
  const now = o.now ?? (() => new Date());
  const run: ImportRun = {
    path: o.path,
    kind: o.kind,
    fileName: o.fileName,
    user: o.user,
    requestedAsOf: o.asOf ?? null,
    acceptValid: o.acceptValid ?? false,
    dryRun: o.dryRun ?? false,
    allowMassClose: o.allowMassClose ?? false,
    maxClosePercent: readSettings(db).snapshotMaxClosePercent,
    now,
    started: now().getTime(),
    t0: performance.now(),
    totalBytes: statSync(o.path).size,
  };
  const tally = new ImportTally();
  return {
    run,
    tally,
    sha256: '',
    lineReaderFrom: o.lineReaderFrom ?? LINE_READER_FROM,
    progress: new ProgressTicker(hooks.onProgress, hooks.progressEveryMs ?? 250, run, tally),
    stopIfCancelled: () => {
      if (hooks.isCancelled?.()) throw new Cancelled();
    },
  };
}

/**
 * From this size on a file is read by the line reader (line-reader.ts: hash, CSV and digests on a
 * thread of their own, beside this one that checks and writes); a smaller one is read here, as
 * starting a thread costs more than it saves.
 */
export const LINE_READER_FROM = 1 << 20;

/**
 * Streams the file through the hash and the CSV reader into the sink, which checks and applies
 * every row. Returns what applies the rows (null when the file cannot be imported as a whole).
 */
async function readRows(
  s: Steps,
  store: KindStore<Validity>,
  importId: number,
): Promise<RowApplier<Validity & { customerId: string }> | null> {
  const sink = new ImportSink(s.run, s.tally, store, importId, () => {
    s.stopIfCancelled();
    s.progress.tick();
  });
  s.progress.enter('reading');
  const lines =
    s.run.totalBytes >= s.lineReaderFrom ? await LineReader.open(s.run.path, s.run.kind) : null;
  if (lines) await readBeside(s, sink, lines);
  else await readHere(s, sink);
  if (!sink.sawHeader) {
    s.tally.refuse([{ line: 1, column: '', reason: 'the file is empty; it needs a header row' }]);
  }
  return sink.applier;
}

/** The file read on this thread. */
async function readHere(s: Steps, sink: ImportSink): Promise<void> {
  const hash = createHash('sha256');
  const reader = new CsvReader(sink);
  const stream = createReadStream(s.run.path, { highWaterMark: CHUNK });
  try {
    for await (const chunk of stream) {
      s.stopIfCancelled();
      hash.update(chunk as Buffer);
      reader.push(chunk as Buffer);
      s.tally.bytes = reader.bytes;
      s.progress.tick();
    }
    reader.end();
  } finally {
    stream.destroy();
  }
  s.sha256 = hash.digest('hex');
}

/** The file read by the line reader, its batches checked and applied here as they come. */
async function readBeside(s: Steps, sink: ImportSink, lines: LineReader): Promise<void> {
  try {
    for await (const batch of lines.batches()) {
      s.stopIfCancelled();
      sink.onBatch(batch);
      lines.done();
      s.tally.bytes = batch.bytes;
      s.progress.tick();
    }
  } finally {
    lines.stop();
  }
  s.tally.bytes = lines.bytes;
  s.sha256 = lines.sha256;
}

/** Snapshot only: closes what the vault holds as current but the file no longer names. */
function closeMissing(s: Steps, applier: RowApplier<Validity & { customerId: string }>): void {
  s.progress.enter('closing');
  const done = applier.closeMissing(() => {
    s.stopIfCancelled();
    s.progress.tick();
  });
  s.tally.counts.closed += done.closed;
  s.tally.warnings.push(...done.warnings);
}

/** Commits a file that may be written; otherwise rolls back and records the attempt. */
function finish(
  db: Db,
  s: Steps,
  store: KindStore<Validity>,
  importId: number,
  applier: RowApplier<Validity & { customerId: string }> | null,
): ImportReport {
  const { run, tally } = s;
  const { sha256 } = s;
  const verdict = verdictOf(run, tally);
  if (verdict.status === 'committed') {
    store.finish();
    applier?.keepCopy();
    completeRun(db, run, tally, importId, verdict.status, sha256);
    db.exec('COMMIT');
    return buildReport(run, tally, { ...verdict, importId, sha256 });
  }
  db.exec('ROLLBACK');
  const attemptId = recordAttempt(db, run, tally, verdict.status, sha256);
  return buildReport(run, tally, { ...verdict, importId: attemptId, sha256 });
}

/**
 * After the rollback of a cancelled import or an unreadable file: records the attempt, with the
 * SHA-256 of the whole file (the import stopped part-way, but the record names the file).
 */
async function interrupted(db: Db, s: Steps, e: Cancelled | CsvFormatError): Promise<ImportReport> {
  const cancelled = e instanceof Cancelled;
  const verdict = interruptedVerdict(cancelled, e);
  // An unreadable file is listed like any refusal, so the window can say why.
  if (e instanceof CsvFormatError) {
    s.tally.refuse([{ line: e.issue?.line ?? 0, column: '', reason: e.message, ...e.issue }]);
  }
  const sha256 = await sha256OfFile(s.run.path);
  const importId = recordAttempt(db, s.run, s.tally, verdict.status, sha256);
  return buildReport(s.run, s.tally, { ...verdict, importId, sha256 });
}

/**
 * An import that stopped on an unexpected error still leaves its audited trace when the vault
 * can take it; when the vault is busy (another writer) nothing can be written, and the caller
 * is told so by the error itself.
 */
async function recordFailure(db: Db, s: Steps, e: unknown): Promise<void> {
  if (isBusyError(e)) return;
  try {
    const sha256 = await sha256OfFile(s.run.path);
    recordAttempt(db, s.run, s.tally, 'failed', sha256);
  } catch {
    // The original error is what the caller needs to see.
  }
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }))
      hash.update(chunk as Buffer);
  } catch {
    return ''; // gone or unreadable meanwhile: no hash rather than a wrong one
  }
  return hash.digest('hex');
}
