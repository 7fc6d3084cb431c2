import { readdirSync, readFileSync } from 'node:fs';
import type { Reporter, TestCase, TestModule } from 'vitest/node';

/**
 * Ends the run when one test file has run far longer than any file of this suite takes (the
 * slowest take well under a minute). Vitest's own test timeout is a timer in the test's process,
 * so code stuck without yielding (a synchronous loop, a blocking call) would hold the run until
 * CI's own limit, with nothing printed. This names the file and the test that was running and
 * exits with a failure instead.
 */
export class StuckFileReporter implements Reporter {
  private readonly running = new Map<string, { since: number; test: string }>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly limitMs: number) {}

  onInit(): void {
    this.timer = setInterval(() => this.check(), 10_000);
    this.timer.unref();
  }

  onTestModuleStart(m: TestModule): void {
    this.running.set(m.moduleId, { since: Date.now(), test: 'none reported yet' });
  }

  onTestCaseReady(t: TestCase): void {
    const r = this.running.get(t.module.moduleId);
    if (r) r.test = t.fullName;
  }

  onTestModuleEnd(m: TestModule): void {
    this.running.delete(m.moduleId);
  }

  onTestRunEnd(): void {
    clearInterval(this.timer);
  }

  private check(): void {
    const now = Date.now();
    for (const [file, r] of this.running) {
      if (now - r.since <= this.limitMs) continue;
      process.stderr.write(
        `\n[stuck-file] ${file} has run ${Math.round((now - r.since) / 1000)} s ` +
          `(limit ${this.limitMs / 1000} s); last test started: ${r.test}. Stopping the run.\n`,
      );
      // Vitest's close waits for the stuck process, which would then outlive the run.
      killChildren();
      process.exit(1);
    }
  }
}

/** The test processes this run started (Linux: read from /proc; elsewhere they end with it). */
function killChildren(): void {
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return;
  }
  for (const pid of pids) {
    try {
      // stat: "pid (comm) state ppid …"; comm may hold spaces, so read after its closing paren.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid) process.kill(Number(pid), 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}
