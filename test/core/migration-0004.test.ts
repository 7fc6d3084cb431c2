import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncryptedDb, type Db } from '../../electron/core/db';
import { MIGRATIONS, migrate, schemaVersion } from '../../electron/vault/migrations';
import { migration0004 } from '../../electron/vault/migrations/0004-disclosure';
import { tempDir } from '../support/desk';

function migratedDb(): Db {
  const db = openEncryptedDb(join(tempDir(), 'm.db'), randomBytes(32), { create: true });
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 4),
  );
  return db;
}

function seedDecision(db: Db): { requestId: number; decisionId: number } {
  const requestId = Number(
    db
      .prepare(
        `INSERT INTO request (register_no, year, seq, received_at, channel, oral, authority_code,
           requester_name, requester_function, legal_basis_code, urgency, deadline, categories, status,
           logged_by, logged_at)
         VALUES ('2026-0001', 2026, 1, '2026-03-02T09:00:00.000Z', 'email', 0, 'pol-amsterdam',
           'J. Jansen', 'opsporingsambtenaar', 'sv-126na-1', 'normal', '2026-03-12T09:00:00.000Z',
           '["name"]', 'received', 'olga', '2026-03-02T09:05:00.000Z')`,
      )
      .run().lastInsertRowid,
  );
  const decisionId = Number(
    db
      .prepare(
        `INSERT INTO decision (request_id, outcome, items, categories, withheld, reasons, decided_by, decided_at)
         VALUES (?, 'no_data', '[]', '[]', '["name"]', '[]', 'olga', '2026-03-02T10:00:00.000Z')`,
      )
      .run(requestId).lastInsertRowid,
  );
  return { requestId, decisionId };
}

const insertRecord = (
  db: Db,
  requestId: number,
  decisionId: number,
  corrects: number | null = null,
) =>
  Number(
    db
      .prepare(
        `INSERT INTO disclosure (request_id, decision_id, register_no, kind, language, authority,
           official, legal_basis, case_reference, items, disclosed, categories, withheld, reasons,
           handled_by, decided_at, issued_by, issued_at, chain_seq, chain_hash, pdf, pdf_sha256,
           pdf_size, page_count, pages, corrects, correction_reason)
         VALUES (?, ?, '2026-0001', 'no_data', 'nl', 'Politie', '{}', 'Sv 126na lid 1', NULL, '[]',
           '[]', '[]', '[]', '[]', 'olga', 'x', 'olga', '2026-03-02T10:05:00.000Z', 3, ?, x'255044462d',
           ?, 5, 1, '[]', ?, ?)`,
      )
      .run(
        requestId,
        decisionId,
        'a'.repeat(64),
        'b'.repeat(64),
        corrects,
        corrects ? 'typo' : null,
      ).lastInsertRowid,
  );

describe('migration 0004: disclosure records', () => {
  it('is registered after 0003', () => {
    expect(MIGRATIONS.map((m) => m.version)).toContain(4);
    expect(MIGRATIONS.indexOf(migration0004)).toBe(
      MIGRATIONS.findIndex((m) => m.version === 3) + 1,
    );
    expect(schemaVersion(migratedDb())).toBe(4);
  });

  it('only "mark as sent" changes a record, once and complete; corrections link; one original per decision', () => {
    const db = migratedDb();
    const { requestId, decisionId } = seedDecision(db);
    const id = insertRecord(db, requestId, decisionId);
    expect(() => insertRecord(db, requestId, decisionId)).toThrow(/UNIQUE/);
    expect(() => db.prepare(`UPDATE disclosure SET kind = 'refusal' WHERE id = ?`).run(id)).toThrow(
      /never changed/,
    );
    expect(() =>
      db.prepare(`UPDATE disclosure SET sent_method = 'post' WHERE id = ?`).run(id),
    ).toThrow(/needs the method, the time/);
    db.prepare(
      `UPDATE disclosure SET sent_method = 'post', sent_at = 'a', sent_by = 'olga', sent_recorded_at = 'b' WHERE id = ?`,
    ).run(id);
    expect(() => db.prepare(`UPDATE disclosure SET sent_at = 'c' WHERE id = ?`).run(id)).toThrow(
      /sent disclosure is never changed/,
    );
    const fix = insertRecord(db, requestId, decisionId, id);
    expect(() => insertRecord(db, requestId, decisionId, id)).toThrow(/UNIQUE/);
    expect(fix).toBeGreaterThan(id);
  });

  it('a record cannot be deleted on its own, only with its whole request (retention purge)', () => {
    const db = migratedDb();
    const { requestId, decisionId } = seedDecision(db);
    const id = insertRecord(db, requestId, decisionId);
    expect(() => db.prepare('DELETE FROM disclosure WHERE id = ?').run(id)).toThrow(
      /kept with its request/,
    );
    db.prepare('DELETE FROM request WHERE id = ?').run(requestId);
    expect(db.prepare('SELECT count(*) AS n FROM disclosure').get()).toEqual({ n: 0 });
  });
});
