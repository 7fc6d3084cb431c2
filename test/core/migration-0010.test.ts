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
       VALUES ('2026-0001', 2026, 1, '2026-09-02T09:00:00.000Z', 'epoc', 0, 'eu-issuing',
         'Staatsanwaltschaft Köln', 'foreign_judicial_authority', 'eu-epoc-subscriber', 'normal',
         '2026-09-12T09:00:00.000Z', '["name"]', 'received', 'olga', '2026-09-02T09:05:00.000Z')`,
    )
    .run().lastInsertRowid;
}

const insertHi1 = (db: Db, id: number | bigint) =>
  db
    .prepare(
      `INSERT INTO request_hi1 (request_id, sender_country, sender_identifier, receiver_country,
         receiver_identifier, transaction_id, message_timestamp, etsi_version, authorisation_object_id)
       VALUES (?, 'DE', 'STA-KOELN', 'NL', 'VOORBEELD-TELECOM', 'tx-1', '2026-09-02T07:00:00Z', 'V1.13.1', 'auth-1')`,
    )
    .run(id);
const insertTask = (db: Db, id: number | bigint, items = '[1]') =>
  db
    .prepare(
      `INSERT INTO request_hi1_task (request_id, idx, object_id, ldid, request_type, items)
       VALUES (?, 1, 'task-1', 'DE-LD-1', 'SubscriberData', ?)`,
    )
    .run(id, items);
const link = (db: Db, country: string, authority = 'eu-issuing') =>
  db
    .prepare(
      `INSERT INTO hi1_sender (country_code, unique_identifier, authority_code, linked_by, linked_at)
       VALUES (?, 'STA-KOELN', ?, 'admin', '2026-09-01T10:00:00Z')`,
    )
    .run(country, authority);

describe('migration 0010: HI-1 exchange', () => {
  it('adds the sender links and the HI-1 identifiers of a request; requests keep what they had', () => {
    const db = dbAt(8);
    const id = seedRequest(db);
    const before = db.prepare('SELECT * FROM request').get();
    expect(migrate(db)).toBeGreaterThanOrEqual(10);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(10);
    expect(db.prepare('SELECT * FROM request').get()).toEqual(before);
    insertHi1(db, id);
    insertTask(db, id);
    link(db, 'DE');
    expect(db.prepare('SELECT ldid, items FROM request_hi1_task').get()).toEqual({
      ldid: 'DE-LD-1',
      items: '[1]',
    });
  });

  it('refuses a country code that is not two capitals, an unknown authority, items not JSON, and edits', () => {
    const db = dbAt(10);
    const id = seedRequest(db);
    expect(() => link(db, 'de')).toThrow(/CHECK constraint/);
    expect(() => link(db, 'DE', 'no-such-authority')).toThrow(/FOREIGN KEY/);
    expect(() => insertTask(db, id, 'not json')).toThrow(/CHECK constraint/);
    insertHi1(db, id);
    insertTask(db, id);
    expect(() => db.prepare(`UPDATE request_hi1 SET transaction_id = 'x'`).run()).toThrow(
      /never edited/,
    );
    expect(() => db.prepare(`UPDATE request_hi1_task SET ldid = 'x'`).run()).toThrow(
      /never edited/,
    );
  });

  it('goes with its request when the request is deleted (purge)', () => {
    const db = dbAt(10);
    const id = seedRequest(db);
    insertHi1(db, id);
    insertTask(db, id);
    db.prepare('DELETE FROM request WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) AS n FROM request_hi1').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM request_hi1_task').get()).toEqual({ n: 0 });
  });
});
