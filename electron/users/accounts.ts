import type { Role } from '../../shared/roles';
import type { UserRecord } from '../../shared/schemas/users';
import type { DeskContext } from '../core/context';
import { wordedError } from '../core/errors';
import { openSlot, readKeySlots } from '../vault/keyslots';
import { removeSlot, vaultPaths } from '../vault/vault';
import { withNewKeySlot } from './key-slot-change';
import { keepAnActiveAdmin } from './last-admin';
import { toRecord, userRecord, userRow } from './records';

/** An admin changes other accounts; their own goes through another admin. */
const notSelf = (
  ctx: DeskContext,
  name: string,
  what: 'users.notSelfDisable' | 'users.notSelfRole',
): void => {
  if (ctx.user.name === name) {
    throw wordedError('CONFLICT', what);
  }
};

export async function addUser(
  ctx: DeskContext,
  input: { name: string; displayName?: string | undefined; role: Role; passphrase: string },
): Promise<UserRecord> {
  if (ctx.db.prepare('SELECT 1 FROM user WHERE name = ?').get(input.name)) {
    throw wordedError('USER_EXISTS', 'users.nameTaken', { name: input.name });
  }
  await withNewKeySlot(ctx, input.name, input.passphrase, () => {
    ctx.db
      .prepare('INSERT INTO user (name, display_name, role, created_at) VALUES (?, ?, ?, ?)')
      .run(input.name, input.displayName || input.name, input.role, ctx.nowIso());
    ctx.audit('user.added', `user:${input.name}`, { role: input.role });
  });
  return userRecord(ctx.db, input.name);
}

/** Everyone changes their own passphrase, knowing the current one. */
export async function changeOwnPassphrase(
  ctx: DeskContext,
  input: { current: string; next: string },
): Promise<{ done: true }> {
  const me = ctx.user;
  const check = await openSlot(
    readKeySlots(vaultPaths(ctx.vault.dir).slots),
    me.name,
    input.current,
  );
  if (!check) {
    throw wordedError('BAD_CREDENTIALS', 'users.wrongCurrentPassphrase');
  }
  check.fill(0);
  await withNewKeySlot(ctx, me.name, input.next, () =>
    ctx.audit('user.passphrase.changed', `user:${me.name}`, { by: 'self' }),
  );
  return { done: true };
}

/**
 * Disabling never deletes (the audit log keeps referring to the user): the account is marked
 * disabled and its key slot removed, so that passphrase no longer opens the vault.
 */
export function disableUser(ctx: DeskContext, name: string): UserRecord {
  notSelf(ctx, name, 'users.notSelfDisable');
  const row = userRow(ctx.db, name);
  if (row.disabled_at !== null) return toRecord(row);
  keepAnActiveAdmin(ctx.db, row, 'users.lastAdminDisable');
  ctx.db.transaction(() => {
    ctx.db.prepare('UPDATE user SET disabled_at = ? WHERE id = ?').run(ctx.nowIso(), row.id);
    ctx.audit('user.disabled', `user:${row.name}`, {
      before: { disabled: false },
      after: { disabled: true },
      keySlotRemoved: true,
    });
    // Last, inside the transaction: if the key file cannot be written, nothing changes.
    removeSlot(ctx.vault.dir, row.name);
  })();
  return userRecord(ctx.db, row.name);
}

/** Enabling writes a new key slot, so it needs a new passphrase. */
export async function enableUser(
  ctx: DeskContext,
  input: { name: string; passphrase: string },
): Promise<UserRecord> {
  const row = userRow(ctx.db, input.name);
  if (row.disabled_at === null) {
    throw wordedError('CONFLICT', 'users.alreadyActive', { name: row.name });
  }
  await withNewKeySlot(ctx, row.name, input.passphrase, () => {
    ctx.db.prepare('UPDATE user SET disabled_at = NULL WHERE id = ?').run(row.id);
    ctx.audit('user.enabled', `user:${row.name}`, {
      before: { disabled: true },
      after: { disabled: false },
      keySlotAdded: true,
    });
  });
  return userRecord(ctx.db, row.name);
}

export function changeRole(ctx: DeskContext, input: { name: string; role: Role }): UserRecord {
  notSelf(ctx, input.name, 'users.notSelfRole');
  const row = userRow(ctx.db, input.name);
  if (row.role === input.role) return toRecord(row);
  keepAnActiveAdmin(ctx.db, row, 'users.lastAdminRole');
  ctx.db.transaction(() => {
    ctx.db.prepare('UPDATE user SET role = ? WHERE id = ?').run(input.role, row.id);
    ctx.audit('user.role.changed', `user:${row.name}`, {
      before: { role: row.role },
      after: { role: input.role },
    });
  })();
  return userRecord(ctx.db, row.name);
}

/** The admin rewraps the user's key slot under a new passphrase (never logged, never shown). */
export async function resetPassphrase(
  ctx: DeskContext,
  input: { name: string; passphrase: string },
): Promise<UserRecord> {
  if (ctx.user.name === input.name) {
    throw wordedError('CONFLICT', 'users.resetOwn');
  }
  const row = userRow(ctx.db, input.name);
  if (row.disabled_at !== null) {
    throw wordedError('CONFLICT', 'users.disabled', { name: row.name });
  }
  await withNewKeySlot(ctx, row.name, input.passphrase, () =>
    ctx.audit('user.passphrase.reset', `user:${row.name}`, { by: ctx.user.name }),
  );
  return toRecord(row);
}
