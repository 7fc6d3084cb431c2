import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/desk';
import { openEncryptedDb } from '../../electron/core/db';
import { migration0001 } from '../../electron/vault/migrations/0001-initial';

describe('migration 0001: users, settings, audit log', () => {
  it('creates the tables with their constraints and append-only triggers', () => {
    const db = openEncryptedDb(join(tempDir(), 'm.db'), randomBytes(32), { create: true });
    migration0001.up(db);
    const tables = (
      db.prepare(`SELECT name FROM sqlite_master WHERE type='table' ORDER BY name`).all() as {
        name: string;
      }[]
    ).map((r) => r.name);
    expect(tables).toEqual(['audit_event', 'setting', 'user']);
    const insertUser = db.prepare(
      `INSERT INTO user (name, display_name, role, created_at) VALUES (?, ?, ?, 'now')`,
    );
    insertUser.run('a', 'A', 'officer');
    expect(() => insertUser.run('b', 'B', 'superuser')).toThrow(/CHECK/);
    expect(() => insertUser.run('a', 'again', 'officer')).toThrow(/UNIQUE/);
    db.prepare(
      `INSERT INTO audit_event (seq, at, user, action, subject, details, prev_hash, hash) VALUES (1,'t','u','a','s','{}','p','h')`,
    ).run();
    expect(() => db.prepare(`UPDATE audit_event SET action = 'x'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM audit_event`).run()).toThrow(/append-only/);
    db.close();
  });
});
