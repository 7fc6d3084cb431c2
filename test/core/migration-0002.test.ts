import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createdDesk, tempDir } from '../support/desk';
import { openEncryptedDb } from '../../electron/core/db';
import { migrate, MIGRATIONS, schemaVersion } from '../../electron/vault/migrations';
import { migration0002 } from '../../electron/vault/migrations/0002-customers';
import { vaultCounts } from '../../electron/vault/counts';
import { parseIpPrefix } from '../../shared/identifiers';

const freshDb = () => openEncryptedDb(join(tempDir(), 'm.db'), randomBytes(32), { create: true });

function seededDb() {
  const db = freshDb();
  migrate(db);
  db.prepare(
    `INSERT INTO import_run (id, kind, mode, status, file_name, file_sha256, file_bytes, user, started_at)
     VALUES (1, 'customers', 'history', 'committed', 'c.csv', 'x', 1, 'olga', 0)`,
  ).run();
  db.prepare(`INSERT INTO customer (customer_id, import_id) VALUES ('C1', 1), ('C2', 1)`).run();
  return db;
}

describe('migration 0002: customers and assignments', () => {
  it('upgrades a version-1 database to version 2', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS.slice(0, 1));
    expect(schemaVersion(db)).toBe(1);
    migrate(db);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(migration0002.version);
    const tables = (
      db.prepare(`SELECT name FROM sqlite_master WHERE type='table' ORDER BY name`).all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    for (const t of [
      'import_run',
      'customer',
      'customer_version',
      'number_assignment',
      'ip_assignment',
      'ip_prefix_length',
    ]) {
      expect(tables).toContain(t);
    }
    db.close();
  });

  it('enforces half-open intervals, known customers and valid port blocks', () => {
    const db = seededDb();
    const version = db.prepare(
      `INSERT INTO customer_version (customer_id, name, valid_from, valid_to, import_id, source_line)
       VALUES (?, 'Jan', ?, ?, 1, 2)`,
    );
    version.run('C1', 1000, null);
    expect(() => version.run('C1', 1000, 1000)).toThrow(/CHECK/);
    expect(() => version.run('C1', 1000, 999)).toThrow(/CHECK/);
    expect(() => version.run('C9', 1000, null)).toThrow(/FOREIGN KEY/);

    const num = db.prepare(
      `INSERT INTO number_assignment (e164, number_given, customer_id, service, valid_from, valid_to, import_id, source_line)
       VALUES (?, '06-12345678', ?, ?, 0, NULL, 1, 2)`,
    );
    num.run('+31612345678', 'C1', 'mobile');
    expect(() => num.run('0612345678', 'C1', 'mobile')).toThrow(/CHECK/);
    expect(() => num.run('+31612345678', 'C1', 'satellite')).toThrow(/CHECK/);
    expect(() => num.run('+31612345679', 'nobody', 'mobile')).toThrow(/FOREIGN KEY/);

    const p = parseIpPrefix('203.0.113.7');
    if (!p.ok) throw new Error('parse');
    const ip = db.prepare(
      `INSERT INTO ip_assignment (family, prefix, prefix_length, ip_from, ip_to, port_from, port_to, customer_id, valid_from, import_id, source_line)
       VALUES (4, '203.0.113.7', 32, ?, ?, ?, ?, 'C2', 0, 1, 3)`,
    );
    ip.run(p.value.from, p.value.to, 1024, 2047);
    ip.run(p.value.from, p.value.to, null, null);
    expect(() => ip.run(p.value.from, p.value.to, 1024, null)).toThrow(/CHECK/);
    expect(() => ip.run(p.value.from, p.value.to, 2048, 1024)).toThrow(/CHECK/);
    expect(() => ip.run(p.value.from, p.value.to, 0, 70000)).toThrow(/CHECK/);
    expect(() => ip.run(Buffer.alloc(4), Buffer.alloc(4), null, null)).toThrow(/CHECK/);
    db.close();
  });

  it('has the look-up indexes the matching queries use', () => {
    const db = seededDb();
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ');
    expect(
      plan(
        `SELECT * FROM number_assignment WHERE e164 = '+31612345678' AND valid_from <= 5 AND (valid_to IS NULL OR valid_to > 5)`,
      ),
    ).toMatch(/USING INDEX number_assignment_lookup \(e164=\? AND valid_from<\?\)/);
    expect(
      plan(
        `SELECT * FROM ip_assignment WHERE ip_from = x'00' AND prefix_length = 32 AND valid_from <= 5`,
      ),
    ).toMatch(/USING (COVERING )?INDEX ip_assignment_lookup \(ip_from=\?\)/);
    expect(
      plan(
        `SELECT id FROM ip_assignment WHERE ip_from = x'00' AND port_from BETWEEN 1000 AND 3000 AND valid_from < 5`,
      ),
    ).toMatch(/ip_assignment_lookup \(ip_from=\? AND port_from>\? AND port_from<\?\)/);
    expect(
      plan(`SELECT * FROM customer_version WHERE customer_id = 'C1' AND valid_from <= 5`),
    ).toMatch(/USING INDEX customer_version_by_customer/);
    db.close();
  });

  it('counts distinct customers, versions and assignments in the vault summary', async () => {
    const d = await createdDesk();
    const db = d.session.vault!.db;
    db.prepare(
      `INSERT INTO import_run (id, kind, mode, status, file_name, file_sha256, file_bytes, user, started_at)
       VALUES (1, 'customers', 'history', 'committed', 'c.csv', 'x', 1, 'admin', 0)`,
    ).run();
    db.prepare(`INSERT INTO customer (customer_id, import_id) VALUES ('C1', 1)`).run();
    const v = db.prepare(
      `INSERT INTO customer_version (customer_id, name, valid_from, valid_to, import_id, source_line) VALUES ('C1', ?, ?, ?, 1, 2)`,
    );
    v.run('Jan', 0, 10);
    v.run('Jan Jansen', 10, null);
    expect(vaultCounts(db)).toMatchObject({
      customers: 1,
      customerVersions: 2,
      numberAssignments: 0,
      ipAssignments: 0,
    });
    const summary = await d.must('vault.summary', {});
    expect(summary.counts.customers).toBe(1);
    expect(summary.counts.customerVersions).toBe(2);
  });
});
