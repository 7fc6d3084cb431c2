import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * electron-builder.yml, read and judged by electron-builder's own code (app-builder-lib, which
 * `npm run dist` uses): schema validation and its file matcher, not a re-implementation.
 */
const require = createRequire(import.meta.url);
type Config = Record<string, unknown> & {
  files: ({ filter: string[] } | string)[];
  asarUnpack: string[];
  linux: { target: string[]; executableName: string; maintainer: string };
  win: { target: string[] };
  mac: { target: string[] };
};
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(dir: string, file: string, extra: null): Promise<Config>;
  validateConfiguration(c: Config, logger: unknown): Promise<void>;
};
const { FileMatcher } = require('app-builder-lib/out/fileMatcher') as {
  FileMatcher: new (
    from: string,
    to: string,
    expand: (p: string) => string,
    patterns: string[],
  ) => {
    createFilter(): (file: string, stat: { isDirectory(): boolean }) => boolean;
    addPattern(p: string): void;
    prependPattern(p: string): void;
  };
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (on: boolean) => unknown };
const { Minimatch } = require('minimatch') as {
  Minimatch: new (p: string, o?: object) => { match(p: string): boolean };
};

const root = resolve('.');
const config = await getConfig(root, join(root, 'electron-builder.yml'), null);
const patterns = config.files.flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
const file = { isDirectory: () => false };

/** Whether a project file goes into the app, as electron-builder's FileMatcher decides. */
function shipped(path: string): boolean {
  const m = new FileMatcher(root, '/out', (p) => p, [...patterns]);
  return m.createFilter()(join(root, path), file);
}
/** node_modules files: electron-builder applies only the exclusions, after an implicit "**\/*". */
function shippedModule(path: string): boolean {
  const m = new FileMatcher(root, '/out', (p) => p, []);
  for (const p of patterns.filter((x) => x.startsWith('!'))) m.addPattern(p);
  m.prependPattern('**/*');
  return m.createFilter()(join(root, path), file);
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and its targets', () => {
    expect(config).toMatchObject({ appId: 'nl.nawdesk.desk', productName: 'NAW Desk' });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.executableName).toBe('naw-desk');
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('packs into asar with native modules unpacked, rebuilt for Electron, fuses after pack', () => {
    expect(config.asar).toBe(true);
    const unpack = new Minimatch(config.asarUnpack[0]!, { dot: true });
    expect(
      unpack.match(
        'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node',
      ),
    ).toBe(true);
    expect(unpack.match('dist-electron/main.cjs')).toBe(false);
    expect(config.npmRebuild).toBe(true);
    expect(config.afterPack).toBe('scripts/fuses.cjs');
    expect(existsSync(join(root, config.afterPack as string))).toBe(true);
  });

  it.each([
    'dist/renderer/index.html',
    'dist/renderer/assets/index-abc123.js',
    'dist/renderer/assets/index-abc123.css',
    'dist-electron/main.cjs',
    'dist-electron/preload.cjs',
    'package.json',
  ])('ships %s', (path) => expect(shipped(path)).toBe(true));

  it.each([
    'test/core/shell-security.test.ts',
    'test/harness/server.ts',
    'test/e2e/vault-journey.e2e.ts',
    'test/support/desk.ts',
    'bench/run.ts',
    'scripts/start.mjs',
    'scripts/fuses.cjs',
    'scripts/electronegativity-accepted.json',
    'docs/SECURITY.md',
    '.native/electron-41.7.1/better_sqlite3.node',
    'electron/main.ts',
    'electron/core/db.ts',
    'renderer/App.tsx',
    'shared/result.ts',
    'dist/renderer/assets/index-abc123.js.map',
    'dist/harness/server.js',
    'dist-electron/test/x.cjs',
    'README.md',
    'package-lock.json',
    'tsconfig.json',
    'vite.config.ts',
    'electron-builder.yml',
  ])('does not ship %s', (path) => expect(shipped(path)).toBe(false));

  it('keeps the production modules whole (exclusions are anchored at the project root)', () => {
    expect(shippedModule('node_modules/pdfkit/js/pdfkit.js')).toBe(true);
    expect(shippedModule('node_modules/pdfkit/js/data/Helvetica.afm')).toBe(true);
    expect(
      shippedModule(
        'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node',
      ),
    ).toBe(true);
    expect(shippedModule('node_modules/some-lib/scripts/runtime.js')).toBe(true);
    expect(shippedModule('test/core/x.test.ts')).toBe(false);
  });
});
