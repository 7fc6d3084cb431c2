import { writeFileSync } from 'node:fs';

/**
 * A file laid out like an Electron binary's fuse wire (V1, eight fuses) with Electron's defaults,
 * for the tests that run the real @electron/fuses (packaging-fuses) or the real electron-builder
 * (test/e2e/desktop-package.e2e.ts) without an Electron binary.
 */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
export const FUSE_ON = 49;
export const FUSE_OFF = 48;
const DEFAULTS = [FUSE_ON, FUSE_OFF, FUSE_ON, FUSE_ON, FUSE_OFF, FUSE_OFF, FUSE_OFF, FUSE_ON];

export function writeFuseWire(file: string, mode = 0o644): void {
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.from('\x7fELF padding '),
      Buffer.from(FUSE_SENTINEL),
      Buffer.from([1, DEFAULTS.length, ...DEFAULTS]),
      Buffer.from(' rest of the binary'),
    ]),
    { mode },
  );
}
