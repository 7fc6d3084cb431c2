import { describe, expect, it } from 'vitest';
import { type Db } from '../../electron/core/db';
import { migrate, schemaVersion } from '../../electron/vault/migrations';
import { dbAt } from '../support/migrated-db';

function block(db: Db, ports: [number, number] | null): void {
  db.prepare(
    `INSERT INTO ip_assignment (family, prefix, prefix_length, ip_from, ip_to, port_from, port_to, customer_id, valid_from, import_id, source_line)
     VALUES (4, '192.0.2.8', 32, zeroblob(16), zeroblob(16), ?, ?, 'C1', 0, 1, 2)`,
  ).run(ports?.[0] ?? null, ports?.[1] ?? null);
}

describe('migration 0014: the widest port block held', () => {
  it('starts from the widest block the vault holds', () => {
    const db = dbAt(13);
    db.exec(`
      INSERT INTO import_run (id, kind, mode, status, file_name, file_sha256, file_bytes, user, started_at)
        VALUES (1, 'ips', 'history', 'committed', 'i.csv', '', 0, 'olga', 0);
      INSERT INTO customer (customer_id, import_id) VALUES ('C1', 1);`);
    block(db, [1024, 2047]);
    block(db, [0, 63]);
    block(db, null);
    expect(migrate(db)).toBeGreaterThanOrEqual(14);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(14);
    expect(db.prepare('SELECT id, span FROM ip_port_span').all()).toEqual([{ id: 1, span: 1023 }]);
  });

  it('starts at 0 in a vault without port blocks, and holds one row only', () => {
    const db = dbAt(14);
    expect(db.prepare('SELECT span FROM ip_port_span').pluck().all()).toEqual([0]);
    expect(() => db.exec('INSERT INTO ip_port_span (id, span) VALUES (2, 5)')).toThrow(/CHECK/);
    expect(() => db.exec('UPDATE ip_port_span SET span = -1')).toThrow(/CHECK/);
  });
});
