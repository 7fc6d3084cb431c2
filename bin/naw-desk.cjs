#!/usr/bin/env node
// The `naw-desk` command: runs the bundled CLI, rebuilding the bundle first when a source file is
// newer (so `npx naw-desk` works straight after `npm install` in a checkout).
'use strict';
const { existsSync, statSync, readdirSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const root = join(__dirname, '..');
const bundle = join(root, 'dist-electron', 'cli.cjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

async function main() {
  const stale =
    !existsSync(bundle) ||
    (existsSync(join(root, 'electron')) &&
      Math.max(newestSource(join(root, 'electron')), newestSource(join(root, 'shared'))) >
        statSync(bundle).mtimeMs);
  if (stale) {
    const { buildMain } = await import(pathToFileURL(join(root, 'scripts', 'build-main.mjs')).href);
    buildMain(['cli', 'import-worker', 'intake-worker']);
  }
  const { runCli } = require(bundle);
  process.exitCode = await runCli(process.argv.slice(2));
}

main().catch((e) => {
  process.stderr.write(`naw-desk: ${e && e.message ? e.message : e}\n`);
  process.exitCode = 1;
});
