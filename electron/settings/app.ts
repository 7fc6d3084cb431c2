import {
  AUDIT_SHORTER_THAN_REQUESTS,
  type Organisation,
  type Settings,
} from '../../shared/schemas/settings';
import { readKeySlots, writeKeySlots } from '../vault/keyslots';
import { vaultPaths } from '../vault/vault';
import { LOGO_KEY, readLogo, readLogoFile } from '../ops/logo';
import type { DeskContext, HandlerMap } from '../core/context';
import type { settingsContract } from '../../shared/contract/settings';
import { DeskError } from '../core/errors';
import { readSettings, writeSetting } from '../core/settings';

/** Settings with the organisation name filled from the vault when none was set yet. */
function currentSettings(ctx: DeskContext): Settings {
  const s = readSettings(ctx.db);
  if (s.organisation.name === '') s.organisation = { ...s.organisation, name: ctx.vault.orgName };
  return s;
}

type SettingsChannels = keyof typeof settingsContract;

export const settingsHandlers: HandlerMap<SettingsChannels> = {
  'settings.get': (_input, ctx) => currentSettings(ctx),

  'settings.update': (input, ctx) => {
    const before = currentSettings(ctx);
    const next: Record<string, unknown> = { ...input };
    if (input.organisation) next.organisation = { ...before.organisation, ...input.organisation };
    const merged = { ...before, ...next } as Settings;
    if (merged.retentionAuditYears < merged.retentionRequestYears) {
      throw new DeskError('BAD_INPUT', AUDIT_SHORTER_THAN_REQUESTS);
    }
    if (merged.organisation.name === '') {
      throw new DeskError('BAD_INPUT', 'The organisation needs a name.');
    }
    const changed = Object.entries(next).filter(
      ([k, v]) =>
        v !== undefined && JSON.stringify(v) !== JSON.stringify(before[k as keyof Settings]),
    );
    if (changed.length > 0) {
      ctx.db.transaction(() => {
        for (const [k, v] of changed) writeSetting(ctx.db, k, v);
        ctx.audit('settings.changed', 'settings', {
          before: Object.fromEntries(changed.map(([k]) => [k, before[k as keyof Settings]])),
          after: Object.fromEntries(changed),
          // Switching four-eyes off is a decision a reviewer must find at once.
          ...(input.fourEyes === false && before.fourEyes ? { fourEyesOff: true } : {}),
        });
        // The unlock screen shows the name from the key file (readable before the vault opens).
        const org = next.organisation as Organisation | undefined;
        if (org && org.name !== before.organisation.name) {
          const file = vaultPaths(ctx.vault.dir).slots;
          writeKeySlots(file, { ...readKeySlots(file), orgName: org.name });
          ctx.vault.orgName = org.name;
        }
      })();
    }
    return currentSettings(ctx);
  },

  'settings.logo': (_input, ctx) => readLogo(ctx.db),

  'settings.setLogo': (input, ctx) => {
    const file = ctx.session.files.resolve(input.token);
    const logo = readLogoFile(file.path, file.name);
    const before = readLogo(ctx.db);
    ctx.db.transaction(() => {
      writeSetting(ctx.db, LOGO_KEY, logo);
      ctx.audit('settings.changed', 'settings:logo', {
        before: before ? { mime: before.mime, size: before.size, sha256: before.sha256 } : null,
        after: { mime: logo.mime, size: logo.size, sha256: logo.sha256 },
      });
    })();
    return logo;
  },

  'settings.clearLogo': (_input, ctx) => {
    const before = readLogo(ctx.db);
    if (before) {
      ctx.db.transaction(() => {
        ctx.db.prepare('DELETE FROM setting WHERE key = ?').run(LOGO_KEY);
        ctx.audit('settings.changed', 'settings:logo', {
          before: { mime: before.mime, size: before.size, sha256: before.sha256 },
          after: null,
        });
      })();
    }
    return { done: true };
  },
};
