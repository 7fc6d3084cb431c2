import type { IssueCode } from '../../shared/schemas/customers';

/**
 * The records of one chunk of a CSV file as the line reader (line-worker.ts) hands them to the
 * import: their text in one string, with where each record starts, its line, its number of fields
 * and the digest of its line (line-digest.ts; none for the header) in typed arrays — one message
 * a chunk instead of an object per line. A record without quotes is its line as read (its fields
 * split by the file's delimiter); one with quotes has its fields joined by FIELD_JOIN, or comes
 * apart in `odd` when a field holds that character or the record could not be read.
 */
export interface LineBatch {
  type: 'rows';
  text: string;
  delimiter: ',' | ';';
  /** Record i is text.slice(starts[i], starts[i + 1]); n + 1 entries. */
  starts: Int32Array;
  lines: Int32Array;
  /** Fields of each record; -1: in `odd`. */
  widths: Int32Array;
  /** 1: the record's text is its line (split by the delimiter); 0: fields joined by FIELD_JOIN. */
  plain: Uint8Array;
  /** hi, lo of each record's line digest. */
  digests: Uint32Array;
  odd: [number, { fields: string[] } | { bad: string }][];
  /** Bytes of the file read so far. */
  bytes: number;
}

export type LineMessage =
  | LineBatch
  | { type: 'end'; sha256: string; bytes: number }
  | {
      type: 'error';
      /** Not the file's fault as CSV (it could not be read): the name of the error only. */
      fault?: true;
      message: string;
      issue?: { line: number; code: IssueCode; params: Record<string, number> };
    };

/** Joins the fields of a record in a batch: a control character no CSV export writes in a field. */
export const FIELD_JOIN = '\u0001';

/** What the line reader is told: the file, its kind, and how far it may read ahead. */
export interface LineWorkerData {
  path: string;
  kind: import('../../shared/schemas/customers').ImportKind;
  /** Int32 [sent, taken]: batches posted and batches the import has finished with. */
  flow: SharedArrayBuffer;
  /** Batches the reader may be ahead of the import. */
  ahead: number;
}

/** The fields of record `i` of a batch (a fresh array). */
export function fieldsOf(b: LineBatch, i: number): string[] {
  if (b.widths[i]! < 0) {
    const odd = b.odd.find(([k]) => k === i)![1];
    return 'fields' in odd ? [...odd.fields] : [];
  }
  return b.text
    .slice(b.starts[i]!, b.starts[i + 1]!)
    .split(b.plain[i] === 1 ? b.delimiter : FIELD_JOIN);
}

/** Why record `i` could not be read, or null. */
export function badOf(b: LineBatch, i: number): string | null {
  if (b.widths[i]! >= 0) return null;
  const odd = b.odd.find(([k]) => k === i)![1];
  return 'bad' in odd ? odd.bad : null;
}
