import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  chooseNativeBinding,
  electronNativeBindingPath,
  PACKED_NATIVE_BINDING,
  packedNativeBindingPath,
} from '../../electron/shell/native-binding';
import { tempDir } from '../support/desk';

interface NativeScript {
  nativeBindingFile(root: string, version: string): string;
  ensureElectronNative(o: {
    projectRoot: string;
    electronVersion: string;
    platform?: string;
    arch?: string;
    build: (o: {
      workDir: string;
      moduleDir: string;
      electronVersion: string;
      jobs: number;
    }) => Promise<void>;
    abi?: string;
    jobs?: number;
    tickMs?: number;
    log?: (line: string) => void;
  }): Promise<{ path: string; built: boolean }>;
  nodeBuildWarning(root: string, nodeAbi?: string): string | null;
}
const script = (await import(
  pathToFileURL(resolve('scripts/native-electron.mjs')).href
)) as NativeScript;
const require = createRequire(import.meta.url);
const abiGate = require('../../scripts/native-abi.cjs') as {
  moduleAbis(bytes: Buffer): string[];
  electronAbi(root: string, version: string): string;
  checkAbi(file: string, abi: string, o?: { runtime?: string; fix?: string }): void;
};
interface PackContext {
  appOutDir: string;
  arch: number;
  electronPlatformName: string;
  packager: {
    projectDir: string;
    config: { electronVersion: string };
    getResourcesDir(appOutDir: string): string;
  };
}
const packNative = require('../../scripts/pack-native.cjs') as {
  PACKED_NATIVE: string[];
  nativeForPack(context: PackContext, abi?: string): string;
  packNative(context: PackContext, abi?: string): string;
};
const beforePack = require('../../scripts/before-pack.cjs') as (c: PackContext) => Promise<void>;

describe('which native SQLite module the app loads', () => {
  const base = {
    isPackaged: false,
    env: {},
    appRoot: '/repo',
    resourcesPath: '/opt/NAW Desk/resources',
    electronVersion: '41.7.1',
    exists: () => true,
  };

  it('main.ts and the npm start pre-step agree on the cache path', () => {
    expect(electronNativeBindingPath('/repo', '41.7.1')).toBe(
      script.nativeBindingFile('/repo', '41.7.1'),
    );
    expect(electronNativeBindingPath('/repo', '41.7.1')).toBe(
      join('/repo', '.native', 'electron-41.7.1', 'better_sqlite3.node'),
    );
  });

  it('a development run uses NAW_DESK_NATIVE_BINDING when that file exists', () => {
    const env = { NAW_DESK_NATIVE_BINDING: '/elsewhere/x.node' };
    expect(chooseNativeBinding({ ...base, env })).toBe('/elsewhere/x.node');
    expect(chooseNativeBinding({ ...base, env, exists: (p) => p !== '/elsewhere/x.node' })).toBe(
      electronNativeBindingPath('/repo', '41.7.1'),
    );
  });

  it('a development run falls back to the .native cache, or to nothing', () => {
    expect(chooseNativeBinding(base)).toBe(electronNativeBindingPath('/repo', '41.7.1'));
    expect(chooseNativeBinding({ ...base, exists: () => false })).toBeUndefined();
  });

  it('a packaged app never takes a native module from the environment', () => {
    const env = { NAW_DESK_NATIVE_BINDING: '/tmp/evil.node' };
    expect(chooseNativeBinding({ ...base, isPackaged: true, env })).toBe(
      packedNativeBindingPath(base.resourcesPath),
    );
    expect(chooseNativeBinding({ ...base, isPackaged: true, env, exists: () => false })).toBe(
      undefined,
    );
  });

  it('a packaged app loads the module it ships beside its archive, by absolute path', () => {
    expect(chooseNativeBinding({ ...base, isPackaged: true })).toBe(
      join('/opt/NAW Desk/resources', 'app.asar.unpacked', 'native', 'better_sqlite3.node'),
    );
  });

  it('main.ts and the package step agree on where the packed module is', () => {
    expect([...PACKED_NATIVE_BINDING]).toEqual(packNative.PACKED_NATIVE);
  });
});

