/**
 * CSV that is safe to open in a spreadsheet: RFC 4180 quoting, CRLF line ends, and a cell that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return prefixed with `'` so that it is never
 * run as a formula (CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  // Numbers are data, not text a spreadsheet could misread: -5 stays -5.
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (cells: (string | number | null | undefined)[]): string =>
  cells.map(csvCell).join(',');

export const toCsv = (rows: (string | number | null | undefined)[][]): string =>
  rows.map(csvLine).join('\r\n') + '\r\n';
