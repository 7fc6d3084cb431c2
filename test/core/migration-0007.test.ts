import { describe, expect, it } from 'vitest';
import { type Db } from '../../electron/core/db';
import { MIGRATIONS, migrate, schemaVersion } from '../../electron/vault/migrations';
import { dbAt } from '../support/migrated-db';

const columns = (db: Db, table: string) =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

function seedItemAndMatch(db: Db): void {
  const requestId = db
    .prepare(
      `INSERT INTO request (register_no, year, seq, received_at, channel, oral, authority_code,
         requester_name, requester_function, legal_basis_code, urgency, deadline, categories, status,
         logged_by, logged_at)
       VALUES ('2026-0001', 2026, 1, '2026-03-02T09:00:00.000Z', 'email', 0, 'pol-amsterdam',
         'J. Jansen', 'opsporingsambtenaar', 'sv-126na-1', 'normal', '2026-03-12T09:00:00.000Z',
         '["name"]', 'received', 'olga', '2026-03-02T09:05:00.000Z')`,
    )
    .run().lastInsertRowid;
  const itemId = db
    .prepare(
      `INSERT INTO request_item (request_id, idx, kind, value, normalised, moment, time_zone, time_status, utc_ms)
       VALUES (?, 1, 'phone', '0612345678', '+31612345678', '2024-05-01T10:00', 'Europe/Amsterdam', 'ok', 1714550400000)`,
    )
    .run(requestId).lastInsertRowid;
  db.prepare(
    `INSERT INTO match_result (request_id, item_id, status, reason, subscribers, evidence, matched_by, matched_at)
     VALUES (?, ?, 'no_match', 'No assignment covers +31612345678 at 2024-05-01T08:00:00.000Z.', '[]', '[]', 'olga', 'x')`,
  ).run(requestId, itemId);
}

describe('migration 0007: item periods, worded match reasons', () => {
  it('adds the period end to items and the reason key to match results, keeping what was there', () => {
    const db = dbAt(6);
    seedItemAndMatch(db);
    const before = db.prepare('SELECT * FROM request_item').get();
    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 7),
      ),
    ).toBe(7);
    expect(schemaVersion(db)).toBe(7);
    expect(columns(db, 'request_item')).toEqual(
      expect.arrayContaining([
        'period_to',
        'period_to_status',
        'period_to_utc_ms',
        'period_to_candidates',
      ]),
    );
    expect(columns(db, 'match_result')).toEqual(
      expect.arrayContaining(['reason_key', 'reason_params']),
    );
    // An item logged before the migration is a moment item: its period columns are NULL.
    expect(db.prepare('SELECT * FROM request_item').get()).toEqual({
      ...(before as object),
      period_to: null,
      period_to_status: null,
      period_to_utc_ms: null,
      period_to_candidates: null,
    });
    expect(db.prepare('SELECT reason, reason_key FROM match_result').get()).toEqual({
      reason: 'No assignment covers +31612345678 at 2024-05-01T08:00:00.000Z.',
      reason_key: null,
    });
  });

  it('refuses an end status that is not one of the time outcomes', () => {
    const db = dbAt(7);
    seedItemAndMatch(db);
    expect(() =>
      db.prepare(`UPDATE request_item SET period_to = 'x', period_to_status = 'maybe'`).run(),
    ).toThrow(/CHECK constraint/);
  });
});
