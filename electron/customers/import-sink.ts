import type { ImportIssue } from '../../shared/schemas/customers';
import { RowApplier, showTime } from './apply';
import { mapHeader, type HeaderMap } from './columns';
import { buildCurrentIndex } from './current-index';
import type { CsvSink } from './csv-reader';
import type { ImportRun, ImportTally } from './import-state';
import { badOf, fieldsOf, type LineBatch } from './line-batch';
import { digestColumns, digestLine, type LineDigest } from './line-digest';
import { ROW_PARSERS, type RowResult, type Validity } from './rows';
import type { KindStore } from './stores';

type AnyRow = Validity & { customerId: string };
type RowParser = (fields: string[], header: HeaderMap, line: number) => RowResult<Validity>;

/** How far an as-of time may lie ahead of the import's clock (clocks of two machines differ). */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Whether a file with this header can be imported: the snapshot moment it applies at (snapshots
 * only) and the problems that refuse the file as a whole (none when it can).
 */
export function checkHeader(
  header: HeaderMap,
  run: ImportRun,
  store: Pick<KindStore<Validity>, 'snapshotFacts'>,
): { asOf: number | null; refusal: ImportIssue[] } {
  if (header.fatal.length) return { asOf: null, refusal: header.fatal };
  if (header.mode === 'history') {
    if (run.requestedAsOf === null) return { asOf: null, refusal: [] };
    return {
      asOf: null,
      refusal: [
        {
          line: 1,
          column: 'valid_from',
          reason:
            'an as-of time applies only to a current-state snapshot (a file without valid_from/valid_to); this is a history file',
        },
      ],
    };
  }
  const asOf = run.requestedAsOf ?? run.started;
  if (asOf > run.started + CLOCK_SKEW_MS) {
    return {
      asOf,
      refusal: [
        {
          line: 1,
          column: '',
          code: 'as_of_future',
          params: { asOf: showTime(asOf) },
          reason: `the as-of time ${showTime(asOf)} is in the future (it is now ${showTime(run.started)}); a snapshot tells what holds now or held earlier, and one dated later would make every normal snapshot until then too old`,
        },
      ],
    };
  }
  const latest = store.snapshotFacts(asOf).latest;
  if (latest === null || latest <= asOf) return { asOf, refusal: [] };
  // Not the time of what is held: that is another customer's data.
  return {
    asOf,
    refusal: [
      {
        line: 1,
        column: '',
        code: 'snapshot_older',
        params: { asOf: showTime(asOf) },
        reason: `the vault already holds ${run.kind} data that starts after this snapshot's as-of time ${showTime(asOf)}; a snapshot must not be older than what is held (leave the as-of time empty for now)`,
      },
    ],
  };
}

/**
 * Takes the records of one CSV file: the first is the header, which decides the mode and whether
 * the file can be imported at all; every later record is checked and applied to the vault inside
 * the import's transaction, and counted in the tally.
 */
export class ImportSink implements CsvSink {
  private header: HeaderMap | null = null;
  /** Applies rows; null until a header that can be imported was read. */
  applier: RowApplier<AnyRow> | null = null;
  private readonly parse: RowParser;
  /** Where the digested columns are in this file's lines (line-digest.ts). */
  private digestAt: Int32Array = new Int32Array(0);
  private readonly digest: LineDigest = { hi: 0, lo: 0 };

  constructor(
    private readonly run: ImportRun,
    private readonly tally: ImportTally,
    private readonly store: KindStore<Validity>,
    private readonly importId: number,
    /** Runs now and then during long steps that read no file: progress and cancel. */
    private readonly pulse: () => void = () => {},
  ) {
    this.parse = ROW_PARSERS[run.kind] as RowParser;
  }

  get sawHeader(): boolean {
    return this.header !== null;
  }

  onRecord(fields: string[], line: number): void {
    if (this.header === null) {
      this.header = mapHeader(fields, this.run.kind);
      this.applier = this.begin(this.header);
      return;
    }
    if (this.tally.fatal || this.applier === null) return;
    digestLine(this.header.kind, fields, this.digestAt, this.digest);
    this.onLine(this.digest, fields.length, line, () => fields, 0);
  }

  /** The records of a batch of the line reader (line-reader.ts), in order. */
  onBatch(b: LineBatch): void {
    const get = (i: number) => fieldsOf(b, i);
    const d = this.digest;
    for (let i = 0; i < b.lines.length; i++) {
      const line = b.lines[i]!;
      const width = b.widths[i]!;
      if (width < 0) {
        const bad = badOf(b, i);
        if (bad !== null) this.onBadRecord(line, bad);
        else if (this.header === null) this.onRecord(get(i), line);
        else {
          const fields = get(i);
          d.hi = b.digests[i * 2]!;
          d.lo = b.digests[i * 2 + 1]!;
          this.onLine(d, fields.length, line, () => fields, 0);
        }
      } else if (this.header === null) this.onRecord(get(i), line);
      else {
        d.hi = b.digests[i * 2]!;
        d.lo = b.digests[i * 2 + 1]!;
        this.onLine(d, width, line, get, i);
      }
    }
  }

  /**
   * A record after the header whose line digest is known (line-digest.ts): `width` fields, which
   * `fields(i)` makes (an unchanged line never needs them).
   */
  onLine(
    d: LineDigest,
    width: number,
    line: number,
    fields: (i: number) => string[],
    i: number,
  ): void {
    const { header, applier, tally } = this;
    if (header === null || tally.fatal || applier === null) return;
    // An unchanged line of a snapshot is counted before it is parsed; a line with more fields
    // than the header is always parsed, so that its extra fields are refused.
    if (width <= header.width && applier.unchangedLine(d)) {
      tally.rows++;
      tally.counts.unchanged++;
      return;
    }
    const f = fields(i);
    if (width <= header.width && f.every((x) => x.trim() === '')) return;
    tally.rows++;
    const r = this.parse(f, header, line);
    if (!r.ok) return tally.rejectRow(r.issues);
    const outcome = applier.apply(r.row as AnyRow, line, d);
    if (typeof outcome === 'string') tally.counts[outcome]++;
    else tally.rejectRow([outcome]);
  }

  onBadRecord(line: number, reason: string): void {
    if (this.header === null) {
      this.tally.refuse([{ line, column: '', reason: `the header cannot be read: ${reason}` }]);
      return;
    }
    this.tally.rows++;
    this.tally.rejectRow([{ line, column: '', reason }]);
  }

  private begin(header: HeaderMap): RowApplier<AnyRow> | null {
    const { tally } = this;
    tally.mode = header.mode;
    tally.warnings.push(...header.warnings);
    const { store } = this;
    // The facts the header check needs come from the pass that reads the current rows.
    let current: ReturnType<typeof buildCurrentIndex> = {
      index: null,
      copied: false,
      layers: null,
    };
    const { asOf, refusal } = checkHeader(header, this.run, {
      snapshotFacts: (at) => {
        current = buildCurrentIndex(store, at, this.pulse);
        return store.snapshotFacts(at);
      },
    });
    tally.asOf = asOf;
    if (refusal.length) {
      tally.refuse(refusal);
      return null;
    }
    this.digestAt = digestColumns(header);
    if (asOf === null) return new RowApplier(store as never, this.importId, header.mode, 0);
    // Before any row is written: the measure of a snapshot's closing (mass-close.ts).
    const facts = store.snapshotFacts(asOf);
    tally.current = facts.current;
    const { index, copied, layers } = current;
    const base = index === null ? null : { index, copied, facts, layers };
    return new RowApplier(store as never, this.importId, header.mode, asOf, base);
  }
}
