// Part of electron-builder's `afterPack` hook (scripts/after-pack.cjs): flips Electron's fuses in
// the packaged executable, before it is signed (see electron-builder.yml and docs/SECURITY.md).
// Fuses are bits in the Electron binary that switch features off for good; nothing at runtime
// (environment, arguments) can switch them back.
'use strict';
const { join } = require('node:path');

/** The fuse settings for NAW Desk, by @electron/fuses FuseV1Options name. */
const FUSES = Object.freeze({
  // ELECTRON_RUN_AS_NODE would turn the app into a plain Node with our privileges.
  RunAsNode: false,
  // Chromium's cookie store encrypted with the OS key (the app uses no cookies; belt and braces).
  EnableCookieEncryption: true,
  // NODE_OPTIONS / NODE_EXTRA_CA_CERTS could inject code or trust into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect / --inspect-brk / SIGUSR1 would open a debugger on the main process (and its keys).
  EnableNodeCliInspectArguments: false,
  // Validate app.asar against the hash electron-builder embeds (macOS, Windows).
  EnableEmbeddedAsarIntegrityValidation: true,
  // Load the app only from app.asar, never from a loose app/ folder next to it.
  OnlyLoadAppFromAsar: true,
  // We serve the renderer from app://, never file://: no extra file:// privileges.
  GrantFileProtocolExtraPrivileges: false,
});

const isMac = (platform) => platform === 'darwin' || platform === 'mas';

/** The file @electron/fuses must patch for this platform's packaged app. */
function executablePath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const productFilename = packager.appInfo.productFilename;
  if (isMac(electronPlatformName)) return join(appOutDir, `${productFilename}.app`);
  if (electronPlatformName === 'win32') return join(appOutDir, `${productFilename}.exe`);
  if (electronPlatformName === 'linux') return join(appOutDir, packager.executableName);
  throw new Error(`fuses: unsupported platform ${electronPlatformName}`);
}

/** The @electron/fuses config: our fuses by index, plus the ad-hoc re-signature on macOS. */
function fuseConfig(fuses, electronPlatformName) {
  const config = {
    version: fuses.FuseVersion.V1,
    resetAdHocDarwinSignature: isMac(electronPlatformName),
  };
  for (const [name, value] of Object.entries(FUSES)) {
    const index = fuses.FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`fuses: @electron/fuses does not know ${name}`);
    config[index] = value;
  }
  return config;
}

async function afterPack(context, fuses = require('@electron/fuses')) {
  const target = executablePath(context);
  await fuses.flipFuses(target, fuseConfig(fuses, context.electronPlatformName));
  console.log(
    `  • fuses flipped  ${Object.entries(FUSES)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  );
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.executablePath = executablePath;
module.exports.fuseConfig = fuseConfig;
