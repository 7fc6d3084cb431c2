// Bundles the main-process side (main, preload, CLI, workers) with esbuild into dist-electron/.
// Native and Electron modules stay external. Used by `npm run build`, `npm start` and bin/naw-desk.cjs.
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Entry points: output name → source. Worker threads get their own bundle. */
export const ENTRIES = {
  main: 'electron/main.ts',
  preload: 'electron/preload.ts',
  cli: 'electron/cli.ts',
  'import-worker': 'electron/customers/import-worker.ts',
  'intake-worker': 'electron/intake/intake-worker.ts',
};

export function buildMain(names = Object.keys(ENTRIES)) {
  for (const name of names) {
    buildSync({
      absWorkingDir: root,
      entryPoints: { [name]: ENTRIES[name] },
      outdir: 'dist-electron',
      outExtension: { '.js': '.cjs' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      sourcemap: false,
      logLevel: 'warning',
      external: ['electron', 'better-sqlite3-multiple-ciphers', 'pdfkit', 'fontkit', 'pdfjs-dist'],
    });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const only = process.argv.slice(2);
  buildMain(only.length ? only : undefined);
}
