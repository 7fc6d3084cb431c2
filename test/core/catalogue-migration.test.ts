import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncryptedDb } from '../../electron/core/db';
import { MIGRATIONS, migrate, schemaVersion } from '../../electron/vault/migrations';
import { tempDir } from '../support/desk';

describe('migration 0005: editable catalogues', () => {
  it('adds active flags (default on) and upgrades stored contact channels', () => {
    const file = join(tempDir(), 'm.db');
    const key = randomBytes(32);
    const db = openEncryptedDb(file, key, { create: true });
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version <= 4),
    );
    db.prepare(`UPDATE authority SET contacts = ? WHERE code = 'fiod'`).run(
      JSON.stringify([
        { kind: 'phone', value: '+31881234567', verifiedAt: '2025-01-01', note: 'x' },
      ]),
    );
    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 5),
      ),
    ).toBe(5);
    expect(schemaVersion(db)).toBe(5);

    const inactive = (t: string) =>
      (db.prepare(`SELECT count(*) AS n FROM ${t} WHERE active <> 1`).get() as { n: number }).n;
    expect(inactive('authority')).toBe(0);
    expect(inactive('legal_basis')).toBe(0);
    expect(() => db.prepare(`UPDATE authority SET active = 2 WHERE code = 'fiod'`).run()).toThrow(
      /CHECK/,
    );
    const row = db.prepare(`SELECT contacts FROM authority WHERE code = 'fiod'`).get() as {
      contacts: string;
    };
    expect(JSON.parse(row.contacts)).toEqual([
      {
        id: 'c1',
        kind: 'phone',
        value: '+31881234567',
        verifiedAt: '2025-01-01',
        note: 'x',
        verifiedBy: '',
        verifiedHow: '',
        addedBy: '',
        addedAt: '',
      },
    ]);
    db.close();
    // Reopened with the key: still there (a real encrypted file).
    const again = openEncryptedDb(file, key);
    expect(schemaVersion(again)).toBe(5);
    again.close();
  });
});
