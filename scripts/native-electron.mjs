// Builds better-sqlite3-multiple-ciphers for Electron's ABI into .native/electron-<version>/, from a
// COPY of the module, so node_modules keeps the Node-ABI build that `npm test` and the CLI use
// (see docs/SECURITY.md). @electron/rebuild first tries the module's prebuilt binary for this Electron
// (prebuild-install, downloaded from the module's GitHub releases) and falls back to compiling
// with node-gyp against Electron's headers, on every core. Skipped when the cache already holds a
// build for this Electron version, module version, platform and arch. A build that is not for
// Electron's ABI is never cached. Used by `npm start`, `npm run dist` and `npm run smoke:electron`;
// the package step (scripts/pack-native.cjs) takes the file from here.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import abiGate from './native-abi.cjs';
import cache from './native-cache.cjs';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const { checkAbi, electronAbi, moduleAbis } = abiGate;
export const { MODULE, nativeCacheDir, nativeBindingFile, buildStamp, isCacheFresh } = cache;

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** "2 min 05 s" */
const elapsed = (ms) => {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
};

/** The default build step: @electron/rebuild over a work folder whose node_modules holds the copy. */
async function electronRebuild({ workDir, electronVersion, arch, jobs, log }) {
  const { rebuild } = await import('@electron/rebuild');
  const run = rebuild({
    buildPath: workDir,
    electronVersion,
    arch,
    onlyModules: [MODULE],
    force: true,
    mode: 'sequential',
    jobs,
  });
  run.lifecycle.on('module-found', (name) =>
    log(`  ${name}: a prebuilt binary if one can be downloaded, else a compile with ${jobs} jobs`),
  );
  run.lifecycle.on('module-done', (name) => log(`  ${name}: done`));
  await run;
}

/**
 * Ensures .native/electron-<version>/better_sqlite3.node exists for this Electron; returns its
 * path and whether it was (re)built. `build` is the compile/download step (tests pass their own);
 * while it runs a line every `tickMs` says it is still going. `abi` is Electron's ABI (default:
 * from the installed electron package or node-abi); the result must register exactly that one.
 */
export async function ensureElectronNative({
  projectRoot = root,
  electronVersion,
  platform = process.platform,
  arch = process.arch,
  build = electronRebuild,
  jobs = availableParallelism(),
  abi = electronAbi(projectRoot, electronVersion),
  tickMs = 30_000,
  log = (line) => console.log(line),
} = {}) {
  const moduleDir = join(projectRoot, 'node_modules', MODULE);
  const moduleVersion = readJson(join(moduleDir, 'package.json')).version;
  const stamp = buildStamp({ electronVersion, moduleVersion, platform, arch });
  const target = nativeBindingFile(projectRoot, electronVersion);
  if (isCacheFresh(projectRoot, stamp)) return { path: target, built: false };

  const dir = nativeCacheDir(projectRoot, electronVersion);
  const workDir = join(dir, 'work');
  rmSync(workDir, { recursive: true, force: true });
  const copy = join(workDir, 'node_modules', MODULE);
  mkdirSync(copy, { recursive: true });
  // The module's sources without its Node-ABI build output (nor a stale .forge-meta in it, which
  // would make @electron/rebuild believe the copy is built already).
  const skipped = [join(moduleDir, 'build'), join(moduleDir, 'node_modules')];
  cpSync(moduleDir, copy, {
    recursive: true,
    filter: (src) => !skipped.some((s) => src === s || src.startsWith(s + sep)),
  });
  writeFileSync(
    join(workDir, 'package.json'),
    JSON.stringify({
      name: 'naw-desk-native',
      private: true,
      dependencies: { [MODULE]: moduleVersion },
    }),
  );
  log(
    `Building ${MODULE} ${moduleVersion} for Electron ${electronVersion} (${platform}-${arch}, ABI ${abi}).`,
  );
  log(
    'This happens once per Electron version. A compile of SQLite with its ciphers takes a few minutes.',
  );
  const started = Date.now();
  const ticker = setInterval(
    () => log(`  still building (${elapsed(Date.now() - started)})…`),
    tickMs,
  );
  try {
    await build({ workDir, moduleDir: copy, electronVersion, platform, arch, jobs, log });
    const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
    if (!existsSync(built)) throw new Error(`the build finished but produced no ${built}`);
    checkAbi(built, abi, { fix: 'The build did not target Electron; nothing was cached.' });
    // Write the binary under a temporary name first: a half-copied file must never look cached.
    cpSync(built, `${target}.tmp`);
    renameSync(`${target}.tmp`, target);
    writeFileSync(join(dir, 'build.json'), JSON.stringify(stamp));
  } finally {
    clearInterval(ticker);
    rmSync(workDir, { recursive: true, force: true });
  }
  log(`Built ${target} in ${elapsed(Date.now() - started)}.`);
  return { path: target, built: true };
}

/**
 * A warning when node_modules holds a build that is not for this Node: what an older `npm run
 * dist` (which rebuilt the module in place for Electron) left behind. Tests and the CLI would then
 * fail with NODE_MODULE_VERSION errors.
 */
export function nodeBuildWarning(projectRoot = root, nodeAbi = process.versions.modules) {
  const file = join(projectRoot, 'node_modules', MODULE, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(file)) return null;
  const abis = moduleAbis(readFileSync(file));
  if (abis.length === 1 && abis[0] === nodeAbi) return null;
  return [
    `Warning: ${file} is built for ABI ${abis.join(', ') || '?'}, not for this Node (ABI ${nodeAbi}).`,
    'An earlier packaging run rebuilt it in place. `npm test` and the CLI need the Node build back:',
    `  npm rebuild ${MODULE}`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const electronVersion = readJson(join(root, 'node_modules', 'electron', 'package.json')).version;
  const warning = nodeBuildWarning();
  if (warning) console.warn(warning);
  ensureElectronNative({ electronVersion })
    .then((r) => {
      if (!r.built) console.log(`Up to date: ${r.path}`);
    })
    .catch((e) => {
      console.error(`Could not build the SQLite module for Electron: ${e?.message ?? e}`);
      process.exitCode = 1;
    });
}
