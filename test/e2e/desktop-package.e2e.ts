import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { APP_ENTRY_URL, CONTENT_SECURITY_POLICY } from '../../electron/shell/security';
import { PRINT_OPTIONS } from '../../electron/shell/print';
import { SMOKE_TEAM } from '../../scripts/smoke/journey';
import { FUSE_OFF, FUSE_ON, writeFuseWire } from '../core/packaging-fuse-wire';
import { electronStandIn, type ElectronStandIn } from './desktop-electron-stand-in';

/**
 * The desktop path, proven without Electron. The built app (`npm run build`, which the e2e stage
 * runs first) is packed by the real electron-builder code path — `electron-builder --linux --dir`
 * with this repository's electron-builder.yml and hooks — against a stand-in Electron dist (a file
 * laid out like Electron's fuse wire), so nothing is downloaded. Then the packed archive is
 * unpacked and its main bundle runs under Node with a stand-in `electron` module, started and
 * driven by the driver of `npm run smoke:electron`: app:// serves the packed renderer, a vault is
 * created, CSV imports run in the packed import worker (which can only open the vault through
 * the native module path main.ts hands it), pdf.js reads a request document in the intake
 * worker, a letter is issued and printed. What only a real Electron can show is
 * `npm run smoke:electron` itself (docs/DESKTOP.md).
 */
const root = resolve('.');
const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as {
  getRawHeader(file: string): { header: unknown };
  extractAll(file: string, dest: string): void;
};
const { ENTRIES } = (await import(pathToFileURL(join(root, 'scripts', 'build-main.mjs')).href)) as {
  ENTRIES: Record<string, string>;
};
const MODULE = 'better-sqlite3-multiple-ciphers';
const nodeBuild = join(root, 'node_modules', MODULE, 'build', 'Release', 'better_sqlite3.node');
const electronVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;
const electronAbi = readFileSync(
  join(root, 'node_modules', 'electron', 'abi_version'),
  'utf8',
).trim();
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

interface SmokePlan {
  app: string;
  appData: string;
  resultFile: string;
}

let work: string;
let project: string;
let out: string;
let packOutput: string;
const nodeBuildSha = sha(nodeBuild);
const unpacked = () => join(out, 'linux-unpacked');
const resources = () => join(unpacked(), 'resources');

/** The Node build, relabelled as built for Electron's ABI: the same bytes with its symbol renamed. */
function electronAbiStandIn(abi: string): Buffer {
  const bytes = Buffer.from(readFileSync(nodeBuild));
  const found = [...bytes.toString('latin1').matchAll(/node_register_module_v(\d+)/g)];
  if (found.length === 0) throw new Error('the Node build has no node_register_module symbol');
  if (found.some((m) => m[1]!.length !== abi.length))
    throw new Error('cannot relabel: ABI lengths differ');
  for (const m of found) bytes.write(`node_register_module_v${abi}`, m.index, 'latin1');
  return bytes;
}

/**
 * A stand-in project: the built app, the config and hooks, the production node_modules (copied:
 * npm's view of a linked node_modules is not an installed one), and a .native build.
 */
function standInProject(dir: string, native: Buffer) {
  mkdirSync(dir);
  for (const f of ['package.json', 'electron-builder.yml'])
    copyFileSync(join(root, f), join(dir, f));
  mkdirSync(join(dir, 'scripts'));
  for (const f of readdirSync(join(root, 'scripts')).filter((n) => n.endsWith('.cjs'))) {
    copyFileSync(join(root, 'scripts', f), join(dir, 'scripts', f));
  }
  cpSync(join(root, 'dist'), join(dir, 'dist'), { recursive: true });
  cpSync(join(root, 'dist-electron'), join(dir, 'dist-electron'), { recursive: true });
  for (const name of productionClosure()) {
    cpSync(join(root, 'node_modules', name), join(dir, 'node_modules', name), { recursive: true });
  }
  // A package installed without saving, as CI installs the reference SQLCipher: never shipped.
  const extraneous = join(dir, 'node_modules', 'installed-without-saving');
  mkdirSync(extraneous);
  writeFileSync(
    join(extraneous, 'package.json'),
    '{"name":"installed-without-saving","version":"1.0.0"}',
  );
  writeFileSync(join(extraneous, 'index.js'), '');
  const cache = join(dir, '.native', `electron-${electronVersion}`);
  mkdirSync(cache, { recursive: true });
  writeFileSync(join(cache, 'better_sqlite3.node'), native);
  const moduleVersion = (require(`${MODULE}/package.json`) as { version: string }).version;
  writeFileSync(
    join(cache, 'build.json'),
    JSON.stringify({
      electronVersion,
      module: MODULE,
      moduleVersion,
      platform: 'linux',
      arch: process.arch,
    }),
  );
}

