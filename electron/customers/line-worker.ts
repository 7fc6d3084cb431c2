import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { mapHeader } from './columns';
import { CsvFormatError, CsvReader, type CsvSink, type Delimiter } from './csv-reader';
import { FIELD_JOIN, type LineBatch, type LineMessage, type LineWorkerData } from './line-batch';
import { digestColumns, digestLine, digestText, type LineDigest } from './line-digest';

/**
 * The line reader: a thread beside the import that reads the CSV file, hashes it (SHA-256),
 * splits it into records and digests every line, so that the import's own thread — the one that
 * writes the vault — only compares digests and handles the lines that need it. The two run on
 * two cores. It reads at most `ahead` chunks before the import has taken them (memory stays
 * bounded), and stops when the import ends it. Bundled as dist-electron/line-worker.cjs by
 * scripts/build-main.mjs.
 */

/** 64 KiB a read: see run-import.ts. */
const CHUNK = 1 << 16;

/** Records a chunk holds at first (a batch grows past that). */
const RECORDS = 4096;

class BatchSink implements CsvSink {
  private text: string[] = [];
  private length = 0;
  private n = 0;
  private starts = new Int32Array(RECORDS + 1);
  private lines = new Int32Array(RECORDS);
  private widths = new Int32Array(RECORDS);
  private plain = new Uint8Array(RECORDS);
  private digests = new Uint32Array(RECORDS * 2);
  private odd: LineBatch['odd'] = [];
  private columns: Int32Array | null = null;
  private delimiter: Delimiter = ',';
  private readonly d: LineDigest = { hi: 0, lo: 0 };
  private readonly fieldStarts = { at: new Int32Array(64) };

  constructor(private readonly kind: LineWorkerData['kind']) {}

  onRecord(fields: string[], line: number): void {
    if (this.columns === null) {
      this.columns = digestColumns(mapHeader(fields, this.kind));
      this.d.hi = 0;
      this.d.lo = 0;
    } else digestLine(this.kind, fields, this.columns, this.d);
    let joinable = true;
    for (let f = 0; f < fields.length && joinable; f++) joinable = !fields[f]!.includes(FIELD_JOIN);
    if (joinable) this.add(fields.join(FIELD_JOIN), line, fields.length, 0);
    else {
      this.odd.push([this.n, { fields }]);
      this.add('', line, -1, 0);
    }
  }

  onPlainRecord(text: string, delimiter: Delimiter, line: number): void {
    this.delimiter = delimiter;
    const width = digestText(this.kind, text, delimiter, this.columns!, this.d, this.fieldStarts);
    this.add(text, line, width, 1);
  }

  onBadRecord(line: number, reason: string): void {
    this.odd.push([this.n, { bad: reason }]);
    this.d.hi = 0;
    this.d.lo = 0;
    this.add('', line, -1, 0);
  }

  private add(text: string, line: number, width: number, plain: number): void {
    if (this.n === this.lines.length) this.grow();
    const i = this.n++;
    if (text.length) {
      this.text.push(text);
      this.length += text.length;
    }
    this.lines[i] = line;
    this.widths[i] = width;
    this.plain[i] = plain;
    this.digests[i * 2] = this.d.hi;
    this.digests[i * 2 + 1] = this.d.lo;
    this.starts[i + 1] = this.length;
  }

  private grow(): void {
    const more = <T extends Int32Array | Uint32Array | Uint8Array>(a: T, size: number): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    const size = this.lines.length * 2;
    this.starts = more(this.starts, size + 1);
    this.lines = more(this.lines, size);
    this.widths = more(this.widths, size);
    this.plain = more(this.plain, size);
    this.digests = more(this.digests, size * 2);
  }

  get empty(): boolean {
    return this.n === 0;
  }

  take(bytes: number): { batch: LineBatch; transfer: ArrayBuffer[] } {
    const n = this.n;
    const batch: LineBatch = {
      type: 'rows',
      text: this.text.join(''),
      delimiter: this.delimiter,
      starts: this.starts.slice(0, n + 1),
      lines: this.lines.slice(0, n),
      widths: this.widths.slice(0, n),
      plain: this.plain.slice(0, n),
      digests: this.digests.slice(0, n * 2),
      odd: this.odd,
      bytes,
    };
    this.text = [];
    this.length = 0;
    this.n = 0;
    this.odd = [];
    const transfer = [batch.starts, batch.lines, batch.widths, batch.plain, batch.digests].map(
      (a) => a.buffer as ArrayBuffer,
    );
    return { batch, transfer };
  }
}

function main(): void {
  const port = parentPort;
  if (!port) throw new Error('line-worker must run as a worker thread');
  const data = workerData as LineWorkerData;
  const flow = new Int32Array(data.flow);
  const post = (m: LineMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
  port.postMessage({ type: 'ready' });
  const sink = new BatchSink(data.kind);
  const reader = new CsvReader(sink);
  const hash = createHash('sha256');
  const send = () => {
    if (sink.empty) return;
    // Wait while the import is `ahead` batches behind: the reader never holds the whole file.
    for (;;) {
      const taken = Atomics.load(flow, 1);
      if (Atomics.load(flow, 0) - taken < data.ahead) break;
      Atomics.wait(flow, 1, taken, 1000);
    }
    const { batch, transfer } = sink.take(reader.bytes);
    Atomics.add(flow, 0, 1);
    post(batch, transfer);
  };
  const buf = Buffer.allocUnsafe(CHUNK);
  let fd: number | null = null;
  try {
    fd = openSync(data.path, 'r');
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      const chunk = buf.subarray(0, n);
      hash.update(chunk);
      reader.push(chunk);
      send();
    }
    reader.end();
    send();
    post({ type: 'end', sha256: hash.digest('hex'), bytes: reader.bytes });
  } catch (e) {
    send(); // the records before the fault, in order
    if (e instanceof CsvFormatError) {
      post({ type: 'error', message: e.message, ...(e.issue ? { issue: e.issue } : {}) });
    } else {
      // No message: it may carry data (a path, a field).
      post({ type: 'error', fault: true, message: (e as Error)?.name ?? 'Error' });
    }
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

main();
