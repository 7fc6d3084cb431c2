// The SQLite module inside the package. electron-builder does not rebuild anything
// (`npmRebuild: false`): the package gets the Electron-ABI build that scripts/native-electron.mjs
// made in .native/electron-<version>/ — the one `npm start` runs — and node_modules is never
// touched. The archive holds the module's JavaScript (covered by the asar integrity check); its
// build folder, C sources and test extension stay out; the one `.node` goes beside the archive,
// in app.asar.unpacked/native/, where main.ts (electron/shell/native-binding.ts) loads it and
// hands its path to the import worker. A file that is not built for this Electron, platform and
// arch is refused before anything is packed (beforePack) and again when it is copied (afterPack).
'use strict';
const { copyFileSync, mkdirSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { checkAbi, electronAbi } = require('./native-abi.cjs');
const { moduleVersionIn, nativeBindingFile, readStamp } = require('./native-cache.cjs');

/** Below the resources folder. Keep in step with PACKED_NATIVE_BINDING in electron/shell/native-binding.ts. */
const PACKED_NATIVE = ['app.asar.unpacked', 'native', 'better_sqlite3.node'];

/** electron-builder's Arch enum (builder-util) as Node spells it. */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/** What is being packed: Electron version, platform and arch, from the hook's context. */
function packTarget(context) {
  const { packager } = context;
  const electronVersion = packager.config.electronVersion ?? packager.info?.framework?.version;
  const arch = typeof context.arch === 'number' ? ARCH_NAMES[context.arch] : String(context.arch);
  return {
    projectDir: packager.projectDir,
    electronVersion,
    platform: context.electronPlatformName,
    arch,
  };
}

/**
 * The .native build to pack, after checking that it was made for exactly this target; throws with
 * what to do otherwise. `abi` defaults to the target Electron's.
 */
function nativeForPack(context, abi) {
  const t = packTarget(context);
  const file = nativeBindingFile(t.projectDir, t.electronVersion);
  const stamp = readStamp(t.projectDir, t.electronVersion);
  const rebuild =
    'Run `node scripts/native-electron.mjs` (part of `npm run dist`) on this machine.';
  if (!stamp) {
    throw new Error(
      `pack-native: no SQLite module built for Electron ${t.electronVersion} in .native/. ${rebuild}`,
    );
  }
  const platform = t.platform === 'mas' ? 'darwin' : t.platform;
  if (stamp.platform !== platform || stamp.arch !== t.arch) {
    throw new Error(
      `pack-native: .native/ holds a ${stamp.platform}-${stamp.arch} build, the package is ${platform}-${t.arch}. ` +
        'A native module cannot be cross-compiled: build each installer on its own OS and architecture.',
    );
  }
  const moduleVersion = moduleVersionIn(t.projectDir);
  if (stamp.moduleVersion !== moduleVersion) {
    throw new Error(
      `pack-native: .native/ holds a build of version ${stamp.moduleVersion}, node_modules has ${moduleVersion}. ${rebuild}`,
    );
  }
  checkAbi(file, abi ?? electronAbi(t.projectDir, t.electronVersion), {
    runtime: `Electron ${t.electronVersion}`,
    fix: `Refusing to pack it: every vault would fail to open. ${rebuild}`,
  });
  return file;
}

/** Where the packed module goes for this packager and output folder. */
const packedNativePath = (context) =>
  join(context.packager.getResourcesDir(context.appOutDir), ...PACKED_NATIVE);

/** Copies the checked build beside the archive; returns the destination. */
function packNative(context, abi) {
  const from = nativeForPack(context, abi);
  const to = packedNativePath(context);
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
  return to;
}

module.exports = { PACKED_NATIVE, packTarget, nativeForPack, packedNativePath, packNative };