/** A folder laid out like Electron's Linux dist, with a fuse wire holding Electron's defaults. */
function standInElectronDist(dir: string) {
  mkdirSync(join(dir, 'locales'), { recursive: true });
  writeFuseWire(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'chrome-sandbox'), 'stand-in', { mode: 0o755 });
  writeFileSync(join(dir, 'locales', 'en-US.pak'), 'stand-in');
  writeFileSync(join(dir, 'LICENSE'), 'stand-in');
}

const withoutVitest = ({ VITEST: _vitest, ...env }: NodeJS.ProcessEnv) => env;

function electronBuilder(projectDir: string, output: string, dist: string) {
  return spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'electron-builder', 'cli.js'),
      '--linux',
      '--dir',
      '--publish',
      'never',
      `-c.electronDist=${dist}`,
      `-c.electronVersion=${electronVersion}`,
      `-c.directories.output=${output}`,
    ],
    {
      cwd: projectDir,
      encoding: 'utf8',
      // The hooks need the build tools (@electron/fuses, node-abi) a checkout has as dev
      // dependencies. Without VITEST, electron-builder logs as it does for `npm run dist`.
      env: {
        ...withoutVitest(process.env),
        ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
        NODE_PATH: join(root, 'node_modules'),
      },
      timeout: 150_000,
    },
  );
}

/** The files inside the packed archive (not those it lists as unpacked), with forward slashes. */
function archiveFiles(): string[] {
  type Entry = { files?: Record<string, Entry>; unpacked?: boolean };
  const { header } = asar.getRawHeader(join(resources(), 'app.asar')) as { header: Entry };
  const walk = (e: Entry, at: string): string[] =>
    Object.entries(e.files ?? {}).flatMap(([name, child]) =>
      child.files ? walk(child, `${at}${name}/`) : child.unpacked ? [] : [`${at}${name}`],
    );
  return walk(header, '');
}

/** Every file below `dir`, relative, with forward slashes. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** The production dependency closure, from package.json down through node_modules. */
function productionClosure(): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    const pkgFile = join(root, 'node_modules', name, 'package.json');
    if (!existsSync(pkgFile)) return; // an optional dependency not installed on this platform
    seen.add(name);
    const pkg = JSON.parse(readFileSync(pkgFile, 'utf8')) as Record<string, Record<string, string>>;
    for (const d of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) visit(d);
  };
  const top = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  for (const d of Object.keys(top.dependencies)) visit(d);
  return seen;
}

