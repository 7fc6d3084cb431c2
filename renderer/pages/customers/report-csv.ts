import type { ImportIssue, ImportReport } from '../../../shared/schemas/customers';

const cell = (v: string | number) => {
  const s = String(v);
  return /[",;\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * The import report as CSV: a summary block, then one row per problem (line, column, reason in
 * the window's language).
 * Built in the window from the report the desk returned; never written to disk by the app.
 */
export function reportCsv(
  r: ImportReport,
  labels: Record<string, string>,
  /** The reason as the window words it (the UI language); the desk's English one by default. */
  reason: (i: ImportIssue) => string = (i) => i.reason,
): string {
  const rows: (string | number)[][] = [
    [labels.file!, r.fileName],
    ['SHA-256', r.sha256],
    [labels.kind!, r.kind],
    [labels.status!, r.status],
    [labels.rows!, r.rows],
    [labels.added!, r.added],
    [labels.changed!, r.changed],
    [labels.closed!, r.closed],
    [labels.unchanged!, r.unchanged],
    [labels.rejected!, r.rejectedRows],
    [],
    [labels.line!, labels.column!, labels.reason!],
    ...r.warnings.map((w) => [w.line, w.column, reason(w)]),
    ...r.rejected.map((i) => [i.line, i.column, reason(i)]),
  ];
  return '\uFEFF' + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
