import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { importWorkerScript } from '../../electron/customers/worker-script';
import type { ImportWorkerData, ImportWorkerMessage } from '../../electron/customers/import-worker';
import { vaultPaths } from '../../electron/vault/vault';
import { tempDir } from '../support/desk';
import { fixture, importerDesk } from '../fixtures/customers/desk';

const ROOT = join(import.meta.dirname, '..', '..');

/** Runs one import in a worker started from `entry`, the way jobs.ts does. */
function runWorker(entry: string | URL, data: ImportWorkerData): Promise<ImportWorkerMessage> {
  return new Promise((resolve, reject) => {
    const w = new Worker(entry, { workerData: data, env: {} });
    w.on('message', (m: ImportWorkerMessage) => {
      if (m.type !== 'progress') resolve(m);
    });
    w.on('error', reject);
    w.on('exit', (code) => reject(new Error(`worker exited ${code} without an answer`)));
  });
}

describe('the import worker', () => {
  it('prefers a bundle beside the running code, else runs the TypeScript source through tsx', () => {
    const dir = tempDir();
    expect(() => importWorkerScript(dir)).toThrow(/import worker is missing/);
    writeFileSync(join(dir, 'import-worker.cjs'), '');
    expect(importWorkerScript(dir)).toEqual({
      entry: join(dir, 'import-worker.cjs'),
      file: join(dir, 'import-worker.cjs'),
    });
    const source = importWorkerScript(join(ROOT, 'electron', 'customers'));
    expect(source.file).toBe(join(ROOT, 'electron', 'customers', 'import-worker.ts'));
    expect(String(source.entry)).toMatch(/^data:text\/javascript,/);
    // A folder with neither the bundle nor a checkout beside it: a clear error, no guessing.
    const dist = join(tempDir(), 'dist-electron');
    mkdirSync(dist);
    expect(() => importWorkerScript(dist)).toThrow(/missing/);
  });

  it('is an entry of scripts/build-main.mjs, and the built bundle runs a real import', async () => {
    const build = (await import(pathToFileURL(join(ROOT, 'scripts', 'build-main.mjs')).href)) as {
      ENTRIES: Record<string, string>;
      buildMain: (names: string[]) => void;
    };
    expect(build.ENTRIES['import-worker']).toBe('electron/customers/import-worker.ts');
    build.buildMain(['import-worker']);
    const bundled = importWorkerScript(join(ROOT, 'dist-electron'));
    expect(bundled.file).toBe(join(ROOT, 'dist-electron', 'import-worker.cjs'));

    const d = await importerDesk();
    const key = new Uint8Array(d.session.vault!.key);
    const m = await runWorker(bundled.entry, {
      dbPath: vaultPaths(d.vaultDir).db,
      key,
      options: {
        path: fixture('customers-history.csv'),
        fileName: 'customers-history.csv',
        kind: 'customers',
        user: 'olga',
      },
      cancel: new SharedArrayBuffer(4),
      clockOffsetMs: 0,
      cacheKiB: 4096,
    });
    expect(m).toMatchObject({ type: 'done', report: { status: 'committed', added: 4 } });
    expect(d.all('SELECT count(*) AS n FROM customer_version')).toEqual([{ n: 4 }]);
  });

  it('answers a wrong key with a clear error, without touching the vault', async () => {
    const d = await importerDesk();
    const before = d.dataFingerprint();
    const m = await runWorker(importWorkerScript(join(ROOT, 'electron', 'customers')).entry, {
      dbPath: vaultPaths(d.vaultDir).db,
      key: new Uint8Array(32),
      options: {
        path: fixture('customers-history.csv'),
        fileName: 'x.csv',
        kind: 'customers',
        user: 'olga',
      },
      cancel: new SharedArrayBuffer(4),
      clockOffsetMs: 0,
      cacheKiB: 4096,
    });
    expect(m).toMatchObject({ type: 'error', code: 'VAULT_DAMAGED' });
    expect(d.dataFingerprint()).toBe(before);
  });
});
