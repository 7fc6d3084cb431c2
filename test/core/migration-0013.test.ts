import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncryptedDb, type Db } from '../../electron/core/db';
import { MIGRATIONS, migrate, schemaVersion } from '../../electron/vault/migrations';
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

/** A copy of each kind, as a committed snapshot would leave it. */
function copies(db: Db): void {
  for (const kind of ['customers', 'numbers', 'ips']) {
    db.prepare(
      'INSERT INTO current_copy (kind, at, max_id, latest, current, future_to) VALUES (?, 1, 1, 0, 1, NULL)',
    ).run(kind);
    db.prepare(
      `INSERT INTO current_copy_part (kind, n, layer, what, data) VALUES (?, 0, 0, 'bare', ?)`,
    ).run(kind, Buffer.from(new Uint32Array([1]).buffer));
  }
}

const held = (db: Db) => ({
  heads: db.prepare('SELECT kind FROM current_copy ORDER BY kind').pluck().all(),
  parts: db.prepare('SELECT kind FROM current_copy_part ORDER BY kind').pluck().all(),
});

describe('migration 0013: the copy of the current rows', () => {
  it('adds the empty copy and leaves every held row as it was', () => {
    const db = dbAt(12);
    seed(db);
    const tables = ['customer_version', 'number_assignment', 'ip_assignment'];
    const before = tables.map((t) => db.prepare(`SELECT * FROM ${t}`).all());
    expect(migrate(db)).toBeGreaterThanOrEqual(13);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(13);
    expect(tables.map((t) => db.prepare(`SELECT * FROM ${t}`).all())).toEqual(before);
    expect(held(db)).toEqual({ heads: [], parts: [] });
  });

  it('a change of a period or data drops the head of that kind only (no longer read); a delete drops its parts too', () => {
    const db = dbAt(13);
    seed(db);
    copies(db);
    db.exec(`UPDATE ip_assignment SET line_digest = 7`);
    expect(held(db).heads).toEqual(['customers', 'ips', 'numbers']);
    db.exec(`UPDATE ip_assignment SET valid_to = 5`);
    expect(held(db).heads).toEqual(['customers', 'numbers']);
    db.exec(`UPDATE number_assignment SET service = 'mobile'`);
    expect(held(db).heads).toEqual(['customers']);
    // The parts stay until the next snapshot writes the copy again.
    expect(held(db).parts).toEqual(['customers', 'ips', 'numbers']);
    db.exec(`DELETE FROM ip_assignment`);
    expect(held(db)).toEqual({ heads: ['customers'], parts: ['customers', 'numbers'] });
    db.exec(`DELETE FROM number_assignment; DELETE FROM customer_version`);
    expect(held(db)).toEqual({ heads: [], parts: [] });
  });

  it('refuses a copy of a kind that does not exist, or a part that is neither rows, bare rows nor ids gone', () => {
    const db = dbAt(13);
    expect(() =>
      db.exec(`INSERT INTO current_copy (kind, at, max_id, current) VALUES ('faxes', 1, 1, 0)`),
    ).toThrow(/CHECK/);
    expect(() =>
      db.exec(
        `INSERT INTO current_copy_part (kind, n, layer, what, data) VALUES ('ips', 0, 0, 'some', x'00')`,
      ),
    ).toThrow(/CHECK/);
  });
});
