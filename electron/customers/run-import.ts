import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import type {
  ImportIssue,
  ImportKind,
  ImportMode,
  ImportProgress,
  ImportReport,
  ImportStatus,
} from '../../shared/schemas/customers';
import { appendAudit } from '../audit/log';
import type { Db } from '../core/db';
import { RowApplier, showTime, type Outcome } from './apply';
import { mapHeader, type HeaderMap } from './columns';
import { CsvFormatError, CsvReader } from './csv-reader';
import { ROW_PARSERS, type RowResult, type Validity } from './rows';
import { storeFor } from './stores';

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
  /** Who imports (the signed-in user's name), for import_run and the audit log. */
  user: string;
  now?: () => Date;
}

export interface ImportHooks {
  onProgress?: (p: ImportProgress) => void;
  /** Checked between chunks; true stops the import and rolls it back. */
  isCancelled?: () => boolean;
  progressEveryMs?: number;
}

/** At most this many rejected rows are listed in a report (all are counted). */
export const MAX_LISTED = 1000;
const CHUNK = 1 << 20;

class Cancelled extends Error {}

const iso = (ms: number) => new Date(ms).toISOString();

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
  const now = o.now ?? (() => new Date());
  const started = now().getTime();
  const t0 = performance.now();
  const totalBytes = statSync(o.path).size;
  const hash = createHash('sha256');
  const counts: Record<Outcome, number> = { added: 0, changed: 0, closed: 0, unchanged: 0 };
  const rejected: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  let rejectedRows = 0;
  let rows = 0;
  let header: HeaderMap | null = null;
  let fatal = false;
  let mode: ImportMode | null = null;
  let asOf: number | null = null;
  let message: string | null = null;
  let status: ImportStatus;
  let importId: number | null = null;
  let phase: ImportProgress['phase'] = 'starting';
  const acceptValid = o.acceptValid ?? false;
  const dryRun = o.dryRun ?? false;

  let truncated = false;
  const reject = (issues: ImportIssue[]) => {
    rejectedRows++;
    for (const i of issues) {
      if (rejected.length < MAX_LISTED) rejected.push(i);
      else truncated = true;
    }
  };

  let lastProgress = 0;
  const every = hooks.progressEveryMs ?? 250;
  let reader: CsvReader | null = null;
  const progress = (force = false) => {
    if (!hooks.onProgress) return;
    const t = performance.now();
    if (!force && t - lastProgress < every) return;
    lastProgress = t;
    const seconds = (t - t0) / 1000;
    const bytes = reader?.bytes ?? 0;
    const rate = seconds > 0 ? rows / seconds : 0;
    const byteRate = seconds > 0 ? bytes / seconds : 0;
    hooks.onProgress({
      phase,
      rows,
      bytes,
      totalBytes,
      rejectedRows,
      rowsPerSecond: Math.round(rate),
      etaSeconds:
        byteRate > 0 && seconds > 0.5 ? Math.max(0, (totalBytes - bytes) / byteRate) : null,
    });
  };

  db.exec('BEGIN IMMEDIATE');
  let open = true;
  try {
    importId = Number(
      db
        .prepare(
          `INSERT INTO import_run (kind, mode, status, file_name, file_sha256, file_bytes, user, started_at, as_of, accept_valid)
           VALUES (?, 'history', 'running', ?, '', ?, ?, ?, NULL, ?)`,
        )
        .run(o.kind, o.fileName, totalBytes, o.user, started, acceptValid ? 1 : 0).lastInsertRowid,
    );
    const store = storeFor(o.kind, db, importId);
    const parse = ROW_PARSERS[o.kind] as (
      f: string[],
      m: HeaderMap,
      l: number,
    ) => RowResult<Validity>;
    let applier: RowApplier<Validity & { customerId: string }> | null = null;

    const onHeader = (fields: string[]) => {
      header = mapHeader(fields, o.kind);
      mode = header.mode;
      warnings.push(...header.warnings);
      if (header.fatal.length) {
        fatal = true;
        rejected.push(...header.fatal);
        return;
      }
      if (mode === 'history' && o.asOf != null) {
        fatal = true;
        rejected.push({
          line: 1,
          column: 'valid_from',
          reason:
            'an as-of time applies only to a current-state snapshot (a file without valid_from/valid_to); this is a history file',
        });
        return;
      }
      if (mode === 'snapshot') {
        asOf = o.asOf ?? started;
        const latest = store.latestStart();
        if (latest !== null && latest > asOf) {
          fatal = true;
          rejected.push({
            line: 1,
            column: '',
            reason: `the vault already holds ${o.kind} data from ${showTime(latest)}, after this snapshot's as-of time ${showTime(asOf)}; a snapshot must not be older than what is held`,
          });
          return;
        }
      }
      applier = new RowApplier(store as never, importId!, mode, asOf ?? 0);
    };

    reader = new CsvReader({
      onRecord(fields, line) {
        if (header === null) return onHeader(fields);
        if (fatal || applier === null) return;
        if (fields.length <= header.width && fields.every((f) => f.trim() === '')) return;
        rows++;
        const r = parse(fields, header, line);
        if (!r.ok) return reject(r.issues);
        const outcome = applier.apply(r.row as Validity & { customerId: string }, line);
        if (typeof outcome === 'string') counts[outcome]++;
        else reject([outcome]);
      },
      onBadRecord(line, reason) {
        if (header === null) {
          fatal = true;
          rejected.push({ line, column: '', reason: `the header cannot be read: ${reason}` });
          return;
        }
        rows++;
        reject([{ line, column: '', reason }]);
      },
    });

    phase = 'reading';
    progress(true);
    const stream = createReadStream(o.path, { highWaterMark: CHUNK });
    try {
      for await (const chunk of stream) {
        if (hooks.isCancelled?.()) throw new Cancelled();
        hash.update(chunk as Buffer);
        reader.push(chunk as Buffer);
        progress();
      }
      reader.end();
    } finally {
      stream.destroy();
    }
    if (header === null) {
      fatal = true;
      rejected.push({ line: 1, column: '', reason: 'the file is empty; it needs a header row' });
    }
    if (hooks.isCancelled?.()) throw new Cancelled();

    const closer = applier as RowApplier<Validity & { customerId: string }> | null;
    if (!fatal && mode === 'snapshot' && closer) {
      phase = 'closing';
      progress(true);
      const done = closer.closeMissing(() => {
        if (hooks.isCancelled?.()) throw new Cancelled();
        progress();
      });
      counts.closed += done.closed;
      warnings.push(...done.warnings);
    }

    phase = 'finishing';
    progress(true);
    const sha256 = hash.digest('hex');
    const commit = !fatal && !dryRun && (rejectedRows === 0 || acceptValid);
    status =
      fatal || (rejectedRows > 0 && !acceptValid) ? 'rejected' : dryRun ? 'dry_run' : 'committed';
    if (status === 'rejected') {
      message = fatal
        ? 'The file cannot be imported as it is; nothing was written.'
        : `${rejectedRows.toLocaleString('en')} row(s) were rejected, so nothing was written. Correct them, or import with accept-valid to write the valid rows.`;
    } else if (status === 'dry_run') {
      message = 'Dry run: everything was checked and counted; nothing was written.';
    }
    if (commit) {
      store.finish();
      finishRun(db, importId, status, sha256, now().getTime());
      audit(db, o, importId, status, sha256, totalBytes);
      db.exec('COMMIT');
      open = false;
    } else {
      db.exec('ROLLBACK');
      open = false;
      importId = recordAttempt(db, o, status, sha256, totalBytes, started, now().getTime());
    }
    return report(status === 'committed', sha256);
  } catch (e) {
    if (open) {
      db.exec('ROLLBACK');
      open = false;
    }
    const cancelled = e instanceof Cancelled;
    if (!cancelled && !(e instanceof CsvFormatError)) throw e;
    status = cancelled ? 'cancelled' : 'failed';
    message = cancelled
      ? 'The import was cancelled; nothing was written.'
      : `${(e as Error).message} Nothing was written.`;
    const sha = cancelled ? '' : hash.digest('hex');
    importId = recordAttempt(db, o, status, sha, totalBytes, started, now().getTime());
    return report(false, sha);
  }

  function finishRun(db: Db, id: number, st: ImportStatus, sha: string, finished: number) {
    db.prepare(
      `UPDATE import_run SET status = ?, mode = ?, file_sha256 = ?, finished_at = ?, as_of = ?, rows = ?,
              added = ?, changed = ?, closed = ?, unchanged = ?, rejected = ? WHERE id = ?`,
    ).run(
      st,
      mode ?? 'history',
      sha,
      finished,
      asOf,
      rows,
      counts.added,
      counts.changed,
      counts.closed,
      counts.unchanged,
      rejectedRows,
      id,
    );
  }

  function audit(
    db: Db,
    opt: ImportOptions,
    id: number,
    st: ImportStatus,
    sha: string,
    bytes: number,
  ) {
    appendAudit(db, {
      at: now().toISOString(),
      user: opt.user,
      action: 'customers.import',
      subject: `import:${id}`,
      details: {
        kind: opt.kind,
        mode: mode ?? null,
        status: st,
        fileName: opt.fileName,
        sha256: sha,
        bytes,
        asOf: asOf === null ? null : iso(asOf),
        rows,
        added: counts.added,
        changed: counts.changed,
        closed: counts.closed,
        unchanged: counts.unchanged,
        rejected: rejectedRows,
        acceptValid,
        dryRun,
      },
    });
  }

  /** An import that wrote nothing still leaves its trace: an import_run row and an audit event. */
  function recordAttempt(
    db: Db,
    opt: ImportOptions,
    st: ImportStatus,
    sha: string,
    bytes: number,
    startedAt: number,
    finished: number,
  ): number {
    return db.transaction(() => {
      const id = Number(
        db
          .prepare(
            `INSERT INTO import_run (kind, mode, status, file_name, file_sha256, file_bytes, user, started_at, accept_valid)
             VALUES (?, 'history', 'running', ?, ?, ?, ?, ?, ?)`,
          )
          .run(opt.kind, opt.fileName, sha, bytes, opt.user, startedAt, acceptValid ? 1 : 0)
          .lastInsertRowid,
      );
      finishRun(db, id, st, sha, finished);
      audit(db, opt, id, st, sha, bytes);
      return id;
    })();
  }

  function report(written: boolean, sha: string): ImportReport {
    return {
      importId,
      kind: o.kind,
      mode,
      status,
      written,
      fileName: o.fileName,
      sha256: sha,
      bytes: totalBytes,
      rows,
      added: counts.added,
      changed: counts.changed,
      closed: counts.closed,
      unchanged: counts.unchanged,
      rejectedRows,
      rejected,
      rejectedTruncated: truncated,
      warnings,
      asOf: asOf === null ? null : iso(asOf),
      acceptValid,
      dryRun,
      startedAt: iso(started),
      durationMs: Math.round(performance.now() - t0),
      message,
    };
  }
}
