import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncryptedDb, type Db } from '../../electron/core/db';
import { MIGRATIONS, migrate, schemaVersion } from '../../electron/vault/migrations';
import { DIGESTED_TABLES } from '../../electron/vault/migrations/0012-line-digest';
import { tempDir } from '../support/desk';

function dbAt(version: number): Db {
  const db = openEncryptedDb(join(tempDir(), 'm.db'), randomBytes(32), { create: true });
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= version),
  );
  return db;
}

function seed(db: Db): void {
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

describe('migration 0012: line digests of imported rows', () => {
  it('adds an empty line_digest to every held row, which keeps what it had', () => {
    const db = dbAt(11);
    seed(db);
    const before = DIGESTED_TABLES.map((t) => db.prepare(`SELECT * FROM ${t}`).all());
    expect(migrate(db)).toBeGreaterThanOrEqual(12);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(12);
    DIGESTED_TABLES.forEach((t, i) => {
      const rows = db.prepare(`SELECT * FROM ${t}`).all() as Record<string, unknown>[];
      expect(rows).toEqual(before[i]!.map((r) => ({ ...(r as object), line_digest: null })));
    });
  });

  it('keeps all 64 bits of a digest, read back as two unsigned 32-bit halves', () => {
    const db = dbAt(12);
    seed(db);
    const set = db.prepare(`UPDATE number_assignment SET line_digest = (? << 32) | ?`);
    const get = db.prepare(
      `SELECT (line_digest >> 32) & 4294967295 AS hi, line_digest & 4294967295 AS lo FROM number_assignment`,
    );
    for (const [hi, lo] of [
      [0xffffffff, 0xffffffff],
      [0x80000000, 1],
      [0, 0x80000000],
      [0x12345678, 0x9abcdef0],
    ] as const) {
      set.run(hi, lo);
      expect(get.get()).toEqual({ hi, lo });
    }
  });

  it('refuses a digest that is not an integer (the tables are STRICT)', () => {
    const db = dbAt(12);
    seed(db);
    expect(() => db.exec(`UPDATE ip_assignment SET line_digest = 'abc'`)).toThrow(/INTEGER/);
  });
});
