// Builds better-sqlite3-multiple-ciphers for Electron's ABI into .native/electron-<version>/, from a
// COPY of the module, so node_modules keeps the Node-ABI build that `npm test` and the CLI use
// (see docs/SECURITY.md). @electron/rebuild first tries the module's prebuilt binary for this Electron
// (prebuild-install, downloaded from the module's GitHub releases) and falls back to compiling
// with node-gyp against Electron's headers. Skipped when the cache already holds a build for this
// Electron version, module version, platform and arch. Used by scripts/start.mjs.
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const MODULE = 'better-sqlite3-multiple-ciphers';

/** Keep in step with electronNativeBindingPath in electron/shell/native-binding.ts. */
export const nativeCacheDir = (projectRoot, electronVersion) =>
  join(projectRoot, '.native', `electron-${electronVersion}`);
export const nativeBindingFile = (projectRoot, electronVersion) =>
  join(nativeCacheDir(projectRoot, electronVersion), 'better_sqlite3.node');

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** What a cached build was made for; a different module version, platform or arch means rebuild. */
export function buildStamp({ electronVersion, moduleVersion, platform, arch }) {
  return { electronVersion, module: MODULE, moduleVersion, platform, arch };
}

export function isCacheFresh(projectRoot, stamp) {
  const dir = nativeCacheDir(projectRoot, stamp.electronVersion);
  const stampFile = join(dir, 'build.json');
  if (!existsSync(join(dir, 'better_sqlite3.node')) || !existsSync(stampFile)) return false;
  try {
    return JSON.stringify(readJson(stampFile)) === JSON.stringify(stamp);
  } catch {
    return false;
  }
}

/** The default build step: @electron/rebuild over a work folder whose node_modules holds the copy. */
async function electronRebuild({ workDir, electronVersion, arch }) {
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({
    buildPath: workDir,
    electronVersion,
    arch,
    onlyModules: [MODULE],
    force: true,
    mode: 'sequential',
  });
}

/**
 * Ensures .native/electron-<version>/better_sqlite3.node exists for this Electron; returns its
 * path and whether it was (re)built. `build` is the compile/download step (tests pass their own).
 */
export async function ensureElectronNative({
  projectRoot = root,
  electronVersion,
  platform = process.platform,
  arch = process.arch,
  build = electronRebuild,
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
  // The module's sources without its Node-ABI build output.
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
    `Building ${MODULE} ${moduleVersion} for Electron ${electronVersion} (${platform}-${arch}); this happens once per Electron version…`,
  );
  try {
    await build({ workDir, moduleDir: copy, electronVersion, platform, arch });
    const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
    if (!existsSync(built)) throw new Error(`the build finished but produced no ${built}`);
    // Write the binary under a temporary name first: a half-copied file must never look cached.
    cpSync(built, `${target}.tmp`);
    renameSync(`${target}.tmp`, target);
    writeFileSync(join(dir, 'build.json'), JSON.stringify(stamp));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  return { path: target, built: true };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const electronVersion = readJson(join(root, 'node_modules', 'electron', 'package.json')).version;
  ensureElectronNative({ electronVersion })
    .then((r) => console.log(r.built ? `Built ${r.path}` : `Up to date: ${r.path}`))
    .catch((e) => {
      console.error(`Could not build the SQLite module for Electron: ${e?.message ?? e}`);
      process.exitCode = 1;
    });
}
