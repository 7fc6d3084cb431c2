// Where the Electron-ABI build of the SQLite module lives in a checkout (.native/), and what it was
// built for. Written by scripts/native-electron.mjs (`npm start`, `npm run dist`), read by
// scripts/pack-native.cjs when electron-builder packs the app. CommonJS so that both the ESM
// scripts and electron-builder's hooks can load it.
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const MODULE = 'better-sqlite3-multiple-ciphers';

/** Keep in step with electronNativeBindingPath in electron/shell/native-binding.ts. */
const nativeCacheDir = (projectRoot, electronVersion) =>
  join(projectRoot, '.native', `electron-${electronVersion}`);
const nativeBindingFile = (projectRoot, electronVersion) =>
  join(nativeCacheDir(projectRoot, electronVersion), 'better_sqlite3.node');
const stampFile = (projectRoot, electronVersion) =>
  join(nativeCacheDir(projectRoot, electronVersion), 'build.json');

/** What a cached build was made for; a different module version, platform or arch means rebuild. */
function buildStamp({ electronVersion, moduleVersion, platform, arch }) {
  return { electronVersion, module: MODULE, moduleVersion, platform, arch };
}

/** The installed module's version (node_modules/better-sqlite3-multiple-ciphers). */
const moduleVersionIn = (projectRoot) =>
  JSON.parse(readFileSync(join(projectRoot, 'node_modules', MODULE, 'package.json'), 'utf8'))
    .version;

/** The stamp of the cached build, or null when there is none (or it cannot be read). */
function readStamp(projectRoot, electronVersion) {
  try {
    return JSON.parse(readFileSync(stampFile(projectRoot, electronVersion), 'utf8'));
  } catch {
    return null;
  }
}

function isCacheFresh(projectRoot, stamp) {
  if (!existsSync(nativeBindingFile(projectRoot, stamp.electronVersion))) return false;
  const cached = readStamp(projectRoot, stamp.electronVersion);
  return cached !== null && JSON.stringify(cached) === JSON.stringify(stamp);
}

module.exports = {
  MODULE,
  nativeCacheDir,
  nativeBindingFile,
  stampFile,
  buildStamp,
  moduleVersionIn,
  readStamp,
  isCacheFresh,
};
