import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { openEncryptedDb, type Db } from '../../electron/core/db';
import { MIGRATIONS, migrate } from '../../electron/vault/migrations';
import { tempDir } from './desk';

/** A fresh encrypted vault database migrated up to `version` (inclusive), for a migration's test. */
export function dbAt(version: number): Db {
  const db = openEncryptedDb(join(tempDir(), 'm.db'), randomBytes(32), { create: true });
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= version),
  );
  return db;
}

/** One committed import with a customer, a version, a number and an IP block, all from line 2. */
export function seedOneOfEach(db: Db): void {
  db.exec(`
    INSERT INTO import_run (id, kind, mode, status, file_name, file_sha256, file_bytes, user, started_at)
      VALUES (1, 'customers', 'history', 'committed', 'c.csv', '', 0, 'olga', 0);
    INSERT INTO customer (customer_id, import_id) VALUES ('C1', 1);
    INSERT INTO customer_version (customer_id, name, valid_from, import_id, source_line)
      VALUES ('C1', 'Jansen', 0, 1, 2);
    INSERT INTO number_assignment (e164, number_given, customer_id, valid_from, import_id, source_line)
      VALUES ('+31612345678', '0612345678', 'C1', 0, 1, 2);
    INSERT INTO ip_assignment (family, prefix, prefix_length, ip_from, ip_to, customer_id, valid_from, import_id, source_line)
      VALUES (4, '192.0.2.8/29', 29, zeroblob(16), zeroblob(16), 'C1', 0, 1, 2);`);
}
