// electron-builder `beforePack` hook: refuses, before anything is copied, to pack an app whose
// SQLite module is missing from .native/ or not built for the Electron, platform and arch being
// packed (scripts/pack-native.cjs). Fails in seconds instead of at the end of a long build.
'use strict';
const { nativeForPack } = require('./pack-native.cjs');

async function beforePack(context) {
  const file = nativeForPack(context);
  console.log(`  • SQLite module for Electron checked  file=${file}`);
}

module.exports = beforePack;
module.exports.default = beforePack;