beforeAll(() => {
  for (const f of [
    'dist/renderer/index.html',
    ...Object.keys(ENTRIES).map((name) => `dist-electron/${name}.cjs`),
  ]) {
    if (!existsSync(join(root, f)))
      throw new Error(`${f} is missing: run \`npm run build\` first (npm run test:e2e does).`);
  }
  work = mkdtempSync(join(tmpdir(), 'naw-desk-pack-'));
  project = join(work, 'project');
  out = join(work, 'out');
  standInProject(project, electronAbiStandIn(electronAbi));
  standInElectronDist(join(work, 'electron-dist'));
  const r = electronBuilder(project, out, join(work, 'electron-dist'));
  packOutput = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0) throw new Error(`electron-builder failed (${r.status}):\n${packOutput}`);
}, 170_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('electron-builder --linux --dir (real electron-builder, stand-in Electron)', () => {
  it('packs the renderer, main, preload, workers, fonts and pdfkit data; no sources, tests, harness or CLI', () => {
    const files = archiveFiles();
    const bundles = Object.keys(ENTRIES)
      .filter((name) => name !== 'cli')
      .map((name) => `dist-electron/${name}.cjs`);
    const renderer = filesBelow(join(project, 'dist', 'renderer')).map((f) => `dist/renderer/${f}`);
    expect(files.filter((f) => !f.startsWith('node_modules/')).sort()).toEqual(
      ['package.json', ...bundles, ...renderer].sort(),
    );
    expect(files).toEqual(
      expect.arrayContaining([
        'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
        'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
        'node_modules/pdfkit/js/pdfkit.js',
        'node_modules/pdfkit/js/data/Helvetica.afm',
        'node_modules/pdfjs-dist/legacy/build/pdf.mjs',
        'node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs',
        `node_modules/${MODULE}/lib/index.js`,
        `node_modules/${MODULE}/package.json`,
      ]),
    );
    // No native file or source map inside the archive, and only the SQLite module's JavaScript.
    expect(files.filter((f) => /\.(node|map)$/.test(f))).toEqual([]);
    expect(
      files.filter(
        (f) =>
          f.startsWith(`node_modules/${MODULE}/`) && !/\/(lib\/|package\.json$|LICENSE$)/.test(f),
      ),
    ).toEqual([]);
    expect(files.filter((f) => f.startsWith('node_modules/dejavu-fonts-ttf/ttf/'))).toHaveLength(2);
  });

  it('ships exactly the production dependencies: nothing the bundles already hold, nothing extraneous', () => {
    const packages = new Set(
      archiveFiles()
        .filter((f) => f.startsWith('node_modules/'))
        .map((f) => f.split('/'))
        .map((p) => (p[1]!.startsWith('@') ? `${p[1]}/${p[2]}` : p[1]!)),
    );
    expect([...packages].sort()).toEqual([...productionClosure()].sort());
    for (const bundled of [
      'react',
      'react-dom',
      'react-router',
      'zod',
      'luxon',
      'i18next',
      'postal-mime',
    ]) {
      expect(packages.has(bundled), bundled).toBe(false);
    }
  });

  it('unpacks only native files: the Electron-ABI SQLite module and the canvas pdf.js needs', () => {
    const outside = filesBelow(resources()).filter((f) => f !== 'app.asar');
    const canvas = outside.filter((f) => f.startsWith('app.asar.unpacked/node_modules/@napi-rs/'));
    expect(outside).toEqual(['app.asar.unpacked/native/better_sqlite3.node', ...canvas].sort());
    expect(canvas.length).toBe(1);
    expect(canvas[0]).toMatch(
      /^app\.asar\.unpacked\/node_modules\/@napi-rs\/canvas-[\w-]+\/[\w.-]+\.node$/,
    );
    const packed = join(resources(), 'app.asar.unpacked', 'native', 'better_sqlite3.node');
    expect(readFileSync(packed).equals(electronAbiStandIn(electronAbi))).toBe(true);
    expect(packOutput).toContain('SQLite module for Electron checked');
  });

  it('flips the fuses in the packed executable', async () => {
    const wire = (await getCurrentFuseWire(join(unpacked(), 'naw-desk'))) as unknown as Record<
      number,
      number
    >;
    const { FUSES } = require('../../scripts/fuses.cjs') as { FUSES: Record<string, boolean> };
    for (const [name, on] of Object.entries(FUSES)) {
      expect(wire[FuseV1Options[name as keyof typeof FuseV1Options]], name).toBe(
        on ? FUSE_ON : FUSE_OFF,
      );
    }
    expect(wire[FuseV1Options.RunAsNode]).toBe(FUSE_OFF);
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(FUSE_OFF); // untouched
  });

  it('rebuilds nothing in node_modules: its Node build is the same file afterwards', () => {
    expect(packOutput).toContain('skipped dependencies rebuild');
    const copy = join(project, 'node_modules', MODULE, 'build', 'Release');
    expect(sha(join(copy, 'better_sqlite3.node'))).toBe(nodeBuildSha);
    expect(existsSync(join(copy, '.forge-meta'))).toBe(false);
  });

  it('refuses to pack a .node that is not built for Electron’s ABI, before packing anything', () => {
    const bad = join(work, 'project-node-abi');
    standInProject(bad, readFileSync(nodeBuild));
    const badOut = join(work, 'out-node-abi');
    const r = electronBuilder(bad, badOut, join(work, 'electron-dist'));
    expect(r.status).not.toBe(0);
    const said = `${r.stdout}\n${r.stderr}`;
    expect(said).toContain(`is not built for Electron ${electronVersion} (ABI ${electronAbi})`);
    expect(said).toContain(`it has ABI ${process.versions.modules}`);
    expect(existsSync(join(badOut, 'linux-unpacked', 'resources', 'app.asar'))).toBe(false);
  }, 60_000);
});

/**
 * The packed main bundle under Node, started the way `npm run smoke:electron` starts it in
 * Electron: by the smoke driver (scripts/smoke/electron-driver.cjs), which answers the dialogs,
 * prints to PDF and drives the smoke journey through the page — here the stand-in's simulated
 * page, whose calls reach the IPC handler as calls from the app's top frame.
 */
