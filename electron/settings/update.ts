import {
  AUDIT_SHORTER_THAN_REQUESTS,
  type Organisation,
  type Settings,
  type UpdateSettingsInput,
} from '../../shared/schemas/settings';
import type { DeskContext } from '../core/context';
import { wordedError } from '../core/errors';
import { organisationName, readSettings, writeSetting } from '../core/settings';

/** Settings with the organisation name filled from the vault when none was set yet. */
export function currentSettings(ctx: DeskContext): Settings {
  const s = readSettings(ctx.db);
  s.organisation = { ...s.organisation, name: organisationName(ctx.db, ctx.vault.orgName) };
  return s;
}

/**
 * Merges a partial update into the current settings (the organisation field by field), checks the
 * result as a whole, and writes and audits only what changed (before and after), in one
 * transaction. A new organisation name is what the open vault shows from then on (the key file
 * names no organisation).
 */
export function updateSettings(ctx: DeskContext, input: UpdateSettingsInput): Settings {
  const before = currentSettings(ctx);
  const next: Record<string, unknown> = { ...input };
  if (input.organisation) next.organisation = { ...before.organisation, ...input.organisation };
  const merged = { ...before, ...next } as Settings;
  if (merged.retentionAuditYears < merged.retentionRequestYears) {
    throw wordedError('BAD_INPUT', AUDIT_SHORTER_THAN_REQUESTS);
  }
  if (merged.organisation.name === '') {
    throw wordedError('BAD_INPUT', 'settings.organisationName');
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
      const org = next.organisation as Organisation | undefined;
      if (org && org.name !== before.organisation.name) ctx.vault.orgName = org.name;
    })();
  }
  return currentSettings(ctx);
}
