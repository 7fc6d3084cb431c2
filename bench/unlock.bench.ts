import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeskSession } from '../electron/core/session';
import { dispatch } from '../electron/api/table';

/**
 * Unlock = scrypt (the production cost, N=2^17) to unwrap the key slot + opening the SQLCipher
 * database + migrations check + audit of the sign-in. Goal: under 1.5 s. Not scaled by BENCH_SCALE.
 */
export async function run(): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'naw-desk-bench-unlock-'));
  try {
    const session = new DeskSession({ vaultDir: join(dir, 'vault') });
    const passphrase = 'benchmark passphrase 2026';
    const created = await dispatch(session, 'vault.create', {
      orgName: 'Bench B.V.',
      adminName: 'admin',
      passphrase,
    });
    if (!created.ok) throw new Error(created.message);
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      await dispatch(session, 'vault.lock', {});
      const t0 = performance.now();
      const r = await dispatch(session, 'vault.unlock', { userName: 'admin', passphrase });
      times.push(performance.now() - t0);
      if (!r.ok) throw new Error(r.message);
    }
    await dispatch(session, 'vault.lock', {});
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    return {
      'unlock median (ms)': Math.round(median),
      'unlock max (ms)': Math.round(times.at(-1)!),
      'goal (ms)': 1500,
      verdict: median < 1500 ? 'ok' : 'SLOWER THAN GOAL',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
