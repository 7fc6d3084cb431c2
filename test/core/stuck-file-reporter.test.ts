import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/desk';

/** Running (a killed process whose parent is gone may stay a zombie until init reaps it). */
const running = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
};

// Linux: the reporter finds the run's test processes in /proc.
describe('stuck-file reporter', () => {
  it.runIf(process.platform === 'linux')(
    'ends a run whose test is stuck in synchronous code, naming the file, and leaves no process',
    () => {
      const pidFile = join(tempDir(), 'stuck.pid');
      const r = spawnSync(
        process.execPath,
        [
          resolve('node_modules/vitest/vitest.mjs'),
          'run',
          '--config',
          resolve('test/fixtures/stuck/vitest.stuck.config.ts'),
        ],
        {
          encoding: 'utf8',
          timeout: 120_000,
          env: { ...process.env, CI: 'true', STUCK_PID_FILE: pidFile },
        },
      );
      // Ended by itself (the fixture's test would spin for ever), not killed by spawnSync's timeout.
      expect(r.signal).toBeNull();
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/\[stuck-file\] .*spins\.fixture\.ts has run \d+ s \(limit 3 s\)/);
      // The stuck test process was killed with the run, not left behind.
      const pid = Number(readFileSync(pidFile, 'utf8'));
      expect(pid).toBeGreaterThan(0);
      expect(running(pid)).toBe(false);
    },
    150_000,
  );
});
