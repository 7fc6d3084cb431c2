import type { UserRecord } from '../../shared/schemas/users';
import type { Db } from '../core/db';
import { wordedError } from '../core/errors';

/** A row of the user table. */
export interface UserRow {
  id: number;
  name: string;
  display_name: string;
  role: UserRecord['role'];
  created_at: string;
  disabled_at: string | null;
}

export const toRecord = (r: UserRow): UserRecord => ({
  id: r.id,
  name: r.name,
  displayName: r.display_name,
  role: r.role,
  createdAt: r.created_at,
  disabled: r.disabled_at !== null,
});

/** The account with this name; NOT_FOUND when there is none. */
export function userRow(db: Db, name: string): UserRow {
  const row = db.prepare('SELECT * FROM user WHERE name = ?').get(name) as UserRow | undefined;
  if (!row) throw wordedError('NOT_FOUND', 'users.unknown', { name });
  return row;
}

export const userRecord = (db: Db, name: string): UserRecord => toRecord(userRow(db, name));

export const listUsers = (db: Db): UserRecord[] =>
  (db.prepare('SELECT * FROM user ORDER BY name').all() as UserRow[]).map(toRecord);
