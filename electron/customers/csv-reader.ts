/**
 * A streaming CSV reader for the import hot path: RFC 4180 quoting (`""` inside quotes, delimiters
 * and newlines inside quoted fields), optional UTF-8 BOM, CRLF or LF, `,` or `;` detected from the
 * header line. Push bytes in with `push()`, call `end()`; records come out through `onRecord` with
 * the physical line number they start on (the header is line 1). Memory stays bounded by the
 * longest record, whatever the file size. Invalid UTF-8 is an error, not silently replaced.
 */

import { isAscii } from 'node:buffer';
import type { IssueCode } from '../../shared/schemas/customers';

export type Delimiter = ',' | ';';

export interface CsvSink {
  /** One record. `fields` is a fresh array the sink may keep. */
  onRecord(fields: string[], line: number): void;
  /**
   * A record without quotes, as its text (fields separated by `delimiter`), for a sink that
   * would rather split it itself, or not at all; without it such a record comes to onRecord.
   */
  onPlainRecord?(text: string, delimiter: Delimiter, line: number): void;
  /** A record that could not be read (bad quoting); it is skipped and reading goes on. */
  onBadRecord(line: number, reason: string): void;
}

/** The file cannot be read as CSV at all; `issue` says where and why in words the window can show. */
export class CsvFormatError extends Error {
  constructor(
    message: string,
    readonly issue?: { line: number; code: IssueCode; params: Record<string, number> },
  ) {
    super(message);
  }
}

