import { z } from 'zod';
import { IDENTIFIER_PROBLEMS } from '../identifiers';

/** Kinds of customer-data file the desk imports (docs/IMPORT.md). */
export const IMPORT_KINDS = ['customers', 'numbers', 'ips'] as const;
export const ImportKind = z.enum(IMPORT_KINDS);
export type ImportKind = z.infer<typeof ImportKind>;

/** history: rows carry valid_from/valid_to; snapshot: current state, diffed at `asOf`. */
export const ImportMode = z.enum(['history', 'snapshot']);
export type ImportMode = z.infer<typeof ImportMode>;

export const ImportStatus = z.enum(['committed', 'rejected', 'dry_run', 'cancelled', 'failed']);
export type ImportStatus = z.infer<typeof ImportStatus>;

/**
 * What the window words in its own language (customers.json `issue.<code>`), with the numbers and
 * times to fill in; `reason` stays the English text for the CLI and the report file.
 */
export const ISSUE_CODES = [
  /** A snapshot without a single row: {current, closing}. */
  'empty_snapshot',
  /** A snapshot that would close more than the allowed share: {current, closing, maxPercent}. */
  'mass_close',
  /** An as-of time later than now: {asOf}. */
  'as_of_future',
  /** A snapshot older than what the vault holds: {asOf}. */
  'snapshot_older',
  /** A history row over a period the vault already holds: {from, to} as the row gives them. */
  'overlaps_held',
  /** The header line is longer than allowed: {max}. */
  'header_too_long',
  /** A line (record) is longer than allowed: {line, max}. */
  'line_too_long',
  // Rows (electron/customers/rows.ts, fields.ts, apply.ts), worded from shared/messages
  // `importIssue.<code>` (`.<kind>` when the parameters carry a kind): see shared/import-issue.ts.
  'required_empty',
  'too_long',
  'too_many_fields',
  'valid_from_empty',
  'valid_to_not_after',
  'ports_both',
  'port_to_below',
  'port_block_prefix',
  'not_a_date',
  'no_time_zone',
  'not_a_time',
  'not_a_date_time',
  'bad_offset',
  'postcode_too_long',
  'not_a_postcode',
  'house_number_too_long',
  'not_a_house_number',
  'not_a_country',
  'not_an_email',
  'not_a_kvk',
  'not_a_customer_type',
  'not_a_service',
  'unknown_customer',
  'own_overlap',
  'own_other_holder',
  'snapshot_twice',
  'snapshot_overlap',
  'changed_at_moment',
  'left_open_at_moment',
  // A number, prefix or port that is not one: worded from `identifier.<code>`.
  ...IDENTIFIER_PROBLEMS,
] as const;
export const IssueCode = z.enum(ISSUE_CODES);
export type IssueCode = z.infer<typeof IssueCode>;

