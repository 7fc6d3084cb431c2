import type { ImportStatus } from '../../shared/schemas/customers';
import { appendAudit } from '../audit/log';
import type { Db } from '../core/db';
import { isoOrNull, type ImportRun, type ImportTally } from './import-state';

/**
 * The import_run row of an import that is running, written inside its transaction: the rows it
 * writes refer to it, and a rollback takes it away with them.
 */
export function insertRunningRun(db: Db, run: ImportRun): number {
  return Number(
    db
      .prepare(
        `INSERT INTO import_run (kind, mode, status, file_name, file_sha256, file_bytes, user, started_at, as_of, accept_valid)
         VALUES (?, 'history', 'running', ?, '', ?, ?, ?, NULL, ?)`,
      )
      .run(run.kind, run.fileName, run.totalBytes, run.user, run.started, run.acceptValid ? 1 : 0)
      .lastInsertRowid,
  );
}

/**
 * Completes an import_run row with the outcome and the counts, and writes the import's audit event
 * (counts and the file's hash, no data), whether the import was written or not.
 */
export function completeRun(
  db: Db,
  run: ImportRun,
  tally: ImportTally,
  id: number,
  status: ImportStatus,
  sha256: string,
): void {
  const { counts } = tally;
  db.prepare(
    `UPDATE import_run SET status = ?, mode = ?, file_sha256 = ?, finished_at = ?, as_of = ?, rows = ?,
            added = ?, changed = ?, closed = ?, unchanged = ?, rejected = ? WHERE id = ?`,
  ).run(
    status,
    tally.mode ?? 'history',
    sha256,
    run.now().getTime(),
    tally.asOf,
    tally.rows,
    counts.added,
    counts.changed,
    counts.closed,
    counts.unchanged,
    tally.rejectedRows,
    id,
  );
  appendAudit(db, {
    at: run.now().toISOString(),
    user: run.user,
    action: 'customers.import',
    subject: `import:${id}`,
    details: {
      kind: run.kind,
      mode: tally.mode ?? null,
      status,
      fileName: run.fileName,
      sha256,
      bytes: run.totalBytes,
      asOf: isoOrNull(tally.asOf),
      rows: tally.rows,
      added: counts.added,
      changed: counts.changed,
      closed: counts.closed,
      unchanged: counts.unchanged,
      rejected: tally.rejectedRows,
      acceptValid: run.acceptValid,
      dryRun: run.dryRun,
      allowMassClose: run.allowMassClose,
      // Counts only: how many were current and how many the snapshot closes (or would have).
      massClose: tally.massClose,
    },
  });
}

/**
 * An import that wrote nothing still leaves its trace: an import_run row and an audit event, in a
 * transaction of their own after the import's was rolled back. Returns the row's id.
 */
export function recordAttempt(
  db: Db,
  run: ImportRun,
  tally: ImportTally,
  status: ImportStatus,
  sha256: string,
): number {
  return db.transaction(() => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO import_run (kind, mode, status, file_name, file_sha256, file_bytes, user, started_at, accept_valid)
           VALUES (?, 'history', 'running', ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          run.kind,
          run.fileName,
          sha256,
          run.totalBytes,
          run.user,
          run.started,
          run.acceptValid ? 1 : 0,
        ).lastInsertRowid,
    );
    completeRun(db, run, tally, id, status, sha256);
    return id;
  })();
}
