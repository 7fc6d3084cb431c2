import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../electron/vault/migrations';
import { DIGESTED_TABLES } from '../../electron/vault/migrations/0012-line-digest';
import { dbAt, seedOneOfEach } from '../support/migrated-db';

describe('migration 0012: line digests of imported rows', () => {
  it('adds an empty line_digest to every held row, which keeps what it had', () => {
    const db = dbAt(11);
    seedOneOfEach(db);
    const before = DIGESTED_TABLES.map((t) => db.prepare(`SELECT * FROM ${t}`).all());
    expect(migrate(db)).toBeGreaterThanOrEqual(12);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(12);
    DIGESTED_TABLES.forEach((t, i) => {
      const rows = db.prepare(`SELECT * FROM ${t}`).all() as Record<string, unknown>[];
      expect(rows).toEqual(before[i]!.map((r) => ({ ...(r as object), line_digest: null })));
    });
  });

  it('keeps all 64 bits of a digest, read back as two unsigned 32-bit halves', () => {
    const db = dbAt(12);
    seedOneOfEach(db);
    const set = db.prepare(`UPDATE number_assignment SET line_digest = (? << 32) | ?`);
    const get = db.prepare(
      `SELECT (line_digest >> 32) & 4294967295 AS hi, line_digest & 4294967295 AS lo FROM number_assignment`,
    );
    for (const [hi, lo] of [
      [0xffffffff, 0xffffffff],
      [0x80000000, 1],
      [0, 0x80000000],
      [0x12345678, 0x9abcdef0],
    ] as const) {
      set.run(hi, lo);
      expect(get.get()).toEqual({ hi, lo });
    }
  });

  it('refuses a digest that is not an integer (the tables are STRICT)', () => {
    const db = dbAt(12);
    seedOneOfEach(db);
    expect(() => db.exec(`UPDATE ip_assignment SET line_digest = 'abc'`)).toThrow(/INTEGER/);
  });
});
