import type { Logo } from '../../shared/schemas/settings';
import type { DeskContext } from '../core/context';
import { writeSetting } from '../core/settings';
import { LOGO_KEY, readLogo, readLogoFile } from '../ops/logo';

const fingerprint = (l: Logo) => ({ mime: l.mime, size: l.size, sha256: l.sha256 });

/** Stores the picked logo file (checked by readLogoFile) in the vault; audited before/after. */
export function setLogo(ctx: DeskContext, token: string): Logo {
  const file = ctx.session.files.resolve(token);
  const logo = readLogoFile(file.path, file.name);
  const before = readLogo(ctx.db);
  ctx.db.transaction(() => {
    writeSetting(ctx.db, LOGO_KEY, logo);
    ctx.audit('settings.changed', 'settings:logo', {
      before: before ? fingerprint(before) : null,
      after: fingerprint(logo),
    });
  })();
  return logo;
}

export function clearLogo(ctx: DeskContext): { done: true } {
  const before = readLogo(ctx.db);
  if (before) {
    ctx.db.transaction(() => {
      ctx.db.prepare('DELETE FROM setting WHERE key = ?').run(LOGO_KEY);
      ctx.audit('settings.changed', 'settings:logo', { before: fingerprint(before), after: null });
    })();
  }
  return { done: true };
}
