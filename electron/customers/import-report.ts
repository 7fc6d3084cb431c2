import type { ImportReport, ImportStatus } from '../../shared/schemas/customers';
import { isoOrNull, type ImportRun, type ImportTally } from './import-state';

export interface ImportVerdict {
  status: ImportStatus;
  message: string | null;
}

/**
 * How a file that was read to the end comes out: written only without rejected rows (or with
 * accept-valid), and never for a dry run or a file refused as a whole.
 */
export function verdictOf(run: ImportRun, tally: ImportTally): ImportVerdict {
  if (tally.fatal || (tally.rejectedRows > 0 && !run.acceptValid)) {
    return {
      status: 'rejected',
      message:
        tally.massClose && !run.allowMassClose
          ? 'The snapshot would close too much of what the vault holds; nothing was written.'
          : tally.fatal
            ? 'The file cannot be imported as it is; nothing was written.'
            : `${tally.rejectedRows.toLocaleString('en')} row(s) were rejected, so nothing was written. Correct them, or import with accept-valid to write the valid rows.`,
    };
  }
  if (run.dryRun) {
    return {
      status: 'dry_run',
      message: 'Dry run: everything was checked and counted; nothing was written.',
    };
  }
  return { status: 'committed', message: null };
}

/** How an import that stopped before the end comes out: cancelled, or a file that cannot be read. */
export function interruptedVerdict(cancelled: boolean, error: Error): ImportVerdict {
  return cancelled
    ? { status: 'cancelled', message: 'The import was cancelled; nothing was written.' }
    : { status: 'failed', message: `${error.message} Nothing was written.` };
}

/** The report of a finished import; `importId` is its import_run row (of the attempt if not written). */
export function buildReport(
  run: ImportRun,
  tally: ImportTally,
  end: ImportVerdict & { importId: number; sha256: string },
): ImportReport {
  const { counts } = tally;
  return {
    importId: end.importId,
    kind: run.kind,
    mode: tally.mode,
    status: end.status,
    written: end.status === 'committed',
    fileName: run.fileName,
    sha256: end.sha256,
    bytes: run.totalBytes,
    rows: tally.rows,
    added: counts.added,
    changed: counts.changed,
    closed: counts.closed,
    unchanged: counts.unchanged,
    rejectedRows: tally.rejectedRows,
    rejected: tally.rejected,
    rejectedTruncated: tally.truncated,
    warnings: tally.warnings,
    asOf: isoOrNull(tally.asOf),
    acceptValid: run.acceptValid,
    dryRun: run.dryRun,
    allowMassClose: run.allowMassClose,
    massClose: tally.massClose,
    startedAt: new Date(run.started).toISOString(),
    durationMs: Math.round(performance.now() - run.t0),
    message: end.message,
  };
}
