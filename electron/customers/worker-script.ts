import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DeskError } from '../core/errors';

/**
 * This module's folder. In the esbuild bundles (dist-electron/*.cjs) and in vitest, `__dirname`
 * is defined; under `node --import tsx` (bench, harness preview) the module is ESM, so the path
 * is read from the first stack frame (no `import.meta`, which the CJS bundle cannot carry).
 */
function moduleDir(): string {
  if (typeof __dirname === 'string') return __dirname;
  // Frames read `at fn (file:///…/worker-script.ts:1:2)` or, with source maps, a plain path.
  const frame = /\((file:\/\/[^\s)]+?|\/[^\s)]+?|[A-Za-z]:\\[^\s)]+?):\d+:\d+\)/.exec(
    new Error().stack ?? '',
  );
  if (!frame) throw new DeskError('INTERNAL', 'Cannot locate the import worker.');
  const where = frame[1]!;
  return dirname(where.startsWith('file:') ? fileURLToPath(where) : where);
}

/** What to hand to `new Worker()`: a bundle path, or a tiny ESM entry that loads the TS source. */
export interface WorkerScript {
  entry: string | URL;
  /** The file that will run (for messages and tests). */
  file: string;
}

/**
 * Node 20 does not apply `--import tsx` from a worker's execArgv to the worker's entry, so the
 * entry is a data: URL module that registers tsx's loader in the worker, then imports the source.
 */
function tsxEntry(source: string): URL {
  const tsxDir = dirname(createRequire(source).resolve('tsx/package.json'));
  const api = pathToFileURL(join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const code = `import { register } from ${JSON.stringify(api)};\nregister();\nawait import(${JSON.stringify(pathToFileURL(source).href)});\n`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/**
 * The import worker to start: the bundle beside the running bundle (dist-electron/import-worker.cjs,
 * built by scripts/build-main.mjs), else the TypeScript source run through tsx (tests, bench, a
 * checkout whose bundle has not been built yet).
 */
export function importWorkerScript(dir = moduleDir()): WorkerScript {
  const bundled = join(dir, 'import-worker.cjs');
  if (existsSync(bundled)) return { entry: bundled, file: bundled };
  for (const source of [
    join(dir, 'import-worker.ts'),
    join(dir, '..', 'electron', 'customers', 'import-worker.ts'),
  ]) {
    if (existsSync(source)) return { entry: tsxEntry(source), file: source };
  }
  throw new DeskError(
    'INTERNAL',
    'The import worker is missing from this installation (import-worker.cjs); rebuild or reinstall the app.',
  );
}
