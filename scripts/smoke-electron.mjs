// `npm run smoke:electron`: the check that needs a real Electron on a desktop (Windows, macOS,
// Linux). Prepares like `npm start` (Electron binary, Linux sandbox, build, the SQLite module for
// Electron's ABI), then starts the app's own main process in Electron with a temporary data
// folder and vault (scripts/smoke/electron-driver.cjs): the window loads app://, the smoke
// journey (scripts/smoke/journey.ts) runs through the page — vault, team, a CSV import in the
// import worker, a request document read in the intake worker, a letter issued and printed to
// PDF — and the app quits. Prints PASS or FAIL with what was checked; exit code 0 or 1. The
// temporary folder is removed after a pass unless --keep is given. Nothing outside it is touched.
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { electronEnv, prepareDesktop } from './start.mjs';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const TIMEOUT_MS = 240_000;

/**
 * The smoke run's folder: a throwaway Electron app whose main is the driver (its dist/ points at
 * the real build), the journey's files, an empty data folder, and the plan the driver reads.
 * `mainBundle` is the app's main process to run.
 */
export function smokeFolder(dir, mainBundle = join(root, 'dist-electron', 'main.cjs')) {
  const app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'naw-desk-smoke', private: true, main: 'driver.cjs' }),
  );
  copyFileSync(join(root, 'scripts', 'smoke', 'electron-driver.cjs'), join(app, 'driver.cjs'));
  // main.cjs serves the renderer from <app path>/dist/renderer.
  symlinkSync(join(root, 'dist'), join(app, 'dist'), process.platform === 'win32' ? 'junction' : 'dir');
  buildSync({
    entryPoints: [join(root, 'scripts', 'smoke', 'journey.ts')],
    outfile: join(app, 'journey.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  const files = createRequire(import.meta.url)(join(app, 'journey.cjs')).writeSmokeFiles(dir);
  const plan = {
    app,
    appData: join(dir, 'appdata'),
    mainBundle,
    journey: join(app, 'journey.cjs'),
    files,
    pdfOut: join(dir, 'letter.pdf'),
    resultFile: join(dir, 'result.json'),
  };
  mkdirSync(plan.appData);
  const planFile = join(dir, 'plan.json');
  writeFileSync(planFile, JSON.stringify(plan));
  return { plan, planFile };
}

/** The lines of the report, and whether the run passed. */
export function smokeReport(result, exit, where) {
  const pass = !!result?.ok && exit.code === 0;
  const lines = [];
  for (const s of result?.steps ?? []) lines.push(`  ✓ ${s}`);
  for (const b of result?.errorBoxes ?? []) lines.push(`  ✗ error box: ${b}`);
  if (result?.error) lines.push(`  ✗ ${result.error}`);
  if (!result) lines.push('  ✗ the app wrote no result (it crashed or did not start: see its output above)');
  if (exit.signal) lines.push(`  ✗ Electron was stopped (${exit.signal}) after ${TIMEOUT_MS / 1000} s`);
  else if (exit.code !== 0) lines.push(`  ✗ Electron exited with code ${exit.code}`);
  lines.push(pass ? `PASS: NAW Desk runs in ${where}.` : `FAIL: NAW Desk does not run in ${where}; see above.`);
  return { pass, lines };
}

async function main() {
  const keep = process.argv.includes('--keep');
  const ready = await prepareDesktop();
  if (!ready.electron) return ready.code;

  const dir = mkdtempSync(join(tmpdir(), 'naw-desk-smoke-'));
  const { plan, planFile } = smokeFolder(dir);
  const where = `Electron ${ready.electron.version} on ${process.platform}-${process.arch}`;
  console.log(`Smoke test in ${where}, in ${dir}`);
  const env = { ...electronEnv(ready.native.path), NAW_DESK_SMOKE_PLAN: planFile };
  delete env.NAW_DESK_VAULT;
  const child = spawn(ready.electron.path, [plan.app], { stdio: 'inherit', env });
  const timer = setTimeout(() => child.kill(), TIMEOUT_MS);
  const exit = await new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  clearTimeout(timer);

  let result = null;
  try {
    result = JSON.parse(readFileSync(plan.resultFile, 'utf8'));
  } catch {
    // no result: the app did not get far enough to write one
  }
  const { pass, lines } = smokeReport(result, exit, where);
  console.log(['', ...lines].join('\n'));
  if (keep || !pass) console.log(`Kept for inspection: ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
  return pass ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main()
    .then((code) => {
      process.exitCode = code;
    })
    .catch((e) => {
      console.error(`smoke:electron failed: ${e?.stack ?? e}`);
      process.exitCode = 1;
    });
}
