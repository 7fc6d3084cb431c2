import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { tempDir } from '../support/desk';
import { FUSE_OFF, FUSE_ON, writeFuseWire } from './packaging-fuse-wire';

interface AfterPackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}
type FusesModule = typeof import('@electron/fuses');
type AfterPack = ((context: AfterPackContext, fuses?: FusesModule) => Promise<void>) & {
  default: unknown;
  FUSES: Record<string, boolean>;
};
const afterPack = createRequire(import.meta.url)('../../scripts/fuses.cjs') as AfterPack;

const ON = FUSE_ON;
const OFF = FUSE_OFF;

const EXPECTED: Record<number, number> = {
  [FuseV1Options.RunAsNode]: OFF,
  [FuseV1Options.EnableCookieEncryption]: ON,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: OFF,
  [FuseV1Options.EnableNodeCliInspectArguments]: OFF,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: ON,
  [FuseV1Options.OnlyLoadAppFromAsar]: ON,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: OFF, // untouched (Electron default)
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: OFF,
};

describe('afterPack fuses (scripts/fuses.cjs)', () => {
  it('is what electron-builder calls', () => {
    expect(typeof afterPack).toBe('function');
    expect(afterPack.default).toBe(afterPack);
  });

  it.each([
    ['linux', 'naw-desk'],
    ['win32', 'NAW Desk.exe'],
  ])(
    'flips the fuses in the %s executable (real @electron/fuses on a fake binary)',
    async (platform, exe) => {
      const appOutDir = tempDir('naw-desk-fuses-');
      writeFuseWire(join(appOutDir, exe));
      const log = console.log;
      console.log = () => {};
      try {
        await afterPack({
          appOutDir,
          electronPlatformName: platform,
          packager: { appInfo: { productFilename: 'NAW Desk' }, executableName: 'naw-desk' },
        });
      } finally {
        console.log = log;
      }
      const wire = await getCurrentFuseWire(join(appOutDir, exe));
      const { version, ...fuses } = wire as unknown as Record<string, unknown>;
      expect(version).toBe(FuseVersion.V1);
      expect(fuses).toEqual(EXPECTED);
      expect(readFileSync(join(appOutDir, exe), 'latin1')).toContain(' rest of the binary');
    },
  );

  it('on macOS targets the .app bundle and re-signs ad hoc (fuses module stubbed: no codesign here)', async () => {
    const real = await import('@electron/fuses');
    const calls: [string, Record<string, unknown>][] = [];
    const fuses = {
      ...real,
      flipFuses: async (path: string, config: Record<string, unknown>) => {
        calls.push([path, config]);
        return 1;
      },
    } as unknown as FusesModule;
    const appOutDir = tempDir('naw-desk-fuses-');
    mkdirSync(join(appOutDir, 'NAW Desk.app'));
    const log = console.log;
    console.log = () => {};
    try {
      await afterPack(
        {
          appOutDir,
          electronPlatformName: 'darwin',
          packager: { appInfo: { productFilename: 'NAW Desk' } },
        },
        fuses,
      );
    } finally {
      console.log = log;
    }
    expect(calls).toHaveLength(1);
    const [path, config] = calls[0]!;
    expect(path).toBe(join(appOutDir, 'NAW Desk.app'));
    expect(config).toEqual({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('refuses an unknown platform instead of silently shipping unfused', async () => {
    await expect(
      afterPack({
        appOutDir: tempDir(),
        electronPlatformName: 'freebsd',
        packager: { appInfo: { productFilename: 'NAW Desk' } },
      }),
    ).rejects.toThrow(/unsupported platform/);
  });

  it('fails when the binary has no fuse wire', async () => {
    const appOutDir = tempDir();
    writeFileSync(join(appOutDir, 'naw-desk'), 'not electron');
    await expect(
      afterPack({
        appOutDir,
        electronPlatformName: 'linux',
        packager: { appInfo: { productFilename: 'NAW Desk' }, executableName: 'naw-desk' },
      }),
    ).rejects.toThrow(/sentinel/);
  });
});
