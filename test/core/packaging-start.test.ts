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

interface SandboxHost {
  read(file: string): string | null;
  stat(file: string): { uid: number; mode: number } | null;
  list(dir: string): string[];
  realpath(file: string): string;
}
const sandbox = (await import(pathToFileURL(resolve('scripts/linux-sandbox.mjs')).href)) as {
  sandboxProblem(o: { electronPath: string; platform?: string; host?: SandboxHost }): string | null;
  devProfile(electronPath: string): string;
};

describe('npm start on Linux: will Electron’s sandbox start?', () => {
  const electronPath = '/home/ann/naw-desk/node_modules/electron/dist/electron';
  const helper = '/home/ann/naw-desk/node_modules/electron/dist/chrome-sandbox';
  /** A Linux as the check sees it: sysctls, the helper's owner and mode, AppArmor profiles. */
  function host(o: {
    restrict?: string;
    clone?: string;
    helper?: { uid: number; mode: number };
    profiles?: Record<string, string>;
  }): SandboxHost {
    const files: Record<string, string> = { ...o.profiles };
    if (o.restrict)
      files['/proc/sys/kernel/apparmor_restrict_unprivileged_userns'] = `${o.restrict}\n`;
    if (o.clone) files['/proc/sys/kernel/unprivileged_userns_clone'] = `${o.clone}\n`;
    return {
      read: (f) => files[f] ?? null,
      stat: (f) => (f === helper ? (o.helper ?? { uid: 1000, mode: 0o100755 }) : null),
      list: (d) => Object.keys(o.profiles ?? {}).filter((f) => f.startsWith(`${d}/`)),
      realpath: (f) => f,
    };
  }
  const problem = (h: SandboxHost, platform = 'linux') =>
    sandbox.sandboxProblem({ electronPath, platform, host: h });

  it('Ubuntu 24.04 (AppArmor restricts user namespaces), helper not SUID: stops with both fixes', () => {
    const said = problem(host({ restrict: '1' }));
    expect(said).toContain('NAW Desk cannot start Electron here');
    expect(said).toContain('Ubuntu 23.10 or later');
    expect(said).toContain('sudo apparmor_parser -r /etc/apparmor.d/naw-desk-dev');
    expect(said).toContain(`profile naw-desk-dev "${electronPath}" flags=(unconfined)`);
    expect(said).toContain(`sudo chown root:root "${helper}" && sudo chmod 4755 "${helper}"`);
    expect(said).not.toMatch(/--no-sandbox/);
  });

  it('starts when the helper is SUID root, or an AppArmor profile lets this Electron in', () => {
    expect(problem(host({ restrict: '1', helper: { uid: 0, mode: 0o104755 } }))).toBeNull();
    const profile = { '/etc/apparmor.d/naw-desk-dev': sandbox.devProfile(electronPath) };
    expect(problem(host({ restrict: '1', profiles: profile }))).toBeNull();
    // A profile for another program does not count, nor one without userns.
    const other = { '/etc/apparmor.d/x': 'profile x "/opt/x/x" { userns, }' };
    expect(problem(host({ restrict: '1', profiles: other }))).not.toBeNull();
    const noUserns = { '/etc/apparmor.d/y': `profile y "${electronPath}" { }` };
    expect(problem(host({ restrict: '1', profiles: noUserns }))).not.toBeNull();
  });

  it('a Linux that allows user namespaces, and other platforms, need nothing', () => {
    expect(problem(host({ restrict: '0' }))).toBeNull();
    expect(problem(host({}))).toBeNull();
    expect(problem(host({ restrict: '1' }), 'darwin')).toBeNull();
    expect(problem(host({ restrict: '1' }), 'win32')).toBeNull();
  });

  it('an older Debian without unprivileged user namespaces: only the SUID fix applies', () => {
    const said = problem(host({ clone: '0' }))!;
    expect(said).toContain('does not allow unprivileged user namespaces');
    expect(said).toContain('sudo chmod 4755');
    expect(said).not.toContain('apparmor_parser');
  });
});
