import type { Migration } from './types';

/**
 * The `importer` role: imports become the work of their own role, apart from handling requests.
 * SQLite cannot change a CHECK constraint in place, so the user table is rebuilt with the wider
 * one (nothing refers to it by foreign key; ids, names and every column are copied as they are).
 */
export const migration0006: Migration = {
  version: 6,
  name: 'importer role',
  up(db) {
    db.exec(`
      CREATE TABLE user_new (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('officer','approver','admin','auditor','importer')),
        created_at TEXT NOT NULL,
        disabled_at TEXT
      ) STRICT;
      INSERT INTO user_new (id, name, display_name, role, created_at, disabled_at)
        SELECT id, name, display_name, role, created_at, disabled_at FROM user;
      DROP TABLE user;
      ALTER TABLE user_new RENAME TO user;
    `);
  },
};
