import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { LOGO_MAX_BYTES, type Logo } from '../../shared/schemas/settings';
import { wordedError } from '../core/errors';
import type { Db } from '../core/db';

/** The letterhead logo lives in the vault's setting table under this key (not in Settings). */
export const LOGO_KEY = 'letterheadLogo';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Checks a logo file: PNG by its signature, or SVG text with an <svg> root and nothing active in
 * it (no script, event handlers, external references, foreign objects). At most LOGO_MAX_BYTES.
 */
export function checkLogo(bytes: Buffer, name: string): Logo['mime'] {
  if (bytes.length === 0) throw wordedError('BAD_INPUT', 'ops.logoEmpty');
  if (bytes.length > LOGO_MAX_BYTES) {
    throw wordedError('BAD_INPUT', 'ops.logoTooBig', {
      size: Math.ceil(bytes.length / 1024),
      max: LOGO_MAX_BYTES / 1024,
    });
  }
  if (bytes.subarray(0, 8).equals(PNG_MAGIC)) return 'image/png';
  const text = bytes.toString('utf8');
  const start = text.replace(/^\uFEFF/, '').trimStart();
  const looksSvg =
    /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(start);
  if (!looksSvg) {
    throw wordedError('BAD_INPUT', 'ops.logoType', { name });
  }
  if (
    /<script|<foreignObject|\son[a-z]+\s*=|javascript:|<!ENTITY|(?:xlink:)?href\s*=\s*["']\s*(?!#|data:image\/)/i.test(
      text,
    )
  ) {
    throw wordedError('BAD_INPUT', 'ops.logoUnsafe');
  }
  return 'image/svg+xml';
}

export function readLogoFile(path: string, name: string): Logo {
  if (statSync(path).size > LOGO_MAX_BYTES) {
    throw wordedError('BAD_INPUT', 'ops.logoLarger', { max: LOGO_MAX_BYTES / 1024 });
  }
  const bytes = readFileSync(path);
  const mime = checkLogo(bytes, name);
  return {
    mime,
    name: name.slice(0, 200),
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    base64: bytes.toString('base64'),
  };
}

/** The stored logo, or null. For the letters and reports as well as the settings page. */
export function readLogo(db: Db): Logo | null {
  const row = db.prepare('SELECT value FROM setting WHERE key = ?').get(LOGO_KEY) as
    { value: string } | undefined;
  return row ? (JSON.parse(row.value) as Logo) : null;
}
