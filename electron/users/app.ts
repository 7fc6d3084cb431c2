import type { UserRecord } from '../../shared/schemas/users';
import { openSlot, readKeySlots, writeKeySlots } from '../vault/keyslots';
import { removeSlot, setPassphrase, vaultPaths } from '../vault/vault';
import type { DeskContext, HandlerMap } from '../core/context';
import type { usersContract } from '../../shared/contract/users';
import { DeskError } from '../core/errors';

interface UserRow {
  id: number;
  name: string;
  display_name: string;
  role: UserRecord['role'];
  created_at: string;
  disabled_at: string | null;
}

const toRecord = (r: UserRow): UserRecord => ({
  id: r.id,
  name: r.name,
  displayName: r.display_name,
  role: r.role,
  createdAt: r.created_at,
  disabled: r.disabled_at !== null,
});

const userRow = (ctx: DeskContext, name: string): UserRow => {
  const row = ctx.db.prepare('SELECT * FROM user WHERE name = ?').get(name) as UserRow | undefined;
  if (!row) throw new DeskError('NOT_FOUND', `There is no user named ${name}.`);
  return row;
};

const activeAdmins = (ctx: DeskContext): number =>
  (
    ctx.db
      .prepare(`SELECT count(*) AS n FROM user WHERE role = 'admin' AND disabled_at IS NULL`)
      .get() as { n: number }
  ).n;

const notSelf = (ctx: DeskContext, name: string, what: string): void => {
  if (ctx.user.name === name) {
    throw new DeskError('CONFLICT', `You cannot ${what} your own account; ask another admin.`);
  }
};

type UserChannels = keyof typeof usersContract;

export const userHandlers: HandlerMap<UserChannels> = {
  'users.list': (_input, ctx) =>
    (ctx.db.prepare('SELECT * FROM user ORDER BY name').all() as UserRow[]).map(toRecord),

  'users.add': async (input, ctx) => {
    const { db, dir, key } = ctx.vault;
    if (db.prepare('SELECT 1 FROM user WHERE name = ?').get(input.name)) {
      throw new DeskError(
        'USER_EXISTS',
        `A user named ${input.name} already exists; choose another name.`,
      );
    }
    // The key slot first: if the database write then fails, the slot is removed again.
    await setPassphrase(dir, input.name, key, input.passphrase, ctx.session.kdfCost);
    try {
      const id = db.transaction(() => {
        const info = db
          .prepare('INSERT INTO user (name, display_name, role, created_at) VALUES (?, ?, ?, ?)')
          .run(input.name, input.displayName || input.name, input.role, ctx.nowIso());
        ctx.audit('user.added', `user:${input.name}`, { role: input.role });
        return Number(info.lastInsertRowid);
      })();
      return toRecord(db.prepare('SELECT * FROM user WHERE id = ?').get(id) as UserRow);
    } catch (e) {
      removeSlot(dir, input.name);
      throw e;
    }
  },

  'users.changeOwnPassphrase': async (input, ctx) => {
    const { dir, key } = ctx.vault;
    const me = ctx.user;
    const slots = readKeySlots(vaultPaths(dir).slots);
    const check = await openSlot(slots, me.name, input.current);
    if (!check)
      throw new DeskError(
        'BAD_CREDENTIALS',
        'The current passphrase is not right; nothing was changed.',
      );
    check.fill(0);
    await setPassphrase(dir, me.name, key, input.next, ctx.session.kdfCost);
    ctx.audit('user.passphrase.changed', `user:${me.name}`, { by: 'self' });
    return { done: true };
  },

  /**
   * Disabling never deletes (the audit log keeps referring to the user): the account is marked
   * disabled and its key slot removed, so that passphrase no longer opens the vault.
   */
  'users.disable': (input, ctx) => {
    const { db, dir } = ctx.vault;
    notSelf(ctx, input.name, 'disable');
    const row = userRow(ctx, input.name);
    if (row.disabled_at !== null) return toRecord(row);
    if (row.role === 'admin' && activeAdmins(ctx) <= 1) {
      throw new DeskError(
        'CONFLICT',
        `${row.name} is the last active admin; enable or add another admin first.`,
      );
    }
    db.transaction(() => {
      db.prepare('UPDATE user SET disabled_at = ? WHERE id = ?').run(ctx.nowIso(), row.id);
      ctx.audit('user.disabled', `user:${row.name}`, {
        before: { disabled: false },
        after: { disabled: true },
        keySlotRemoved: true,
      });
      // Last, inside the transaction: if the key file cannot be written, nothing changes.
      removeSlot(dir, row.name);
    })();
    return toRecord(userRow(ctx, row.name));
  },

  'users.enable': async (input, ctx) => {
    const { db, dir, key } = ctx.vault;
    const row = userRow(ctx, input.name);
    if (row.disabled_at === null) {
      throw new DeskError(
        'CONFLICT',
        `${row.name} is already active; use "reset passphrase" to give a new passphrase.`,
      );
    }
    await setPassphrase(dir, row.name, key, input.passphrase, ctx.session.kdfCost);
    try {
      db.transaction(() => {
        db.prepare('UPDATE user SET disabled_at = NULL WHERE id = ?').run(row.id);
        ctx.audit('user.enabled', `user:${row.name}`, {
          before: { disabled: true },
          after: { disabled: false },
          keySlotAdded: true,
        });
      })();
    } catch (e) {
      removeSlot(dir, row.name);
      throw e;
    }
    return toRecord(userRow(ctx, row.name));
  },

  'users.changeRole': (input, ctx) => {
    const { db } = ctx.vault;
    notSelf(ctx, input.name, 'change the role of');
    const row = userRow(ctx, input.name);
    if (row.role === input.role) return toRecord(row);
    if (row.role === 'admin' && row.disabled_at === null && activeAdmins(ctx) <= 1) {
      throw new DeskError(
        'CONFLICT',
        `${row.name} is the last active admin; make another user admin first.`,
      );
    }
    db.transaction(() => {
      db.prepare('UPDATE user SET role = ? WHERE id = ?').run(input.role, row.id);
      ctx.audit('user.role.changed', `user:${row.name}`, {
        before: { role: row.role },
        after: { role: input.role },
      });
    })();
    return toRecord(userRow(ctx, row.name));
  },

  /** The admin rewraps the user's key slot under a new passphrase (never logged, never shown). */
  'users.resetPassphrase': async (input, ctx) => {
    const { db, dir, key } = ctx.vault;
    if (ctx.user.name === input.name) {
      throw new DeskError('CONFLICT', 'Change your own passphrase with "change my passphrase".');
    }
    const row = userRow(ctx, input.name);
    if (row.disabled_at !== null) {
      throw new DeskError(
        'CONFLICT',
        `${row.name} is disabled; enable the account with a new passphrase instead.`,
      );
    }
    const old = readKeySlots(vaultPaths(dir).slots);
    await setPassphrase(dir, row.name, key, input.passphrase, ctx.session.kdfCost);
    try {
      db.transaction(() => {
        ctx.audit('user.passphrase.reset', `user:${row.name}`, { by: ctx.user.name });
      })();
    } catch (e) {
      // Put the old slot back: no unaudited passphrase change.
      const prev = old.slots.find((s) => s.user === row.name);
      const cur = readKeySlots(vaultPaths(dir).slots);
      writeKeySlots(vaultPaths(dir).slots, {
        ...cur,
        slots: [...cur.slots.filter((s) => s.user !== row.name), ...(prev ? [prev] : [])],
      });
      throw e;
    }
    return toRecord(row);
  },
};