/** A rejected row or a remark about the file: line 1 is the header. */
export const ImportIssue = z.object({
  line: z.number().int(),
  column: z.string(),
  reason: z.string(),
  code: IssueCode.optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

/** A time as the import contract takes it: `2024-03-01` (Amsterdam midnight) or ISO 8601 with offset. */
export const ImportTime = z.string().trim().min(1).max(40);

export const ImportReport = z.object({
  importId: z.number().int().nullable(),
  kind: ImportKind,
  mode: ImportMode.nullable(),
  status: ImportStatus,
  /** True only when the vault was changed (status committed). */
  written: z.boolean(),
  fileName: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  rows: z.number().int(),
  added: z.number().int(),
  changed: z.number().int(),
  closed: z.number().int(),
  unchanged: z.number().int(),
  rejectedRows: z.number().int(),
  /** Every rejected row with line, column and reason (the first 1,000; see rejectedTruncated). */
  rejected: z.array(ImportIssue),
  rejectedTruncated: z.boolean(),
  /** Remarks that did not stop the import, e.g. unknown columns that were ignored. */
  warnings: z.array(ImportIssue),
  /** The moment a snapshot was applied at (ISO, UTC). */
  asOf: z.string().nullable(),
  acceptValid: z.boolean(),
  dryRun: z.boolean(),
  /** The import was told that closing more than the allowed share is intended. */
  allowMassClose: z.boolean(),
  /**
   * Set when a snapshot lists no rows or would close more than `maxPercent` % of the `current`
   * rows: refused (nothing written) unless allowMassClose. Counts only.
   */
  massClose: z
    .object({
      current: z.number().int(),
      closing: z.number().int(),
      maxPercent: z.number().int(),
    })
    .nullable(),
  startedAt: z.string(),
  durationMs: z.number().int(),
  /** Why the import stopped, for status failed/cancelled. */
  message: z.string().nullable(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportProgress = z.object({
  phase: z.enum(['starting', 'reading', 'closing', 'finishing']),
  rows: z.number().int(),
  bytes: z.number().int(),
  totalBytes: z.number().int(),
  rejectedRows: z.number().int(),
  rowsPerSecond: z.number(),
  /** Estimated seconds left (from bytes read), or null before there is a rate. */
  etaSeconds: z.number().nullable(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

export const ImportJobState = z.object({
  jobId: z.string(),
  kind: ImportKind,
  fileName: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  progress: ImportProgress,
  report: ImportReport.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type ImportJobState = z.infer<typeof ImportJobState>;

const FileToken = z.string().regex(/^[0-9a-f]{32}$/, 'Choose the file again.');

export const ImportStartInput = z.object({
  file: FileToken,
  kind: ImportKind,
  /** Snapshot moment; default now. Only for current-state snapshots. */
  asOf: ImportTime.optional(),
  /** Write the valid rows even when some are rejected. */
  acceptValid: z.boolean().default(false),
  /** Check and count everything, write nothing. */
  dryRun: z.boolean().default(false),
  /**
   * Confirms a snapshot that lists no rows or closes more than the allowed share of what is
   * current (setting snapshotMaxClosePercent); without it such a snapshot is refused.
   */
  allowMassClose: z.boolean().default(false),
});
export type ImportStartInput = z.input<typeof ImportStartInput>;

export const ImportStartOutput = z.object({ jobId: z.string() });

export const ImportProgressInput = z.object({
  jobId: z.string().max(64),
  /** Wait up to this long for the job to finish before answering (long poll). */
  waitMs: z.number().int().min(0).max(10_000).default(0),
});

export const ImportCancelInput = z.object({ jobId: z.string().max(64) });

export const PreviewInput = z.object({ file: FileToken, kind: ImportKind.optional() });

export const ImportPreview = z.object({
  fileName: z.string(),
  bytes: z.number().int(),
  delimiter: z.enum([',', ';']),
  header: z.array(z.string()),
  /** The kind given, or the one the columns point to (null when they fit none). */
  kind: ImportKind.nullable(),
  mode: ImportMode.nullable(),
  recognised: z.array(z.string()),
  unknown: z.array(z.string()),
  missing: z.array(z.string()),
  /** The first rows as read (at most 5). */
  rows: z.array(z.array(z.string())),
  problems: z.array(ImportIssue),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

const Held = z.object({ total: z.number().int(), current: z.number().int() });

export const LastImport = z.object({
  importId: z.number().int(),
  kind: ImportKind,
  mode: ImportMode,
  status: ImportStatus,
  fileName: z.string(),
  user: z.string(),
  finishedAt: z.string().nullable(),
  added: z.number().int(),
  changed: z.number().int(),
  closed: z.number().int(),
  rejected: z.number().int(),
});
export type LastImport = z.infer<typeof LastImport>;

/** What the vault holds: counts only, never records (principle 1). */
export const CustomersSummary = z.object({
  at: z.string(),
  customers: Held,
  customerVersions: z.number().int(),
  numbers: Held,
  ips: Held,
  lastImports: z.array(LastImport),
  running: ImportJobState.nullable(),
});
export type CustomersSummary = z.infer<typeof CustomersSummary>;

/**
 * The earliest moment the vault holds an assignment for, per kind (ISO, UTC), or null when it holds
 * none: a moment before it cannot be answered. Two dates, no record of anyone.
 */
export const HistoryStart = z.object({
  numbers: z.string().nullable(),
  ips: z.string().nullable(),
});
export type HistoryStart = z.infer<typeof HistoryStart>;