/** Picks `;` or `,` by counting them (outside quotes) in the first line. */
export function detectDelimiter(firstLine: string): Delimiter {
  let commas = 0;
  let semis = 0;
  let quoted = false;
  for (let i = 0; i < firstLine.length; i++) {
    const c = firstLine.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (!quoted && c === 44) commas++;
    else if (!quoted && c === 59) semis++;
  }
  return semis > commas ? ';' : ',';
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
/** A header is a list of column names: a first record longer than this is not a CSV header. */
export const MAX_HEADER_CHARS = 64 * 1024;
/**
 * A record longer than this is not a CSV row (a runaway quote, a file that is not CSV): stop
 * before memory runs out, and before a giant line becomes a giant report.
 */
export const MAX_RECORD_CHARS = 1 << 20;

const fmt = (n: number) => n.toLocaleString('en');

export class CsvReader {
  delimiter: Delimiter | null;
  /** Bytes pushed so far. */
  bytes = 0;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  /** The last chunk may have ended inside a UTF-8 character (the decoder holds its first bytes). */
  private inCharacter = false;
  private buf = '';
  private line = 1;
  private ended = false;
  /** Whether the first record (the header) has been read: until then the header's cap applies. */
  private started = false;

  constructor(
    private readonly sink: CsvSink,
    delimiter?: Delimiter,
  ) {
    this.delimiter = delimiter ?? null;
  }

  /** Characters held back waiting for the rest of a record (bounded by the longest record). */
  get pending(): number {
    return this.buf.length;
  }

  push(chunk: Uint8Array): void {
    let text: string;
    try {
      // An export is mostly ASCII: such a chunk needs no UTF-8 decoding, unless the one before
      // ended inside a character the decoder still holds (about 10 × faster than the decoder).
      if (!this.inCharacter && isAscii(chunk)) {
        text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).toString('latin1');
      } else {
        text = this.decoder.decode(chunk, { stream: true });
        this.inCharacter = endsInCharacter(chunk);
      }
    } catch {
      throw new CsvFormatError(
        `The file is not valid UTF-8 (near byte ${this.bytes.toLocaleString('en')}). Save it as "CSV UTF-8" and try again.`,
      );
    }
    this.bytes += chunk.length;
    this.buf = this.buf.length ? this.buf + text : text;
    this.drain(false);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    try {
      this.buf += this.decoder.decode();
    } catch {
      throw new CsvFormatError('The file ends in the middle of a UTF-8 character; it is cut off.');
    }
    this.drain(true);
  }

  private drain(final: boolean): void {
    const buf = this.buf;
    const len = buf.length;
    if (this.delimiter === null) {
      const nl = buf.indexOf('\n');
      if (nl < 0 && !final) {
        if (len > MAX_HEADER_CHARS) this.tooLong(this.line);
        return;
      }
      this.delimiter = detectDelimiter(nl < 0 ? buf : buf.slice(0, nl));
    }
    const delim = this.delimiter;
    // The header always comes as fields.
    const plain = this.started ? this.sink.onPlainRecord : undefined;
    let pos = 0;
    let nextQuote = buf.indexOf('"');
    if (nextQuote < 0) nextQuote = len;
    while (pos < len) {
      let nl = buf.indexOf('\n', pos);
      if (nl < 0) {
        if (!final) break;
        nl = len;
      }
      if (nextQuote < pos) {
        nextQuote = buf.indexOf('"', pos);
        if (nextQuote < 0) nextQuote = len;
      }
      if (nextQuote >= nl) {
        // Fast path: no quote in this line.
        let end = nl;
        if (end > pos && buf.charCodeAt(end - 1) === CR) end--;
        if (end > pos) {
          if (end - pos > this.limit) this.tooLong(this.line);
          this.started = true;
          if (plain) plain.call(this.sink, buf.slice(pos, end), delim, this.line);
          else this.sink.onRecord(buf.slice(pos, end).split(delim), this.line);
        }
        this.line++;
        pos = nl + 1;
        continue;
      }
      const next = this.quoted(buf, pos, delim, final);
      if (next < 0) break; // incomplete record: wait for more input
      pos = next;
    }
    this.buf = pos >= len ? '' : buf.slice(pos);
    if (!final && this.buf.length > this.limit) {
      if (this.buf.includes('"')) {
        throw new CsvFormatError(
          `Line ${this.line} never ends: a quote (") is probably not closed. Nothing was imported.`,
        );
      }
      this.tooLong(this.line);
    }
  }

  /** The longest record allowed next: the header's cap until the first record was read. */
  private get limit(): number {
    return this.started ? MAX_RECORD_CHARS : MAX_HEADER_CHARS;
  }

  private tooLong(line: number): never {
    if (!this.started) {
      throw new CsvFormatError(
        `The first line (the header) is longer than ${fmt(MAX_HEADER_CHARS)} characters: this is not a CSV header row (column names, separated by , or ;).`,
        { line, code: 'header_too_long', params: { max: MAX_HEADER_CHARS } },
      );
    }
    throw new CsvFormatError(
      `Line ${line} is longer than ${fmt(MAX_RECORD_CHARS)} characters: this is not a row of a CSV export (is the file damaged or not CSV?).`,
      { line, code: 'line_too_long', params: { line, max: MAX_RECORD_CHARS } },
    );
  }

  /**
   * Reads one record that contains quotes, starting at `pos`. Returns the position after it, or -1
   * when the buffer ends inside the record and more input may follow.
   */
  private quoted(buf: string, pos: number, delim: string, final: boolean): number {
    const d = delim.charCodeAt(0);
    const len = buf.length;
    const fields: string[] = [];
    const startLine = this.line;
    let i = pos;
    let bad: string | null = null;
    for (;;) {
      // At the start of a field.
      if (i < len && buf.charCodeAt(i) === QUOTE) {
        let value = '';
        let from = i + 1;
        i++;
        for (;;) {
          const q = buf.indexOf('"', i);
          if (q < 0) {
            if (!final) return -1;
            this.started = true;
            this.sink.onBadRecord(
              startLine,
              'a quoted field is not closed before the end of the file',
            );
            this.line += countNewlines(buf, pos, len);
            return len;
          }
          if (q + 1 >= len && !final) return -1;
          if (buf.charCodeAt(q + 1) === QUOTE) {
            value += buf.slice(from, q + 1);
            i = q + 2;
            from = i;
            continue;
          }
          value += buf.slice(from, q);
          i = q + 1;
          break;
        }
        fields.push(value);
        // After a closing quote: a delimiter, the end of the record, or junk.
        if (i < len && buf.charCodeAt(i) !== d && buf.charCodeAt(i) !== LF) {
          if (buf.charCodeAt(i) === CR && (i + 1 >= len || buf.charCodeAt(i + 1) === LF)) {
            if (i + 1 >= len && !final) return -1;
            i++;
          } else {
            bad ??= `text after a closing quote in field ${fields.length}; put the whole field in quotes and double any quote inside it ("")`;
            const stop = nextStop(buf, i, d);
            if (stop < 0) {
              if (!final) return -1;
              i = len;
            } else i = stop;
          }
        }
      } else {
        const stop = nextStop(buf, i, d);
        if (stop < 0) {
          if (!final) return -1;
          let end = len;
          if (end > i && buf.charCodeAt(end - 1) === CR) end--;
          fields.push(buf.slice(i, end));
          i = len;
        } else {
          let end = stop;
          if (buf.charCodeAt(stop) === LF && end > i && buf.charCodeAt(end - 1) === CR) end--;
          fields.push(buf.slice(i, end));
          i = stop;
        }
      }
      if (i >= len) {
        if (!final) return -1;
        break;
      }
      if (buf.charCodeAt(i) === d) {
        i++;
        continue;
      }
      // LF: end of record.
      i++;
      break;
    }
    if (i - pos > this.limit) this.tooLong(startLine);
    this.line = startLine + countNewlines(buf, pos, i);
    this.started = true;
    if (bad) this.sink.onBadRecord(startLine, bad);
    else this.sink.onRecord(fields, startLine);
    return i;
  }
}

/**
 * Whether `b` may end inside a UTF-8 character: its last lead byte starts a longer sequence than
 * the bytes after it, or no lead byte is among its last four (then the decoder decides).
 */
function endsInCharacter(b: Uint8Array): boolean {
  for (let back = 1; back <= 4 && back <= b.length; back++) {
    const c = b[b.length - back]!;
    if (c < 0x80) return false;
    if (c >= 0xc0) return back < (c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2);
  }
  return true;
}

/** Position of the next delimiter or LF at or after `i`, or -1. */
function nextStop(buf: string, i: number, d: number): number {
  for (let j = i; j < buf.length; j++) {
    const c = buf.charCodeAt(j);
    if (c === d || c === LF) return j;
  }
  return -1;
}

function countNewlines(buf: string, from: number, to: number): number {
  let n = 0;
  for (let j = from; j < to; j++) if (buf.charCodeAt(j) === LF) n++;
  return n;
}
