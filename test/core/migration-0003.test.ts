import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createdDesk, tempDir } from '../support/desk';
import { openEncryptedDb, type Db } from '../../electron/core/db';
import { migrate, MIGRATIONS, schemaVersion } from '../../electron/vault/migrations';
import { migration0003 } from '../../electron/vault/migrations/0003-register';

function migratedDb(): Db {
  const db = openEncryptedDb(join(tempDir(), 'm.db'), randomBytes(32), { create: true });
  migrate(db, [...MIGRATIONS.filter((m) => m.version < 3), migration0003]);
  return db;
}

const insertRequest = (db: Db, no: string, status = 'received') =>
  db
    .prepare(
      `INSERT INTO request (register_no, year, seq, received_at, channel, oral, authority_code,
         requester_name, requester_function, legal_basis_code, urgency, deadline, categories, status,
         logged_by, logged_at)
       VALUES (?, 2026, ?, '2026-03-02T09:00:00.000Z', 'email', 0, 'pol-amsterdam', 'J. Jansen',
         'opsporingsambtenaar', 'sv-126na-1', 'normal', '2026-03-12T09:00:00.000Z', '["name"]', ?,
         'olga', '2026-03-02T09:05:00.000Z')`,
    )
    .run(no, Number(no.slice(5)), status).lastInsertRowid as number;

