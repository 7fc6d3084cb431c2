import { describe, expect, it } from 'vitest';
import { type Db } from '../../electron/core/db';
import { migrate, schemaVersion } from '../../electron/vault/migrations';
import { dbAt } from '../support/migrated-db';

const seedRequest = (db: Db): number =>
  Number(
    db
      .prepare(
        `INSERT INTO request (register_no, year, seq, received_at, channel, oral, authority_code,
         requester_name, requester_function, legal_basis_code, urgency, deadline, categories, status,
         logged_by, logged_at)
       VALUES ('2026-0001', 2026, 1, '2026-09-02T09:00:00.000Z', 'epoc', 0, 'pol-amsterdam',
         'Dr. K. Weber', 'foreign_judicial_authority', 'eu-epoc-subscriber', 'normal',
         '2026-09-12T09:00:00.000Z', '["name"]', 'received', 'olga', '2026-09-02T09:05:00.000Z')`,
      )
      .run().lastInsertRowid,
  );

const insertForm = (
  db: Db,
  requestId: number,
  over: { outcome?: string; reasons?: string; language?: string } = {},
) =>
  db
    .prepare(
      `INSERT INTO annex3_form (request_id, decision_id, register_no, outcome, reasons, explanation,
         clarification, preserved, language, issued_by, issued_at, chain_seq, chain_hash, pdf,
         pdf_sha256, pdf_size, page_count, pages)
       VALUES (?, NULL, '2026-0001', ?, ?, NULL, 'Which time zone?', 1, ?, 'olga',
         '2026-09-02T10:00:00.000Z', 3, 'abc', x'25504446', ?, 4, 1, '[]')`,
    )
    .run(
      requestId,
      over.outcome ?? 'clarify',
      over.reasons ?? '["insufficient_information"]',
      over.language ?? 'de',
      'a'.repeat(64),
    );

describe('migration 0011: EPOC Annex III forms', () => {
  it('adds the form table beside the requests, which keep what they had', () => {
    const db = dbAt(10);
    const id = seedRequest(db);
    const before = db.prepare('SELECT * FROM request').get();
    expect(migrate(db)).toBeGreaterThanOrEqual(11);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(11);
    expect(db.prepare('SELECT * FROM request').get()).toEqual(before);
    insertForm(db, id);
    expect(db.prepare('SELECT outcome, reasons, language FROM annex3_form').get()).toEqual({
      outcome: 'clarify',
      reasons: '["insufficient_information"]',
      language: 'de',
    });
  });

  it('refuses a form without a reason, a clarification tied to no decision the other way round, and a language it has no texts in', () => {
    const db = dbAt(11);
    const id = seedRequest(db);
    expect(() => insertForm(db, id, { reasons: '[]' })).toThrow(/CHECK constraint/);
    // A refusal's form names the decision it answers; a clarification has none.
    expect(() => insertForm(db, id, { outcome: 'refuse' })).toThrow(/CHECK constraint/);
    expect(() => insertForm(db, id, { language: 'fr' })).toThrow(/CHECK constraint/);
  });

  it('never changes a form and keeps it with its request; a purge takes both', () => {
    const db = dbAt(11);
    const id = seedRequest(db);
    insertForm(db, id);
    expect(() => db.prepare(`UPDATE annex3_form SET clarification = 'x'`).run()).toThrow(
      /never changed/,
    );
    expect(() => db.prepare('DELETE FROM annex3_form').run()).toThrow(/kept with its request/);
    db.prepare('DELETE FROM request WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) AS n FROM annex3_form').get()).toEqual({ n: 0 });
  });
});
