import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASS, createdDesk, tempDir } from '../support/desk';
import { folderFingerprint } from '../support/files';
import { openEncryptedDb } from '../../electron/core/db';
import {
  MIGRATIONS,
  migrate,
  SCHEMA_VERSION,
  schemaVersion,
} from '../../electron/vault/migrations';
import { DeskError } from '../../electron/core/errors';

const freshDb = () => openEncryptedDb(join(tempDir(), 'm.db'), randomBytes(32), { create: true });

describe('migration runner', () => {
  it('numbers migrations 1, 2, 3 … without gaps, one file each', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('brings a new database to the latest version', () => {
    const db = freshDb();
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    expect(migrate(db)).toBe(SCHEMA_VERSION); // idempotent
    db.close();
  });

  it('runs each migration in a transaction: a failing one leaves nothing behind', () => {
    const db = freshDb();
    const failing = [
      MIGRATIONS[0]!,
      {
        version: 2,
        name: 'breaks halfway',
        up(d: typeof db) {
          d.exec('CREATE TABLE half_done (x)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, failing)).toThrow('boom');
    expect(schemaVersion(db)).toBe(1);
    expect(
      db.prepare(`SELECT name FROM sqlite_master WHERE name = 'half_done'`).get(),
    ).toBeUndefined();
    db.close();
  });

  it('refuses a vault made by a newer app, clearly and without changing it', async () => {
    const d = await createdDesk();
    d.session.vault!.db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    await d.must('vault.lock', {});
    const before = folderFingerprint(d.vaultDir);
    const r = await d.call('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    expect(r.ok || r.code).toBe('VAULT_TOO_NEW');
    expect(!r.ok && r.message).toMatch(/newer NAW Desk/);
    expect(folderFingerprint(d.vaultDir)).toEqual(before);
  });

  it('migrate throws a DeskError for a too-new schema', () => {
    const db = freshDb();
    db.pragma('user_version = 999');
    expect(() => migrate(db)).toThrow(DeskError);
    db.close();
  });
});
