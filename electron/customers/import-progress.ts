import type { ImportProgress } from '../../shared/schemas/customers';
import type { ImportRun, ImportTally } from './import-state';

/** Reports an import's progress at most every `everyMs`, and at once when its phase changes. */
export class ProgressTicker {
  private phase: ImportProgress['phase'] = 'starting';
  private last = 0;

  constructor(
    private readonly onProgress: ((p: ImportProgress) => void) | undefined,
    private readonly everyMs: number,
    private readonly run: ImportRun,
    private readonly tally: ImportTally,
  ) {}

  enter(phase: ImportProgress['phase']): void {
    this.phase = phase;
    this.tick(true);
  }

  tick(force = false): void {
    if (!this.onProgress) return;
    const t = performance.now();
    if (!force && t - this.last < this.everyMs) return;
    this.last = t;
    const { rows, bytes, rejectedRows } = this.tally;
    const { totalBytes } = this.run;
    const seconds = (t - this.run.t0) / 1000;
    const rate = seconds > 0 ? rows / seconds : 0;
    const byteRate = seconds > 0 ? bytes / seconds : 0;
    this.onProgress({
      phase: this.phase,
      rows,
      bytes,
      totalBytes,
      rejectedRows,
      rowsPerSecond: Math.round(rate),
      etaSeconds:
        byteRate > 0 && seconds > 0.5 ? Math.max(0, (totalBytes - bytes) / byteRate) : null,
    });
  }
}
