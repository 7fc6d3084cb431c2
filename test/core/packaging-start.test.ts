import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/desk';

interface StartScript {
  electronBinary(root: string): { ok: boolean; version?: string; path?: string; reason?: string };
}
const start = (await import(pathToFileURL(resolve('scripts/start.mjs')).href)) as StartScript;

describe('npm start', () => {
  it('without an Electron binary: exits 1 with how to install it, before building anything', () => {
    // ELECTRON_OVERRIDE_DIST_PATH makes the electron package point at a folder without a binary,
    // so this holds on machines where Electron is installed too.
    const r = spawnSync(process.execPath, ['scripts/start.mjs'], {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(tempDir(), 'no-electron-here') },
      timeout: 20_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('NAW Desk cannot start');
    expect(r.stderr).toContain('node node_modules/electron/install.js');
    expect(r.stderr).toContain('npm install');
    expect(r.stderr).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
    expect(r.stdout).not.toContain('Building');
  });

  it('finds the binary through the electron package, and explains each way it can be missing', () => {
    const root = tempDir('naw-desk-start-');
    expect(start.electronBinary(root)).toMatchObject({ ok: false, reason: /not installed/ });

    const pkg = join(root, 'node_modules', 'electron');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ version: '41.7.1' }));
    writeFileSync(join(pkg, 'index.js'), "throw new Error('Electron failed to install correctly')");
    expect(start.electronBinary(root)).toMatchObject({
      ok: false,
      version: '41.7.1',
      reason: /never downloaded/,
    });

    const binary = join(root, 'electron-binary');
    writeFileSync(join(pkg, 'index.js'), `module.exports = ${JSON.stringify(binary)};`);
    expect(start.electronBinary(root)).toMatchObject({ ok: false, reason: /missing/ });

    writeFileSync(binary, '');
    expect(start.electronBinary(root)).toEqual({ ok: true, version: '41.7.1', path: binary });
  });
});
