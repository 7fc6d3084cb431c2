import type { UserRecord } from '../../../shared/schemas/users';
import { readKeySlots, openSlot } from '../../vault/keyslots';
import { removeSlot, setPassphrase, vaultPaths } from '../../vault/vault';
import type { HandlerMap } from '../context';
import { DeskError } from '../errors';

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

export const userHandlers: HandlerMap<'users.list' | 'users.add' | 'users.changeOwnPassphrase'> = {
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
};
