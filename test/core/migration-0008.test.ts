import { describe, expect, it } from 'vitest';
import { type Db } from '../../electron/core/db';
import { migrate, schemaVersion } from '../../electron/vault/migrations';
import { dbAt } from '../support/migrated-db';

function seedRequest(db: Db): number | bigint {
  return db
    .prepare(
      `INSERT INTO request (register_no, year, seq, received_at, channel, oral, authority_code,
         requester_name, requester_function, legal_basis_code, urgency, deadline, categories, status,
         logged_by, logged_at)
       VALUES ('2026-0001', 2026, 1, '2026-09-02T09:00:00.000Z', 'epoc', 0, 'pol-amsterdam',
         'Dr. K. Weber', 'foreign_judicial_authority', 'eu-epoc-subscriber', 'normal',
         '2026-09-12T09:00:00.000Z', '["name"]', 'received', 'olga', '2026-09-02T09:05:00.000Z')`,
    )
    .run().lastInsertRowid;
}

const insertEpoc = (db: Db, requestId: number | bigint, state = 'DE', certificate = '{"a":1}') =>
  db
    .prepare(
      `INSERT INTO request_epoc (request_id, issuing_state, deadline_option, emergency, issuer_function, certificate)
       VALUES (?, ?, 'asap_10_days', 0, 'prosecutor', ?)`,
    )
    .run(requestId, state, certificate);

describe('migration 0008: European Production Orders', () => {
  it('adds the certificate table next to the requests, which keep what they had', () => {
    const db = dbAt(7);
    const id = seedRequest(db);
    const before = db.prepare('SELECT * FROM request').get();
    expect(migrate(db)).toBeGreaterThanOrEqual(8);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(8);
    expect(db.prepare('SELECT * FROM request').get()).toEqual(before);
    insertEpoc(db, id);
    expect(db.prepare('SELECT issuing_state, certificate FROM request_epoc').get()).toEqual({
      issuing_state: 'DE',
      certificate: '{"a":1}',
    });
  });

  it('refuses a state that is not two capitals, a certificate that is not JSON, and any edit', () => {
    const db = dbAt(8);
    const id = seedRequest(db);
    expect(() => insertEpoc(db, id, 'de')).toThrow(/CHECK constraint/);
    expect(() => insertEpoc(db, id, 'DE', 'not json')).toThrow(/CHECK constraint/);
    insertEpoc(db, id);
    expect(() => db.prepare(`UPDATE request_epoc SET issuing_state = 'FR'`).run()).toThrow(
      /never edited/,
    );
  });

  it('goes with its request when the request is deleted (purge)', () => {
    const db = dbAt(8);
    const id = seedRequest(db);
    insertEpoc(db, id);
    db.prepare('DELETE FROM request WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) AS n FROM request_epoc').get()).toEqual({ n: 0 });
  });
});
