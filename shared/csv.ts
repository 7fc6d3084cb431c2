/**
 * CSV that is safe to open in a spreadsheet: RFC 4180 quoting, CRLF line ends, and nothing a
 * spreadsheet could run as a formula (CSV injection). A formula starts with `=`, `+`, `-`, `@`, a
 * tab or a carriage return — at the start of a cell as we write it (comma-separated), but also at
 * the start of every piece a spreadsheet may cut the line into: Excel in a Dutch locale splits on
 * `;` and pays no heed to our quotes there, another on `,`, and an unquoted line break starts a
 * new row. So such a character is neutralised with a `'` before it wherever it starts a cell, or
 * follows a `;`, `,`, CR or LF (with quotes between, which the spreadsheet would strip). Numbers
 * are data and stay as they are: -5 is written -5.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const FRAGMENT_FORMULA = /([;,\r\n])(?="*[=+\-@\t\r])/g;

/** `s` with every formula start neutralised (see above). */
export function neutraliseFormulas(s: string): string {
  const inner = s.replace(FRAGMENT_FORMULA, "$1'");
  return FORMULA_START.test(inner) ? `'${inner}` : inner;
}

export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string') s = neutraliseFormulas(s);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (cells: (string | number | null | undefined)[]): string =>
  cells.map(csvCell).join(',');

export const toCsv = (rows: (string | number | null | undefined)[][]): string =>
  rows.map(csvLine).join('\r\n') + '\r\n';
