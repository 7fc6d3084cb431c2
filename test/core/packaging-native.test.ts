import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  chooseNativeBinding,
  electronNativeBindingPath,
} from '../../electron/shell/native-binding';
import { tempDir } from '../support/desk';

interface NativeScript {
  nativeBindingFile(root: string, version: string): string;
  ensureElectronNative(o: {
    projectRoot: string;
    electronVersion: string;
    platform?: string;
    arch?: string;
    build: (o: { workDir: string; moduleDir: string; electronVersion: string }) => Promise<void>;
    log?: (line: string) => void;
  }): Promise<{ path: string; built: boolean }>;
}
const script = (await import(
  pathToFileURL(resolve('scripts/native-electron.mjs')).href
)) as NativeScript;

describe('which native SQLite module the app loads', () => {
  const base = {
    isPackaged: false,
    env: {},
    appRoot: '/repo',
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
    expect(chooseNativeBinding({ ...base, isPackaged: true, env })).toBeUndefined();
  });
});

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
      writeFileSync(join(o.moduleDir, 'build', 'Release', 'better_sqlite3.node'), 'ELECTRON BUILD');
    };
    const first = await script.ensureElectronNative({
      projectRoot: root,
      electronVersion: '41.7.1',
      build,
      log: () => {},
    });
    expect(first).toEqual({ path: script.nativeBindingFile(root, '41.7.1'), built: true });
    expect(readFileSync(first.path, 'utf8')).toBe('ELECTRON BUILD');
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
      electronVersion: '41.7.1',
      build,
      log: () => {},
    });
    expect(second.built).toBe(false);
    expect(seen).toHaveLength(1);

    // Another Electron version, or an updated module: built again.
    await script.ensureElectronNative({
      projectRoot: root,
      electronVersion: '42.0.0',
      build,
      log: () => {},
    });
    writeFileSync(join(mod, 'package.json'), JSON.stringify({ version: '12.12.0' }));
    const updated = await script.ensureElectronNative({
      projectRoot: root,
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
        electronVersion: '41.7.1',
        build: noOutput,
        log: () => {},
      }),
    ).rejects.toThrow(/produced no/);
  });
});
