import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { failWith } from './errors';

/**
 * This module's folder. In the esbuild bundles (dist-electron/*.cjs) and in vitest, `__dirname`
 * is defined; under `node --import tsx` (bench, harness preview) the module is ESM, so the path
 * is read from the first stack frame (no `import.meta`, which the CJS bundle cannot carry).
 */
function moduleDir(): string {
  if (typeof __dirname === 'string') return __dirname;
  const frame = /\((file:\/\/[^\s)]+?|\/[^\s)]+?|[A-Za-z]:\\[^\s)]+?):\d+:\d+\)/.exec(
    new Error().stack ?? '',
  );
  if (!frame) return failWith('INTERNAL', 'worker.notLocated');
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

/**
 * What to hand to `new Worker()`: the worker's bundle beside the running bundle
 * (dist-electron/<name>.cjs, built by scripts/build-main.mjs), else its TypeScript source
 * `<sourceDir>/<name>.ts` (sourceDir from the project root, e.g. electron/core) run through tsx
 * (tests, bench, a checkout not yet built).
 */
export function workerEntry(name: string, sourceDir: string, dir = moduleDir()): string | URL {
  const bundled = join(dir, `${name}.cjs`);
  if (existsSync(bundled)) return bundled;
  const root = existsSync(join(dir, '..', '..', sourceDir))
    ? join(dir, '..', '..')
    : join(dir, '..');
  const source = join(root, sourceDir, `${name}.ts`);
  if (existsSync(source)) return tsxEntry(source);
  return failWith('INTERNAL', 'worker.missing', { name });
}
