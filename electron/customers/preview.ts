import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { ImportKind, ImportPreview } from '../../shared/schemas/customers';
import { guessKind, mapHeader } from './columns';
import { CsvFormatError, CsvReader } from './csv-reader';

const PREVIEW_BYTES = 64 * 1024;
const PREVIEW_ROWS = 5;

/** The header, the detected delimiter, kind and mode, and the first rows of a file: nothing is written. */
export function previewFile(path: string, fileName: string, kind?: ImportKind): ImportPreview {
  const bytes = statSync(path).size;
  const buf = Buffer.alloc(Math.min(bytes, PREVIEW_BYTES));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buf, 0, buf.length, 0);
  } finally {
    closeSync(fd);
  }
  let header: string[] | null = null;
  const rows: string[][] = [];
  const problems: ImportPreview['problems'] = [];
  const reader = new CsvReader({
    onRecord(fields, line) {
      if (!header) header = fields.map((f) => f.replace(/^\uFEFF/, '').trim());
      else if (rows.length < PREVIEW_ROWS && line > 1) rows.push(fields);
    },
    onBadRecord(line, reason) {
      if (problems.length < PREVIEW_ROWS) problems.push({ line, column: '', reason });
    },
  });
  try {
    // Cut at the last complete line so a partial line is not shown as a row.
    const cut = bytes > buf.length ? buf.lastIndexOf(0x0a) + 1 : buf.length;
    reader.push(buf.subarray(0, cut > 0 ? cut : buf.length));
    reader.end();
  } catch (e) {
    if (!(e instanceof CsvFormatError)) throw e;
    problems.push({ line: 0, column: '', reason: e.message });
  }
  const head: string[] = header ?? [];
  const chosen = kind ?? guessKind(head);
  const map = chosen && head.length ? mapHeader(head, chosen) : null;
  return {
    fileName,
    bytes,
    delimiter: reader.delimiter ?? ',',
    header: head,
    kind: chosen,
    mode: map?.mode ?? null,
    recognised: map?.recognised ?? [],
    unknown: map?.unknown ?? [],
    missing: map?.missing ?? [],
    rows,
    problems: [...(map?.fatal ?? []), ...problems],
  };
}
