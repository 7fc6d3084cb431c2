import type { Role } from '../../shared/roles';
import type { UserRecord } from '../../shared/schemas/users';
import type { DeskContext } from '../core/context';
import { DeskError } from '../core/errors';
import { openSlot, readKeySlots } from '../vault/keyslots';
import { removeSlot, vaultPaths } from '../vault/vault';
import { withNewKeySlot } from './key-slot-change';
import { keepAnActiveAdmin } from './last-admin';
import { toRecord, userRecord, userRow } from './records';

/** An admin changes other accounts; their own goes through another admin. */
const notSelf = (ctx: DeskContext, name: string, what: string): void => {
  if (ctx.user.name === name) {
    throw new DeskError('CONFLICT', `You cannot ${what} your own account; ask another admin.`);
  }
};

export async function addUser(
  ctx: DeskContext,
  input: { name: string; displayName?: string | undefined; role: Role; passphrase: string },
): Promise<UserRecord> {
  if (ctx.db.prepare('SELECT 1 FROM user WHERE name = ?').get(input.name)) {
    throw new DeskError(
      'USER_EXISTS',
      `A user named ${input.name} already exists; choose another name.`,
    );
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
    throw new DeskError(
      'BAD_CREDENTIALS',
      'The current passphrase is not right; nothing was changed.',
    );
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
  notSelf(ctx, name, 'disable');
  const row = userRow(ctx.db, name);
  if (row.disabled_at !== null) return toRecord(row);
  keepAnActiveAdmin(ctx.db, row, 'enable or add another admin first.');
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
    throw new DeskError(
      'CONFLICT',
      `${row.name} is already active; use "reset passphrase" to give a new passphrase.`,
    );
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
  notSelf(ctx, input.name, 'change the role of');
  const row = userRow(ctx.db, input.name);
  if (row.role === input.role) return toRecord(row);
  keepAnActiveAdmin(ctx.db, row, 'make another user admin first.');
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
    throw new DeskError('CONFLICT', 'Change your own passphrase with "change my passphrase".');
  }
  const row = userRow(ctx.db, input.name);
  if (row.disabled_at !== null) {
    throw new DeskError(
      'CONFLICT',
      `${row.name} is disabled; enable the account with a new passphrase instead.`,
    );
  }
  await withNewKeySlot(ctx, row.name, input.passphrase, () =>
    ctx.audit('user.passphrase.reset', `user:${row.name}`, { by: ctx.user.name }),
  );
  return toRecord(row);
}
