import { DEFAULT_SETTINGS } from '../../shared/schemas/settings';
import { appendAudit } from '../audit/log';
import { schemaVersion } from './migrations';
import { readKeySlots } from './keyslots';
import {
  closeVault,
  createVault,
  findUser,
  openWithRecoveryKey,
  setPassphrase,
  unlockVault,
  vaultPaths,
} from './vault';
import { DEMO_ADMIN, DEMO_PASSPHRASE } from './demo';
import type { HandlerMap } from '../core/context';
import type { vaultContract } from '../../shared/contract/vault';
import { DeskError } from '../core/errors';
import { readSettings } from '../core/settings';
import { vaultCounts } from './counts';


const sessionUser = (u: { id: number; name: string; displayName: string; role: string }) => ({
  id: u.id,
  name: u.name,
  displayName: u.displayName,
  role: u.role as 'officer' | 'approver' | 'admin' | 'auditor',
});

type VaultChannels = keyof typeof vaultContract;

export const vaultHandlers: HandlerMap<VaultChannels> = {
  'vault.state': (_input, ctx) => {
    const s = ctx.session;
    let orgName: string | null = null;
    let demo = false;
    if (s.vault) ({ orgName, demo } = s.vault);
    else if (s.exists) {
      try {
        ({ orgName, demo } = readKeySlots(vaultPaths(s.vaultDir).slots));
      } catch {
        // A damaged key file shows up on unlock with a clear message.
      }
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
      demoSignIn: demo ? { userName: DEMO_ADMIN, passphrase: DEMO_PASSPHRASE } : null,
    };
  },

  'vault.create': async (input, ctx) => {
    const s = ctx.session;
    if (s.vault) s.lock('manual');
    const created = await createVault(s.vaultDir, {
      orgName: input.orgName,
      adminName: input.adminName,
      displayName: input.displayName,
      passphrase: input.passphrase,
      at: ctx.nowIso(),
      ...(s.kdfCost ? { kdfCost: s.kdfCost } : {}),
    });
    if (input.language) {
      created.vault.db
        .prepare(`INSERT INTO setting (key, value) VALUES ('language', ?)`)
        .run(JSON.stringify(input.language));
    }
    s.signIn(created.vault, created.user);
    return { recoveryKey: created.recoveryKey, user: sessionUser(created.user) };
  },

  'vault.unlock': async (input, ctx) => {
    const s = ctx.session;
    if (!s.exists) throw new DeskError('NO_VAULT', 'There is no vault here yet. Create one first.');
    if (s.vault) s.lock('manual');
    const opened = await unlockVault(s.vaultDir, input.userName, input.passphrase);
    if (!opened) {
      s.recordFailure(input.userName);
      const delay = s.failureDelayMs();
      await s.sleep(delay);
      throw new DeskError(
        'BAD_CREDENTIALS',
        'Unknown user or wrong passphrase. Check the user name and passphrase (caps lock?) and try again.',
        { attempts: s.consecutiveFailures, delayMs: delay },
      );
    }
    s.signIn(opened.vault, opened.user);
    return sessionUser(opened.user);
  },

  'vault.lock': (input, ctx) => {
    ctx.session.lock(input.reason);
    return { done: true };
  },

  'vault.restoreAccess': async (input, ctx) => {
    const s = ctx.session;
    if (!s.exists) throw new DeskError('NO_VAULT', 'There is no vault here yet.');
    if (s.vault) s.lock('manual');
    const vault = openWithRecoveryKey(s.vaultDir, input.recoveryKey);
    try {
      const user = findUser(vault.db, input.userName);
      if (!user || user.role !== 'admin' || user.disabled) {
        throw new DeskError(
          'FORBIDDEN',
          'The recovery key can only set a new passphrase for an active admin account.',
        );
      }
      await setPassphrase(s.vaultDir, user.name, vault.key, input.newPassphrase, s.kdfCost);
      appendAudit(vault.db, {
        at: ctx.nowIso(),
        user: user.name,
        action: 'user.passphrase.restored',
        subject: `user:${user.name}`,
        details: { via: 'recovery-key' },
      });
    } finally {
      closeVault(vault);
    }
    return { done: true };
  },

  'vault.summary': (_input, ctx) => {
    const users = ctx.db
      .prepare('SELECT id, name, display_name, role, disabled_at FROM user ORDER BY name')
      .all() as {
      id: number;
      name: string;
      display_name: string;
      role: string;
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
  },

  'session.activity': () => ({ done: true }),

  'vault.openDemo': async (_input, ctx) => {
    const s = ctx.session;
    if (!s.demoVaultDir) {
      throw new DeskError('CONFLICT', 'The demo vault is opened from the app window, not here.');
    }
    const seed = s.seedDemo;
    if (!seed) throw new DeskError('CONFLICT', 'This window cannot make a demo vault.');
    s.switchVault(s.demoVaultDir);
    if (s.exists) return { created: false };
    try {
      await seed(s, { adminName: DEMO_ADMIN, years: 3, seed: 20260101 });
    } catch (e) {
      s.switchVault(s.mainVaultDir);
      throw e;
    }
    return { created: true };
  },

  'vault.leaveDemo': (_input, ctx) => {
    ctx.session.switchVault(ctx.session.mainVaultDir);
    return { done: true };
  },
};
