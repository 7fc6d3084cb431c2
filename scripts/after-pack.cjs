// electron-builder `afterPack` hook, before signing: puts the checked Electron-ABI SQLite module
// beside the archive (scripts/pack-native.cjs), then flips Electron's fuses in the packaged
// executable (scripts/fuses.cjs). Both must happen before electron-builder signs, so the
// signature covers the module and the fuse bits.
'use strict';
const flipFuses = require('./fuses.cjs');
const { packNative } = require('./pack-native.cjs');

async function afterPack(context) {
  const to = packNative(context);
  console.log(`  • SQLite module for Electron packed  file=${to}`);
  await flipFuses(context);
}

module.exports = afterPack;
module.exports.default = afterPack;
