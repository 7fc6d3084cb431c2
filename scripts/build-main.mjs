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
  'line-worker': 'electron/customers/line-worker.ts',
  'intake-worker': 'electron/intake/intake-worker.ts',
  'check-worker': 'electron/core/check-worker.ts',
};

/**
 * Loaded from node_modules at run time, never bundled: Electron itself, the modules that read
 * files next to their own code (the native SQLite module, pdfkit's font metrics) and pdf.js (ESM,
 * loaded on first use with its own worker file). The packaged app's `dependencies` in
 * package.json are exactly these, plus the font files the letters embed; everything else is
 * bundled (test/core/packaging-builder.test.ts keeps the two lists in step).
 */
export const EXTERNAL = [
  'electron',
  'better-sqlite3-multiple-ciphers',
  'pdfkit',
  'fontkit',
  'pdfjs-dist',
];

/** esbuild's options for one entry point. */
export function bundleOptions(name) {
  return {
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
    external: EXTERNAL,
  };
}

export function buildMain(names = Object.keys(ENTRIES)) {
  for (const name of names) buildSync(bundleOptions(name));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const only = process.argv.slice(2);
  buildMain(only.length ? only : undefined);
}
