import { DEFAULT_SETTINGS } from '../../shared/schemas/settings';
import type { SessionUser } from '../../shared/schemas/common';
import type { VaultState, VaultSummary } from '../../shared/schemas/vault';
import type { Role } from '../../shared/roles';
import type { DeskContext } from '../core/context';
import type { DeskSession } from '../core/session';
import { readSettings } from '../core/settings';
import { vaultCounts } from './counts';
import { DEMO_ADMIN, DEMO_ORG, DEMO_PASSPHRASE, DEMO_USERS } from './demo';
import { readKeySlots } from './keyslots';
import { schemaVersion } from './migrations';
import { vaultPaths } from './vault';

export const sessionUser = (u: {
  id: number;
  name: string;
  displayName: string;
  role: Role;
}): SessionUser => ({ id: u.id, name: u.name, displayName: u.displayName, role: u.role });

/**
 * What the window needs before and after sign-in: whether there is a vault, whether it is the demo
 * (from the key file while locked), whose it is and who is signed in (once unlocked), and the
 * language and idle lock to use.
 */
export function vaultState(s: DeskSession): VaultState {
  let orgName: string | null = null;
  let demo = false;
  if (s.vault) ({ orgName, demo } = s.vault);
  else if (s.exists) {
    try {
      ({ demo } = readKeySlots(vaultPaths(s.vaultDir).slots));
    } catch {
      // A damaged key file shows up on unlock with a clear message.
    }
    // While locked the key file names no organisation (see docs/SECURITY.md); the demo's is fixed.
    if (demo) orgName = DEMO_ORG;
  }
  const settings = s.vault ? readSettings(s.vault.db) : DEFAULT_SETTINGS;
  return {
    exists: s.exists,
    unlocked: s.vault !== null,
    orgName,
    demo,
    user: s.user ? sessionUser(s.user) : null,
    language: settings.language,
    idleLockMinutes: settings.idleLockMinutes,
    demoAvailable: s.demoVaultDir !== undefined,
    demoSignIn: demo
      ? {
          userName: DEMO_ADMIN,
          passphrase: DEMO_PASSPHRASE,
          users: DEMO_USERS.map((u) => ({ ...u })),
        }
      : null,
    integrity: s.vault ? { ...s.vault.integrity } : null,
  };
}

/** What the vault holds: schema version, counts per kind of data, the users. */
export function vaultSummary(ctx: DeskContext): VaultSummary {
  const users = ctx.db
    .prepare('SELECT id, name, display_name, role, disabled_at FROM user ORDER BY name')
    .all() as {
    id: number;
    name: string;
    display_name: string;
    role: Role;
    disabled_at: string | null;
  }[];
  return {
    schemaVersion: schemaVersion(ctx.db),
    orgName: ctx.vault.orgName,
    demo: ctx.vault.demo,
    counts: vaultCounts(ctx.db),
    users: users.map((u) => ({
      ...sessionUser({ ...u, displayName: u.display_name }),
      disabled: u.disabled_at !== null,
    })),
  };
}
