import { describe, expect, it } from 'vitest';
import { type Db } from '../../electron/core/db';
import { migrate, schemaVersion } from '../../electron/vault/migrations';
import { dbAt, seedOneOfEach } from '../support/migrated-db';

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
    seedOneOfEach(db);
    const tables = ['customer_version', 'number_assignment', 'ip_assignment'];
    const before = tables.map((t) => db.prepare(`SELECT * FROM ${t}`).all());
    expect(migrate(db)).toBeGreaterThanOrEqual(13);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(13);
    expect(tables.map((t) => db.prepare(`SELECT * FROM ${t}`).all())).toEqual(before);
    expect(held(db)).toEqual({ heads: [], parts: [] });
  });

  it('a change of a period or data drops the head of that kind only (no longer read); a delete drops its parts too', () => {
    const db = dbAt(13);
    seedOneOfEach(db);
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
