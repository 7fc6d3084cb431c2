import type { Db } from '../core/db';
import { wordedError } from '../core/errors';
import type { UserRow } from './records';

const activeAdmins = (db: Db): number =>
  (
    db
      .prepare(`SELECT count(*) AS n FROM user WHERE role = 'admin' AND disabled_at IS NULL`)
      .get() as { n: number }
  ).n;

/**
 * The desk always keeps an active admin: without one nobody could manage users or settings any
 * more. Refuses to disable or demote the last one; `instead` words what to do first.
 */
export function keepAnActiveAdmin(
  db: Db,
  user: UserRow,
  instead: 'users.lastAdminDisable' | 'users.lastAdminRole',
): void {
  if (user.role === 'admin' && user.disabled_at === null && activeAdmins(db) <= 1) {
    throw wordedError('CONFLICT', instead, { name: user.name });
  }
}
