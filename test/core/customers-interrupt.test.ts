import { spawn } from 'node:child_process';
import { statSync, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { vaultPaths } from '../../electron/vault/vault';
import { fixture, IMPORTER_PASS, importerDesk } from '../fixtures/customers/desk';

/** A numbers file of `n` valid rows for customer C001 (one customer, many numbers). */
const bigNumbers = (n: number) =>
  'number,customer_id,service,valid_from,valid_to\n' +
  Array.from({ length: n }, (_, i) => `06-${20000000 + i},C001,mobile,2021-01-01,`).join('\n') +
  '\n';

describe('an interrupted import leaves the vault exactly as before', () => {
  it('survives kill -9 of the importing process in the middle of its transaction', async () => {
    const d = await importerDesk();
    await d.report(fixture('customers-history.csv'), 'customers');
    const file = d.csv(bigNumbers(400_000), 'big.csv');
    const before = {
      data: d.dataFingerprint(),
      runs: d.all('SELECT * FROM import_run ORDER BY id'),
      head: await d.must('audit.head', {}),
    };
    await d.must('vault.lock', {});
    const wal = `${vaultPaths(d.vaultDir).db}-wal`;
    const walBefore = existsSync(wal) ? statSync(wal).size : 0;

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fixture('import-child.ts'), d.vaultDir, file, 'numbers'],
      {
        env: { ...process.env, IMPORT_CHILD_PASS: IMPORTER_PASS },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (b) => (stderr += String(b)));
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_c, sig) => r(sig)));
    let rowsAtKill = 0;
    let finished = false;
    for await (const line of createInterface({ input: child.stdout })) {
      const msg = JSON.parse(line) as { rows?: number; finished?: string };
      if (msg.finished) finished = true;
      if ((msg.rows ?? 0) >= 100_000 && statSync(wal).size > walBefore) {
        rowsAtKill = msg.rows!;
        child.kill('SIGKILL');
        break;
      }
    }
    expect(await exited, stderr).toBe('SIGKILL');
    expect(finished).toBe(false);
    expect(rowsAtKill).toBeGreaterThanOrEqual(100_000);
    expect(statSync(wal).size).toBeGreaterThan(walBefore); // uncommitted pages were on disk

    await d.must('vault.unlock', { userName: 'olga', passphrase: IMPORTER_PASS });
    expect(d.db().pragma('integrity_check', { simple: true })).toBe('ok');
    expect(d.dataFingerprint()).toBe(before.data);
    expect(d.all('SELECT * FROM import_run ORDER BY id')).toEqual(before.runs);
    await d.must('vault.lock', {});
    await d.must('vault.unlock', { userName: 'admin', passphrase: 'correct horse battery' });
    const v = await d.must('audit.verify', {});
    expect(v.intact).toBe(true);
    const events = await d.must('audit.list', { action: 'customers.import' });
    expect(events.events.every((e) => e.seq <= before.head.seq)).toBe(true);
  }, 120_000);

  it('a cancelled import writes nothing and leaves an audited trace', async () => {
    const d = await importerDesk();
    await d.report(fixture('customers-history.csv'), 'customers');
    const before = d.dataFingerprint();
    const f = d.session.files.register(d.csv(bigNumbers(300_000)));
    const { jobId } = await d.must('customers.importStart', { file: f.token, kind: 'numbers' });
    let s = await d.must('customers.importProgress', { jobId });
    while (s.state === 'running' && s.progress.rows < 20_000) {
      await new Promise((r) => setTimeout(r, 20));
      s = await d.must('customers.importProgress', { jobId });
    }
    expect(s.state).toBe('running');
    await d.must('customers.importCancel', { jobId });
    s = await d.must('customers.importProgress', { jobId, waitMs: 10_000 });
    expect(s.state).toBe('cancelled');
    expect(s.report).toMatchObject({ status: 'cancelled', written: false });
    expect(s.report!.message).toMatch(/cancelled; nothing was written/);
    expect(d.dataFingerprint()).toBe(before);
    expect(d.all(`SELECT status FROM import_run ORDER BY id DESC LIMIT 1`)).toEqual([
      { status: 'cancelled' },
    ]);
  }, 60_000);
});
