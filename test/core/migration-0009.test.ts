import { describe, expect, it } from 'vitest';
import { type Db } from '../../electron/core/db';
import { migrate } from '../../electron/vault/migrations';
import { dbAt } from '../support/migrated-db';

function seedRequest(db: Db, no = '2026-0001'): number {
  const seq = Number(no.slice(5));
  return Number(
    db
      .prepare(
        `INSERT INTO request (register_no, year, seq, received_at, channel, oral, authority_code,
           requester_name, requester_function, legal_basis_code, urgency, deadline, categories, status,
           logged_by, logged_at)
         VALUES (?, 2026, ?, '2026-09-02T09:00:00.000Z', 'epoc', 0, 'pol-amsterdam',
           'Dr. K. Weber', 'foreign_judicial_authority', 'eu-epoc-subscriber', 'normal',
           '2026-09-12T09:00:00.000Z', '["name"]', 'received', 'olga', '2026-09-02T09:05:00.000Z')`,
      )
      .run(no, seq).lastInsertRowid,
  );
}

function seedCustomer(db: Db): { version: number; number: number } {
  const imp = db
    .prepare(
      `INSERT INTO import_run (kind, mode, status, file_name, file_sha256, file_bytes, user, started_at)
       VALUES ('customers', 'history', 'committed', 'k.csv', 'ab', 1, 'olga', 0)`,
    )
    .run().lastInsertRowid;
  db.prepare(`INSERT INTO customer (customer_id, import_id) VALUES ('C1', ?)`).run(imp);
  const version = Number(
    db
      .prepare(
        `INSERT INTO customer_version (customer_id, name, valid_from, import_id, source_line)
         VALUES ('C1', 'Klant Een', 0, ?, 2)`,
      )
      .run(imp).lastInsertRowid,
  );
  const number = Number(
    db
      .prepare(
        `INSERT INTO number_assignment (e164, number_given, customer_id, valid_from, valid_to, import_id, source_line)
         VALUES ('+31612345678', '0612345678', 'C1', 0, 1000, ?, 2)`,
      )
      .run(imp).lastInsertRowid,
  );
  return { version, number };
}

const hold = (db: Db, requestId: number, state = 'active') =>
  Number(
    db
      .prepare(
        `INSERT INTO preservation_hold (request_id, state, placed_at, placed_by, until, production_register_no, ended_at)
         VALUES (?, ?, '2026-09-02T10:00:00.000Z', 'olga', '2026-11-01T09:00:00.000Z', ?, ?)`,
      )
      .run(
        requestId,
        state,
        state === 'converted' ? '2026-0002' : null,
        state === 'released' || state === 'expired' ? '2026-10-01T00:00:00.000Z' : null,
      ).lastInsertRowid,
  );

describe('migration 0009: preservation holds', () => {
  it('marks every certificate logged before as a production order and handles Sv 126ni', () => {
    const db = dbAt(8);
    const id = seedRequest(db);
    db.prepare(
      `INSERT INTO request_epoc (request_id, issuing_state, deadline_option, emergency, issuer_function, certificate)
       VALUES (?, 'DE', 'asap_10_days', 0, 'prosecutor', '{}')`,
    ).run(id);
    const before = db.prepare(`SELECT action FROM legal_basis WHERE code = 'sv-126ni'`).get();
    expect(before).toEqual({ action: 'REFER' });
    migrate(db);
    expect(db.prepare('SELECT kind FROM request_epoc').get()).toEqual({ kind: 'production' });
    const basis = db
      .prepare(`SELECT action, categories FROM legal_basis WHERE code = 'sv-126ni'`)
      .get() as { action: string; categories: string };
    expect(basis.action).toBe('HANDLE');
    expect(JSON.parse(basis.categories)).toEqual(
      expect.arrayContaining(['name', 'address', 'number', 'traffic']),
    );
    expect(() => db.prepare(`UPDATE request_epoc SET kind = 'preservation'`).run()).toThrow(
      /never edited/,
    );
  });

  it('refuses a kind of certificate it does not know and a converted hold without its production order', () => {
    const db = dbAt(9);
    const id = seedRequest(db);
    expect(() =>
      db
        .prepare(
          `INSERT INTO request_epoc (request_id, issuing_state, deadline_option, emergency, issuer_function, certificate, kind)
           VALUES (?, 'DE', 'asap_10_days', 0, 'prosecutor', '{}', 'freeze')`,
        )
        .run(id),
    ).toThrow(/CHECK constraint/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO preservation_hold (request_id, state, placed_at, placed_by, until)
           VALUES (?, 'converted', '2026-09-02T10:00:00.000Z', 'olga', '2026-11-01T09:00:00.000Z')`,
        )
        .run(id),
    ).toThrow(/CHECK constraint/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO preservation_hold (request_id, state, placed_at, placed_by, until)
           VALUES (?, 'released', '2026-09-02T10:00:00.000Z', 'olga', '2026-11-01T09:00:00.000Z')`,
        )
        .run(id),
    ).toThrow(/CHECK constraint/);
  });

  it('a held record cannot be deleted while its hold lasts; once ended it can', () => {
    const db = dbAt(9);
    const id = seedRequest(db);
    const rec = seedCustomer(db);
    const h = hold(db, id);
    const addRecord = db.prepare(
      `INSERT INTO preservation_hold_record (hold_id, record_table, record_id, customer_id) VALUES (?, ?, ?, 'C1')`,
    );
    addRecord.run(h, 'customer_version', rec.version);
    addRecord.run(h, 'number_assignment', rec.number);
    expect(() => db.prepare('DELETE FROM customer_version WHERE id = ?').run(rec.version)).toThrow(
      /preservation hold/,
    );
    expect(() => db.prepare('DELETE FROM number_assignment WHERE id = ?').run(rec.number)).toThrow(
      /preservation hold/,
    );
    db.prepare(
      `UPDATE preservation_hold SET state = 'expired', ended_at = '2026-11-01T09:00:00.000Z', end_reason = 'expired' WHERE id = ?`,
    ).run(h);
    expect(db.prepare('DELETE FROM customer_version WHERE id = ?').run(rec.version).changes).toBe(
      1,
    );
    expect(db.prepare('DELETE FROM number_assignment WHERE id = ?').run(rec.number).changes).toBe(
      1,
    );
  });

  it('a hold goes with its request', () => {
    const db = dbAt(9);
    const id = seedRequest(db);
    const h = hold(db, id, 'converted');
    db.prepare(
      `INSERT INTO preservation_hold_record (hold_id, record_table, record_id, customer_id) VALUES (?, 'ip_assignment', 7, 'C1')`,
    ).run(h);
    db.prepare('DELETE FROM request WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) AS n FROM preservation_hold').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM preservation_hold_record').get()).toEqual({
      n: 0,
    });
  });
});
