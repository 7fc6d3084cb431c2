import { existsSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * electron-builder.yml, read and judged by electron-builder's own code (app-builder-lib, which
 * `npm run dist` uses): schema validation and its file matcher, not a re-implementation.
 */
const require = createRequire(import.meta.url);
type Config = Record<string, unknown> & {
  files: ({ filter: string[] } | string)[];
  asar: { smartUnpack: boolean };
  asarUnpack: string[];
  linux: { target: string[]; executableName: string; maintainer: string };
  win: { target: string[]; signExts: string[] };
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
    // The deb first: it installs the AppArmor profile Ubuntu 23.10+ needs (docs/DESKTOP.md).
    expect(config.linux.target).toEqual(['deb', 'AppImage']);
    expect(config.linux.executableName).toBe('naw-desk');
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('packs into asar, unpacks no package by guesswork, rebuilds nothing, checks and adds the SQLite module', () => {
    expect(config.asar).toEqual({ smartUnpack: false });
    // The only native file unpacked by electron-builder: the canvas pdf.js loads in the intake worker.
    expect(config.asarUnpack).toEqual(['node_modules/@napi-rs/canvas-*/*.node']);
    const unpack = new Minimatch(config.asarUnpack[0]!, { dot: true });
    expect(unpack.match('node_modules/@napi-rs/canvas-linux-x64-gnu/skia.linux-x64-gnu.node')).toBe(
      true,
    );
    expect(unpack.match('node_modules/@napi-rs/canvas/index.js')).toBe(false);
    expect(unpack.match('dist-electron/main.cjs')).toBe(false);
    expect(config.npmRebuild).toBe(false);
    expect(config).not.toHaveProperty('buildDependenciesFromSource');
    expect(config.beforePack).toBe('scripts/before-pack.cjs');
    expect(config.afterPack).toBe('scripts/after-pack.cjs');
    for (const hook of [config.beforePack, config.afterPack] as string[]) {
      expect(existsSync(join(root, hook)), hook).toBe(true);
    }
    expect(config.win.signExts).toEqual(['.node']);
  });

  it('has what the deb needs: a homepage and a maintainer', () => {
    // electron-builder's deb target refuses to build without them ("Please specify project homepage").
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      homepage?: string;
    };
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(config.linux.maintainer).toMatch(/<[^@\s]+@[^>\s]+>$/);
  });

  it.each([
    'dist/renderer/index.html',
    'dist/renderer/assets/index-abc123.js',
    'dist/renderer/assets/index-abc123.css',
    'dist-electron/main.cjs',
    'dist-electron/preload.cjs',
    'dist-electron/import-worker.cjs',
    'dist-electron/intake-worker.cjs',
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
    'dist-electron/cli.cjs',
    'README.md',
    'package-lock.json',
    'tsconfig.json',
    'vite.config.ts',
    'electron-builder.yml',
  ])('does not ship %s', (path) => expect(shipped(path)).toBe(false));

  it('keeps the production modules whole (exclusions are anchored at the project root)', () => {
    expect(shippedModule('node_modules/pdfkit/js/pdfkit.js')).toBe(true);
    expect(shippedModule('node_modules/pdfkit/js/data/Helvetica.afm')).toBe(true);
    expect(shippedModule('node_modules/some-lib/scripts/runtime.js')).toBe(true);
    expect(shippedModule('node_modules/some-lib/build/Release/addon.node')).toBe(true);
    expect(shippedModule('test/core/x.test.ts')).toBe(false);
  });

  it('ships the SQLite module’s JavaScript only; its build, sources and test extension stay out', () => {
    const m = 'node_modules/better-sqlite3-multiple-ciphers';
    for (const f of ['lib/index.js', 'lib/methods/wrappers.js', 'package.json']) {
      expect(shippedModule(`${m}/${f}`), f).toBe(true);
    }
    for (const f of [
      'build/Release/better_sqlite3.node',
      'build/Release/test_extension.node',
      'build/Release/.forge-meta',
      'deps/sqlite3/sqlite3.c',
      'src/better_sqlite3.cpp',
      'binding.gyp',
    ]) {
      expect(shippedModule(`${m}/${f}`), f).toBe(false);
    }
  });

  it('ships the two DejaVu fonts the letters embed and pdf.js as the intake worker loads it', () => {
    expect(shippedModule('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf')).toBe(true);
    expect(shippedModule('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')).toBe(true);
    for (const f of [
      'DejaVuSans-Oblique.ttf',
      'DejaVuSans-BoldOblique.ttf',
      'DejaVuSans-ExtraLight.ttf',
      'DejaVuSansMono.ttf',
      'DejaVuSansCondensed-Bold.ttf',
      'DejaVuSerif.ttf',
      'DejaVuMathTeXGyre.ttf',
    ]) {
      expect(shippedModule(`node_modules/dejavu-fonts-ttf/ttf/${f}`), f).toBe(false);
    }
    const pdfjs = 'node_modules/pdfjs-dist';
    expect(shippedModule(`${pdfjs}/legacy/build/pdf.mjs`)).toBe(true);
    expect(shippedModule(`${pdfjs}/legacy/build/pdf.worker.mjs`)).toBe(true);
    expect(shippedModule(`${pdfjs}/package.json`)).toBe(true);
    for (const f of [
      'build/pdf.mjs',
      'web/pdf_viewer.mjs',
      'legacy/build/pdf.min.mjs',
      'legacy/build/pdf.sandbox.mjs',
      'legacy/web/pdf_viewer.mjs',
      'cmaps/78-H.bcmap',
      'types/src/pdf.d.ts',
    ]) {
      expect(shippedModule(`${pdfjs}/${f}`), f).toBe(false);
    }
  });
});

/**
 * `dependencies` is what the packaged app carries in node_modules, so it must be exactly what the
 * main-process bundles load at run time — the modules scripts/build-main.mjs leaves external
 * (those the bundles require), plus packages read as files (the fonts) — and not what esbuild or
 * Vite already bundled (React, zod, luxon … would be shipped a second time).
 */
const build = (await import(pathToFileURL(join(root, 'scripts', 'build-main.mjs')).href)) as {
  ENTRIES: Record<string, string>;
  bundleOptions(name: string): Record<string, unknown>;
};

describe('package.json dependencies', () => {
  /** Packages the app reads as files at run time rather than requiring them. */
  const READ_AS_FILES = ['dejavu-fonts-ttf'];
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };

  it('are exactly the external modules the app bundles load, and the fonts', () => {
    const loaded = new Set<string>();
    for (const name of Object.keys(build.ENTRIES).filter((n) => n !== 'cli')) {
      const out = buildSync({ ...build.bundleOptions(name), write: false, metafile: true });
      for (const o of Object.values(out.metafile!.outputs)) {
        for (const i of o.imports) {
          if (!i.external || i.path.startsWith('node:') || builtinModules.includes(i.path))
            continue;
          const parts = i.path.split('/');
          loaded.add(parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!);
        }
      }
    }
    loaded.delete('electron'); // Electron itself is the runtime, never a dependency
    // fontkit is pdfkit's own dependency, external only so that it is never bundled twice.
    loaded.delete('fontkit');
    expect(Object.keys(pkg.dependencies).sort()).toEqual([...loaded, ...READ_AS_FILES].sort());
  }, 60_000);

  it('the fonts the letters embed come from a dependency', async () => {
    const { FONT_FILES } = await import('../../electron/letters/fonts');
    for (const f of Object.values(FONT_FILES)) expect(READ_AS_FILES).toContain(f.split('/')[0]);
  });
});