describe('the packed main bundle under Node, driven by the smoke driver', () => {
  let e: ElectronStandIn;
  let plan: SmokePlan;
  let packedNative: string;
  let result: { ok: boolean; error: string | null; checks: Record<string, unknown> };
  const frame = { senderFrame: { url: APP_ENTRY_URL, parent: null } };

  beforeAll(async () => {
    // The archive as the packaged app sees it; the unpacked module is Node's build (this is Node).
    const appDir = join(work, 'app');
    asar.extractAll(join(resources(), 'app.asar'), appDir);
    const res = join(work, 'resources');
    packedNative = join(res, 'app.asar.unpacked', 'native', 'better_sqlite3.node');
    mkdirSync(join(packedNative, '..'), { recursive: true });
    copyFileSync(nodeBuild, packedNative);
    (process as { resourcesPath?: string }).resourcesPath = res;

    const smoke = (await import(
      pathToFileURL(join(root, 'scripts', 'smoke-electron.mjs')).href
    )) as {
      smokeFolder(dir: string, mainBundle: string): { plan: SmokePlan; planFile: string };
    };
    const dir = join(work, 'smoke');
    mkdirSync(dir);
    const folder = smoke.smokeFolder(dir, join(appDir, 'dist-electron', 'main.cjs'));
    plan = folder.plan;
    e = electronStandIn({ appPath: plan.app, appData: join(dir, 'unused'), isPackaged: true });
    (globalThis as Record<string, unknown>).__nawDeskElectronStandIn = e.module;
    for (const at of [appDir, plan.app]) {
      mkdirSync(join(at, 'node_modules', 'electron'), { recursive: true });
      writeFileSync(
        join(at, 'node_modules', 'electron', 'index.js'),
        'module.exports = globalThis.__nawDeskElectronStandIn;',
      );
    }
    process.env.NAW_DESK_SMOKE_PLAN = folder.planFile;
    try {
      createRequire(join(plan.app, 'package.json'))('./driver.cjs');
      for (let i = 0; i < 1200 && !existsSync(plan.resultFile); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      delete process.env.NAW_DESK_SMOKE_PLAN;
    }
    result = JSON.parse(readFileSync(plan.resultFile, 'utf8')) as typeof result;
  }, 150_000);

  it('opens one window on app://naw-desk and serves the packed renderer with the CSP', async () => {
    expect(e.calls.loads[0]).toEqual({ window: 1, url: APP_ENTRY_URL });
    const serve = e.protocolHandlers.get('app')!;
    const index = (await serve({ url: APP_ENTRY_URL, method: 'GET' })) as Response;
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const html = await index.text();
    const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThan(0);
    for (const a of assets) {
      const r = (await serve({ url: `app://naw-desk/${a}`, method: 'GET' })) as Response;
      expect(r.status, a).toBe(200);
      expect(r.headers.get('content-type'), a).toMatch(/^(text\/javascript|text\/css)/);
    }
    const outside = (await serve({
      url: 'app://naw-desk/..%2fpackage.json',
      method: 'GET',
    })) as Response;
    expect(outside.status).toBe(403);
  });

  it('passes the smoke journey: vault, imports in the packed worker, intake, letter, print, quit', () => {
    expect(result.error).toBeNull();
    expect(result.ok).toBe(true);
    expect(result.checks).toMatchObject({
      url: APP_ENTRY_URL,
      imported: { customers: 2, numbers: 2 },
    });
    // The vault lived in the smoke folder's data folder, and the app quit at the end.
    expect(existsSync(join(plan.appData, 'NAW Desk', 'vault', 'vault.db'))).toBe(true);
    expect(e.calls.quit).toBe(1);
  });

  it('loaded the SQLite module beside the archive (the workers could load no other)', () => {
    // The archive's copy of the module has no build folder: only the path main.ts hands on works.
    expect(existsSync(join(work, 'app', 'node_modules', MODULE, 'build'))).toBe(false);
    expect(Object.keys(require.cache)).toContain(packedNative);
  });

  it('printed the letter in a hidden child of the main window, A4 without margins, one sheet a page', () => {
    expect(e.windows).toHaveLength(2);
    const [main, print] = e.windows as [(typeof e.windows)[0], (typeof e.windows)[0]];
    expect(print.options).toMatchObject({ show: false, parent: main });
    expect(print.options.webPreferences).toMatchObject({ javascript: false, sandbox: true });
    expect(result.checks.print).toEqual({ parentIsMain: true, options: PRINT_OPTIONS });
    expect(result.checks.printedPages).toBe(result.checks.letterPages);
    expect(print.destroyed).toBe(true);
  });

  it('a page that does not load is reported and ends the app; an aborted load is not', async () => {
    const invoke = e.ipcHandlers.get('desk:invoke')!;
    const admin = { userName: 'admin', passphrase: SMOKE_TEAM.admin.passphrase };
    expect(await invoke(frame, 'vault.unlock', admin)).toMatchObject({ ok: true });
    const contents = e.windows[0]!.webContents;
    // The driver answers error boxes (an Electron one would wait for a click) and records them.
    const boxes = () =>
      (JSON.parse(readFileSync(plan.resultFile, 'utf8')) as { errorBoxes: string[] }).errorBoxes;
    contents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', APP_ENTRY_URL, true);
    contents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', APP_ENTRY_URL, false);
    expect(e.calls.quit).toBe(1);
    contents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', APP_ENTRY_URL, true);
    expect(e.calls.quit).toBe(2);
    expect(boxes()).toEqual([
      expect.stringContaining('could not show its window (ERR_FILE_NOT_FOUND, -6)'),
    ]);
    // Quitting locked the vault.
    expect(await invoke(frame, 'settings.get', {})).toMatchObject({ ok: false, code: 'LOCKED' });
  });
});
