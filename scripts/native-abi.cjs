// The ABI gate: which Node ABI a native module was built for, read from the module file itself.
// A module built with node-gyp against Node's or Electron's headers exports the symbol
// `node_register_module_v<ABI>`; Node loads a module only when that number is its own
// NODE_MODULE_VERSION. Electron's ABI is not Node's (Electron 41: 145, Node 20: 115), so a
// module built for one runtime fails in the other with "was compiled against a different Node.js
// version" — in the app that would make every vault look damaged. Used by
// scripts/native-electron.mjs (after a build) and scripts/pack-native.cjs (before packing).
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

/** The ABIs a native module registers itself for (normally exactly one), as strings. */
function moduleAbis(bytes) {
  const found = new Set();
  for (const m of bytes.toString('latin1').matchAll(/node_register_module_v(\d+)/g))
    found.add(m[1]);
  return [...found].sort();
}

/**
 * Electron's ABI for `electronVersion`: the `abi_version` file the electron package ships when
 * that package is the version asked for, else node-abi's table.
 */
function electronAbi(projectRoot, electronVersion) {
  const pkgDir = join(projectRoot, 'node_modules', 'electron');
  try {
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
    const file = join(pkgDir, 'abi_version');
    if (pkg.version === electronVersion && existsSync(file)) {
      const abi = readFileSync(file, 'utf8').trim();
      if (/^\d+$/.test(abi)) return abi;
    }
  } catch {
    // no electron package here: ask node-abi
  }
  try {
    return String(require('node-abi').getAbi(electronVersion, 'electron'));
  } catch (e) {
    throw new Error(`cannot tell the ABI of Electron ${electronVersion}: ${e?.message ?? e}`);
  }
}

/** Throws, saying what was found and how to fix it, unless `file` is built for exactly `abi`. */
function checkAbi(file, abi, { runtime = 'Electron', fix = '' } = {}) {
  if (!existsSync(file)) throw new Error(`${file} does not exist.${fix ? ` ${fix}` : ''}`);
  const abis = moduleAbis(readFileSync(file));
  if (abis.length === 1 && abis[0] === abi) return;
  const found = abis.length ? `ABI ${abis.join(', ')}` : 'no node_register_module symbol at all';
  throw new Error(
    `${file} is not built for ${runtime} (ABI ${abi}): it has ${found}.${fix ? ` ${fix}` : ''}`,
  );
}

module.exports = { moduleAbis, electronAbi, checkAbi };
