import { buildSync } from 'esbuild';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/contract';

// The only mock allowed: Electron itself. contextBridge records what the preload exposes.
const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, data: 'answer' })),
  // Electron knows where a File the user dropped lies; any other object has no place on disk.
  dropped: new WeakMap<object, string>(),
}));
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      if (electron.exposed.has(key)) throw new Error(`exposed twice: ${key}`);
      electron.exposed.set(key, api);
    },
  },
  ipcRenderer: { invoke: electron.invoke },
  webUtils: {
    getPathForFile: (file: object) => {
      if (typeof file !== 'object' || file === null) throw new TypeError('not a File');
      return electron.dropped.get(file) ?? '';
    },
  },
}));

await import('../../electron/preload');

describe('preload', () => {
  it('exposes exactly window.desk and window.deskHost', () => {
    expect([...electron.exposed.keys()].sort()).toEqual(['desk', 'deskHost']);
    expect(electron.exposed.get('deskHost')).toEqual({ kind: 'electron' });
  });

  it('window.desk has one function per contract channel and nothing else', () => {
    const desk = electron.exposed.get('desk') as Record<string, Record<string, unknown>>;
    const exposed = Object.entries(desk).flatMap(([domain, methods]) =>
      Object.entries(methods).map(([method, fn]) => {
        expect(typeof fn, `${domain}.${method}`).toBe('function');
        return `${domain}.${method}`;
      }),
    );
    expect(exposed.sort()).toEqual([...CHANNELS].sort());
  });

  it('every call is one invoke on the one channel, with the channel name and input', async () => {
    const desk = electron.exposed.get('desk') as Record<
      string,
      Record<string, (i?: unknown) => Promise<unknown>>
    >;
    await expect(desk.vault!.state!({})).resolves.toEqual({ ok: true, data: 'answer' });
    expect(electron.invoke).toHaveBeenLastCalledWith('desk:invoke', 'vault.state', {});
    await desk.vault!.unlock!({ userName: 'a', passphrase: 'b' });
    expect(electron.invoke).toHaveBeenLastCalledWith('desk:invoke', 'vault.unlock', {
      userName: 'a',
      passphrase: 'b',
    });
    await desk.vault!.lock!();
    expect(electron.invoke).toHaveBeenLastCalledWith('desk:invoke', 'vault.lock', {});
  });

  it('bundles for a sandboxed preload: the only require left is electron', () => {
    // Same esbuild settings as scripts/build-main.mjs, in memory.
    const out = buildSync({
      entryPoints: ['electron/preload.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      external: ['electron', 'better-sqlite3-multiple-ciphers', 'pdfkit', 'fontkit'],
    });
    const code = out.outputFiles[0]!.text;
    const requires = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/\bprocess\.(env|binding|dlopen)|better-sqlite3/);
  });

  it('files.dropped takes the dropped File and sends only where it lies, never a path from the page', async () => {
    const files = (electron.exposed.get('desk') as Record<string, Record<string, unknown>>)
      .files as { dropped: (file: unknown) => Promise<unknown> };
    const file = { name: 'vordering.eml' };
    electron.dropped.set(file, '/home/olga/Downloads/vordering.eml');
    await files.dropped(file);
    expect(electron.invoke).toHaveBeenLastCalledWith('desk:invoke', 'files.dropped', {
      path: '/home/olga/Downloads/vordering.eml',
    });
    // A path the page writes itself, a File it made, or nothing: no place on disk is sent.
    for (const forged of [
      { path: '/etc/passwd' },
      { name: 'made.eml' },
      '/etc/passwd',
      undefined,
    ]) {
      await files.dropped(forged);
      expect(electron.invoke).toHaveBeenLastCalledWith('desk:invoke', 'files.dropped', {
        path: '',
      });
    }
  });
});
