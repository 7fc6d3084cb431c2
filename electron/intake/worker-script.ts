import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DeskError } from '../core/errors';

/**
 * Where the reading worker is: the bundle beside the running bundle (dist-electron/
 * intake-worker.cjs, built by scripts/build-main.mjs), else the TypeScript source run through
 * tsx (tests, bench, a checkout not yet built). The same lookup as the import worker's.
 */
function moduleDir(): string {
  if (typeof __dirname === 'string') return __dirname;
  const frame = /\((file:\/\/[^\s)]+?|\/[^\s)]+?|[A-Za-z]:\\[^\s)]+?):\d+:\d+\)/.exec(
    new Error().stack ?? '',
  );
  if (!frame) throw new DeskError('INTERNAL', 'Cannot locate the intake worker.');
  const where = frame[1]!;
  return dirname(where.startsWith('file:') ? fileURLToPath(where) : where);
}

/** Node 20 does not apply `--import tsx` to a worker's entry: a data: URL module registers it. */
function tsxEntry(source: string): URL {
  const tsxDir = dirname(createRequire(source).resolve('tsx/package.json'));
  const api = pathToFileURL(join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const code = `import { register } from ${JSON.stringify(api)};\nregister();\nawait import(${JSON.stringify(pathToFileURL(source).href)});\n`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

export function intakeWorkerScript(dir = moduleDir()): string | URL {
  const bundled = join(dir, 'intake-worker.cjs');
  if (existsSync(bundled)) return bundled;
  for (const source of [
    join(dir, 'intake-worker.ts'),
    join(dir, '..', 'electron', 'intake', 'intake-worker.ts'),
  ]) {
    if (existsSync(source)) return tsxEntry(source);
  }
  throw new DeskError(
    'INTERNAL',
    'The intake worker is missing from this installation (intake-worker.cjs); rebuild or reinstall the app.',
  );
}
