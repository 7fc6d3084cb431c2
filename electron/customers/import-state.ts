import type {
  ImportIssue,
  ImportKind,
  ImportMode,
  ImportReport,
} from '../../shared/schemas/customers';
import type { Outcome } from './apply';

export type MassClose = NonNullable<ImportReport['massClose']>;

/** At most this many rejected rows are listed in a report (all are counted). */
export const MAX_LISTED = 1000;

/** What is settled about one import before it reads a byte; never changes while it runs. */
export interface ImportRun {
  path: string;
  kind: ImportKind;
  fileName: string;
  user: string;
  /** The snapshot moment asked for, if any (a history file refuses one). */
  requestedAsOf: number | null;
  acceptValid: boolean;
  dryRun: boolean;
  /** Closing more than maxClosePercent of what is current (or listing no row) was confirmed. */
  allowMassClose: boolean;
  /** The setting snapshotMaxClosePercent, read when the import started. */
  maxClosePercent: number;
  now: () => Date;
  /** Epoch ms by the import's clock, for the record. */
  started: number;
  /** performance.now() at the start, for rates and the duration. */
  t0: number;
  totalBytes: number;
}

/**
 * What one import has found so far: the only state that changes while it runs, shared by the
 * reading, the closing of a snapshot, the progress and the report.
 */
export class ImportTally {
  mode: ImportMode | null = null;
  /** The moment a snapshot applies at, once the header shows a snapshot. */
  asOf: number | null = null;
  /** The file as a whole cannot be imported (header, emptiness): its rows are no longer applied. */
  fatal = false;
  rows = 0;
  bytes = 0;
  readonly counts: Record<Outcome, number> = { added: 0, changed: 0, closed: 0, unchanged: 0 };
  rejectedRows = 0;
  readonly rejected: ImportIssue[] = [];
  /** More problems were found than are listed. */
  truncated = false;
  readonly warnings: ImportIssue[] = [];
  /** Snapshots: the rows the vault held as current at asOf before this import wrote any. */
  current: number | null = null;
  /** Set when a snapshot lists no row or closes more than the allowed share (mass-close.ts). */
  massClose: MassClose | null = null;

  /** One row refused, with its problems; every row is counted, the first MAX_LISTED problems kept. */
  rejectRow(issues: ImportIssue[]): void {
    this.rejectedRows++;
    for (const i of issues) {
      if (this.rejected.length < MAX_LISTED) this.rejected.push(i);
      else this.truncated = true;
    }
  }

  /** Problems with the file as a whole: always listed, and nothing of it will be written. */
  refuse(issues: ImportIssue[]): void {
    this.fatal = true;
    this.rejected.push(...issues);
  }
}

export const isoOrNull = (ms: number | null): string | null =>
  ms === null ? null : new Date(ms).toISOString();