describe('migration 0003: request register', () => {
  it('is registered after 0002 and the vault opens at its version', async () => {
    expect(MIGRATIONS.map((m) => m.version)).toContain(3);
    const d = await createdDesk();
    const s = await d.must('vault.summary', {});
    expect(s.schemaVersion).toBeGreaterThanOrEqual(3);
  });

  it('seeds the NL legal catalogue: NAW-only bases to handle, traffic bases to refer', () => {
    const db = migratedDb();
    expect(schemaVersion(db)).toBe(3);
    const basis = (code: string) =>
      db.prepare('SELECT * FROM legal_basis WHERE code = ?').get(code) as {
        article: string;
        action: string;
        categories: string;
        issuers: string;
        valid_from: string | null;
        version_date: string;
      };
    const na = basis('sv-126na-1');
    expect(na.article).toBe('Sv 126na lid 1');
    expect(na.action).toBe('HANDLE');
    expect(JSON.parse(na.categories)).toEqual([
      'name',
      'address',
      'postcode',
      'city',
      'number',
      'service_type',
    ]);
    expect(JSON.parse(na.issuers)).toContain('opsporingsambtenaar');
    expect(JSON.parse(basis('sv-126na-2').issuers)).toEqual(['officier_van_justitie']);
    expect(basis('sv-126n').action).toBe('REFER');
    expect(basis('sv-126m').action).toBe('REFUSE');
    expect(basis('eu-epoc-subscriber').valid_from).toBe('2026-08-18');
    for (const code of ['sv-126ua', 'sv-126zi', 'sv-126ii', 'wiv-56'])
      expect(basis(code).action).toBe('HANDLE');
    expect(basis('sv-126na-1').version_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('seeds the authorities: LO and LX, the Landelijke Eenheid only as a flagged legacy alias', () => {
    const db = migratedDb();
    const rows = db.prepare('SELECT code, name, legacy, replaced_by FROM authority').all() as {
      code: string;
      name: string;
      legacy: number;
      replaced_by: string;
    }[];
    const byCode = new Map(rows.map((r) => [r.code, r]));
    expect(byCode.get('pol-lo')?.name).toMatch(/Landelijke Opsporing en Interventies/);
    expect(byCode.get('pol-lx')?.name).toMatch(/Landelijke Expertise en Operaties/);
    expect(byCode.get('pol-le')?.legacy).toBe(1);
    expect(JSON.parse(byCode.get('pol-le')!.replaced_by)).toEqual(['pol-lo', 'pol-lx']);
    expect(rows.filter((r) => r.legacy === 1).map((r) => r.code)).toEqual(['pol-le']);
    for (const c of ['fiod', 'kmar', 'aivd', 'mivd', 'om-lp', 'om-fp', 'ciot'])
      expect(byCode.has(c)).toBe(true);
    expect(rows.filter((r) => r.code.startsWith('pol-')).length).toBe(13);
    expect(rows.filter((r) => r.code.startsWith('om-')).length).toBe(14);
  });

  it('register numbers are unique per year and never change', () => {
    const db = migratedDb();
    const id = insertRequest(db, '2026-0001');
    expect(() => insertRequest(db, '2026-0001')).toThrow(/UNIQUE/);
    expect(() =>
      db.prepare(`UPDATE request SET register_no = '2026-0009' WHERE id = ?`).run(id),
    ).toThrow(/never changes/);
    expect(() =>
      db.prepare(`UPDATE request SET authority_code = 'nope' WHERE id = ?`).run(id),
    ).toThrow(/FOREIGN KEY/);
  });

  it('a decided request and its items are never edited in place', () => {
    const db = migratedDb();
    const id = insertRequest(db, '2026-0001');
    db.prepare(
      `INSERT INTO request_item (request_id, idx, kind, value, moment, time_zone, time_status)
       VALUES (?, 1, 'phone', '0612345678', '2026-01-01T10:00', 'Europe/Amsterdam', 'ok')`,
    ).run(id);
    // Before the decision the time of an item may still be resolved, but never its identifier.
    db.prepare(`UPDATE request_item SET utc_ms = 1 WHERE request_id = ?`).run(id);
    expect(() =>
      db.prepare(`UPDATE request_item SET value = '0687654321' WHERE request_id = ?`).run(id),
    ).toThrow(/never changed/);
    db.prepare(`UPDATE request SET status = 'refused' WHERE id = ?`).run(id);
    expect(() => db.prepare(`UPDATE request SET status = 'checked' WHERE id = ?`).run(id)).toThrow(
      /never edited in place/,
    );
    expect(() =>
      db.prepare(`UPDATE request_item SET utc_ms = 2 WHERE request_id = ?`).run(id),
    ).toThrow(/never edited in place/);
  });

  it('decisions, approvals, amendments and events are append-only; four eyes below the handlers', () => {
    const db = migratedDb();
    const id = insertRequest(db, '2026-0001', 'matched');
    const decision = db
      .prepare(
        `INSERT INTO decision (request_id, outcome, items, categories, withheld, reasons, decided_by, decided_at)
         VALUES (?, 'disclose', '[1]', '["name"]', '[]', '[]', 'olga', 'now')`,
      )
      .run(id).lastInsertRowid;
    expect(() => db.prepare(`UPDATE decision SET outcome = 'refuse'`).run()).toThrow(
      /never changed/,
    );
    const approve = db.prepare(
      `INSERT INTO approval (decision_id, approved, approved_by, approved_at, one_person) VALUES (?, 1, ?, 'now', ?)`,
    );
    expect(() => approve.run(decision, 'olga', 0)).toThrow(/different person/);
    approve.run(decision, 'piet', 0);
    expect(() => approve.run(decision, 'kees', 0)).toThrow(/UNIQUE/);
    expect(() => db.prepare(`UPDATE approval SET approved = 0`).run()).toThrow(/never changed/);
    db.prepare(
      `INSERT INTO request_event (request_id, at, user, kind, details) VALUES (?, 'now', 'olga', 'x', '{}')`,
    ).run(id);
    expect(() => db.prepare(`UPDATE request_event SET kind = 'y'`).run()).toThrow(/never changed/);
    // A purge (retention, another issue) removes a request with everything under it.
    db.prepare('DELETE FROM request WHERE id = ?').run(id);
    expect((db.prepare('SELECT count(*) AS n FROM approval').get() as { n: number }).n).toBe(0);
  });
});