/** Electron 41's ABI, and what a build for it looks like to the ABI gate. */
const ABI = '145';
const ELECTRON_BUILD = `ELECTRON BUILD node_register_module_v${ABI}`;

/** A tiny stand-in for node_modules/better-sqlite3-multiple-ciphers with its Node-ABI build. */
function fakeProject() {
  const root = tempDir('naw-desk-native-');
  const mod = join(root, 'node_modules', 'better-sqlite3-multiple-ciphers');
  mkdirSync(join(mod, 'build', 'Release'), { recursive: true });
  mkdirSync(join(mod, 'src'), { recursive: true });
  writeFileSync(join(mod, 'package.json'), JSON.stringify({ version: '12.11.1' }));
  writeFileSync(join(mod, 'binding.gyp'), '{}');
  writeFileSync(join(mod, 'src', 'better_sqlite3.cpp'), '// source');
  writeFileSync(join(mod, 'build', 'Release', 'better_sqlite3.node'), 'NODE-ABI BUILD');
  return { root, mod };
}

describe('npm start pre-step: the Electron-ABI build in .native/', () => {
  it('builds from a copy without the Node-ABI output, caches it, and leaves node_modules alone', async () => {
    const { root, mod } = fakeProject();
    const seen: string[][] = [];
    const build = async (o: { moduleDir: string; electronVersion: string }) => {
      seen.push([o.moduleDir, o.electronVersion]);
      // The copy has the sources but not the Node-ABI build.
      expect(existsSync(join(o.moduleDir, 'src', 'better_sqlite3.cpp'))).toBe(true);
      expect(existsSync(join(o.moduleDir, 'build'))).toBe(false);
      mkdirSync(join(o.moduleDir, 'build', 'Release'), { recursive: true });
      writeFileSync(join(o.moduleDir, 'build', 'Release', 'better_sqlite3.node'), ELECTRON_BUILD);
    };
    const first = await script.ensureElectronNative({
      projectRoot: root,
      abi: ABI,
      electronVersion: '41.7.1',
      build,
      log: () => {},
    });
    expect(first).toEqual({ path: script.nativeBindingFile(root, '41.7.1'), built: true });
    expect(readFileSync(first.path, 'utf8')).toBe(ELECTRON_BUILD);
    expect(readFileSync(join(mod, 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe(
      'NODE-ABI BUILD',
    );
    expect(seen[0]![0]).not.toContain(
      join('node_modules', 'better-sqlite3-multiple-ciphers', 'build'),
    );
    expect(existsSync(join(root, '.native', 'electron-41.7.1', 'work'))).toBe(false);

    // Second run: cached, no build.
    const second = await script.ensureElectronNative({
      projectRoot: root,
      abi: ABI,
      electronVersion: '41.7.1',
      build,
      log: () => {},
    });
    expect(second.built).toBe(false);
    expect(seen).toHaveLength(1);

    // Another Electron version, or an updated module: built again.
    await script.ensureElectronNative({
      projectRoot: root,
      abi: ABI,
      electronVersion: '42.0.0',
      build,
      log: () => {},
    });
    writeFileSync(join(mod, 'package.json'), JSON.stringify({ version: '12.12.0' }));
    const updated = await script.ensureElectronNative({
      projectRoot: root,
      abi: ABI,
      electronVersion: '41.7.1',
      build,
      log: () => {},
    });
    expect(updated.built).toBe(true);
    expect(seen).toHaveLength(3);
  });

  it('a failed build leaves nothing that looks cached', async () => {
    const { root } = fakeProject();
    const failing = async () => {
      throw new Error('no compiler');
    };
    await expect(
      script.ensureElectronNative({
        projectRoot: root,
        abi: ABI,
        electronVersion: '41.7.1',
        build: failing,
        log: () => {},
      }),
    ).rejects.toThrow('no compiler');
    expect(existsSync(script.nativeBindingFile(root, '41.7.1'))).toBe(false);
    expect(existsSync(join(root, '.native', 'electron-41.7.1', 'work'))).toBe(false);
    const noOutput = async () => {};
    await expect(
      script.ensureElectronNative({
        projectRoot: root,
        abi: ABI,
        electronVersion: '41.7.1',
        build: noOutput,
        log: () => {},
      }),
    ).rejects.toThrow(/produced no/);
  });
});

describe('npm start pre-step: progress, all cores, and only an Electron build is cached', () => {
  it('says it is still building while the build runs, and uses every core', async () => {
    const { root } = fakeProject();
    const lines: string[] = [];
    const seenJobs: number[] = [];
    await script.ensureElectronNative({
      projectRoot: root,
      abi: ABI,
      electronVersion: '41.7.1',
      jobs: 7,
      tickMs: 5,
      build: async (o) => {
        seenJobs.push(o.jobs);
        await new Promise((r) => setTimeout(r, 40));
        mkdirSync(join(o.moduleDir, 'build', 'Release'), { recursive: true });
        writeFileSync(join(o.moduleDir, 'build', 'Release', 'better_sqlite3.node'), ELECTRON_BUILD);
      },
      log: (l) => lines.push(l),
    });
    expect(seenJobs).toEqual([7]);
    expect(lines[0]).toMatch(
      /^Building better-sqlite3-multiple-ciphers 12\.11\.1 for Electron 41\.7\.1 .*ABI 145/,
    );
    expect(lines.some((l) => l.includes('still building'))).toBe(true);
    expect(lines.at(-1)).toMatch(/^Built .*better_sqlite3\.node in \d+ s\.$/);
  });

  it('a build that is not for Electron’s ABI (a stale .forge-meta, a Node build) is not cached', async () => {
    const { root } = fakeProject();
    await expect(
      script.ensureElectronNative({
        projectRoot: root,
        abi: ABI,
        electronVersion: '41.7.1',
        build: async (o) => {
          mkdirSync(join(o.moduleDir, 'build', 'Release'), { recursive: true });
          writeFileSync(
            join(o.moduleDir, 'build', 'Release', 'better_sqlite3.node'),
            'node_register_module_v115',
          );
        },
        log: () => {},
      }),
    ).rejects.toThrow(/not built for Electron \(ABI 145\): it has ABI 115/);
    expect(existsSync(script.nativeBindingFile(root, '41.7.1'))).toBe(false);
  });

  it('warns when node_modules holds a build that is not for this Node', () => {
    const { root, mod } = fakeProject();
    const file = join(mod, 'build', 'Release', 'better_sqlite3.node');
    writeFileSync(file, `node_register_module_v${process.versions.modules}`);
    expect(script.nodeBuildWarning(root)).toBeNull();
    writeFileSync(file, ELECTRON_BUILD);
    expect(script.nodeBuildWarning(root)).toMatch(
      /built for ABI 145, not for this Node[\s\S]*npm rebuild better-sqlite3-multiple-ciphers/,
    );
  });
});

describe('the ABI gate (scripts/native-abi.cjs)', () => {
  const nodeBuild = resolve(
    'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node',
  );

  it('reads the ABI a real native module registers for: the installed one is Node’s', () => {
    expect(abiGate.moduleAbis(readFileSync(nodeBuild))).toEqual([process.versions.modules]);
    expect(abiGate.moduleAbis(Buffer.from('no symbol here'))).toEqual([]);
  });

  it('knows Electron’s ABI from the electron package (not Node’s)', () => {
    const version = (require('electron/package.json') as { version: string }).version;
    const abi = abiGate.electronAbi(resolve('.'), version);
    expect(abi).toMatch(/^\d+$/);
    expect(abi).not.toBe(process.versions.modules);
  });

  it('refuses the Node build for Electron and says what it found', () => {
    expect(() => abiGate.checkAbi(nodeBuild, ABI)).toThrow(
      `is not built for Electron (ABI ${ABI}): it has ABI ${process.versions.modules}`,
    );
    expect(() =>
      abiGate.checkAbi(nodeBuild, process.versions.modules, { runtime: 'Node' }),
    ).not.toThrow();
    const none = join(tempDir(), 'x.node');
    writeFileSync(none, 'napi_register_module_v1');
    expect(() => abiGate.checkAbi(none, ABI)).toThrow(/no node_register_module symbol at all/);
    expect(() => abiGate.checkAbi(join(tempDir(), 'missing.node'), ABI)).toThrow(/does not exist/);
  });
});

describe('the package step (scripts/pack-native.cjs, before-pack.cjs)', () => {
  /** A project with a .native build, and the context electron-builder hands a hook. */
  function packProject(stamp: Record<string, string>, bytes = ELECTRON_BUILD) {
    const { root } = fakeProject();
    const dir = join(root, '.native', 'electron-41.7.1');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'better_sqlite3.node'), bytes);
    writeFileSync(
      join(dir, 'build.json'),
      JSON.stringify({
        electronVersion: '41.7.1',
        module: 'better-sqlite3-multiple-ciphers',
        moduleVersion: '12.11.1',
        platform: 'linux',
        arch: 'x64',
        ...stamp,
      }),
    );
    const appOutDir = join(root, 'release', 'linux-unpacked');
    const context: PackContext = {
      appOutDir,
      arch: 1, // electron-builder's Arch.x64
      electronPlatformName: 'linux',
      packager: {
        projectDir: root,
        config: { electronVersion: '41.7.1' },
        getResourcesDir: (out) => join(out, 'resources'),
      },
    };
    return { root, context };
  }

  it('copies the checked Electron build beside the archive', () => {
    const { context } = packProject({});
    const to = packNative.packNative(context, ABI);
    expect(to).toBe(
      join(context.appOutDir, 'resources', 'app.asar.unpacked', 'native', 'better_sqlite3.node'),
    );
    expect(readFileSync(to, 'utf8')).toBe(ELECTRON_BUILD);
  });

  it('refuses a build for another platform, arch or module version, and a missing one', () => {
    expect(() => packNative.nativeForPack(packProject({ arch: 'arm64' }).context, ABI)).toThrow(
      /holds a linux-arm64 build, the package is linux-x64.*cannot be cross-compiled/,
    );
    expect(() =>
      packNative.nativeForPack(packProject({ platform: 'darwin' }).context, ABI),
    ).toThrow(/holds a darwin-x64 build/);
    expect(() =>
      packNative.nativeForPack(packProject({ moduleVersion: '12.0.0' }).context, ABI),
    ).toThrow(/version 12\.0\.0, node_modules has 12\.11\.1/);
    const { root, context } = packProject({});
    rmSync(join(root, '.native'), { recursive: true });
    expect(() => packNative.nativeForPack(context, ABI)).toThrow(
      /no SQLite module built for Electron 41\.7\.1 in \.native\/.*native-electron\.mjs/,
    );
  });

  it('refuses a Node-ABI build, before electron-builder packs anything', async () => {
    const { context } = packProject({}, `node_register_module_v${process.versions.modules}`);
    // Without an electron package in the project, Electron 41.7.1's ABI comes from node-abi.
    await expect(beforePack(context)).rejects.toThrow(
      `is not built for Electron 41.7.1 (ABI ${ABI}): it has ABI ${process.versions.modules}`,
    );
    expect(existsSync(join(context.appOutDir, 'resources'))).toBe(false);
  });
});
