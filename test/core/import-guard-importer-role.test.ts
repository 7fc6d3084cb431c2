import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS, CONTRACT } from '../../shared/contract';
import { can, ROLE_CAPABILITIES, ROLES } from '../../shared/roles';
import { openEncryptedDb } from '../../electron/core/db';
import { MIGRATIONS, SCHEMA_VERSION, migrate, schemaVersion } from '../../electron/vault/migrations';
import { ADMIN_PASS, tempDir } from '../support/desk';
import { IMPORTER_PASS, importerDesk, sha256File } from '../fixtures/customers/desk';

/**
 * An import's counts and refusals answer questions about the data held ("is 0641237865 still
 * ZQX001's?"). Imports are therefore the work of the importer — the person or job that already
 * holds the CRM export — who reaches no request and no subscriber data; officers no longer import.
 */
describe('import guard: the importer role', () => {
  it('reaches the import and the counts, nothing else; no other role imports', () => {
    expect(ROLES).toContain('importer');
    expect(ROLE_CAPABILITIES.importer).toEqual(['customers.import', 'vault.read']);
    const reachable = CHANNELS.filter((c) => {
      const access = CONTRACT[c].access;
      return access !== 'public' && access !== 'session' && can('importer', access);
    });
    expect(reachable.sort()).toEqual(
      [
        'customers.importCancel',
        'customers.importProgress',
        'customers.importStart',
        'customers.preview',
        'customers.summary',
        'vault.summary',
      ].sort(),
    );
    for (const role of ROLES) {
      expect(can(role, 'customers.import'), role).toBe(role === 'importer');
    }
  });

  it('an officer is refused the import (audited); an importer is refused requests and the audit log', async () => {
    const d = await importerDesk();
    await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    await d.must('users.add', { name: 'otto', role: 'officer', passphrase: 'officer pass 123' });
    await d.must('vault.unlock', { userName: 'otto', passphrase: 'officer pass 123' });
    const file = d.session.files.register(d.csv('number;customer_id\n0641237865;ZQX001\n'));
    const start = await d.call('customers.importStart', {
      file: file.token,
      kind: 'numbers',
      dryRun: true,
    });
    expect(!start.ok && start.code).toBe('FORBIDDEN');

    await d.must('vault.unlock', { userName: 'olga', passphrase: IMPORTER_PASS });
    for (const [channel, input] of [
      ['requests.list', {}],
      ['requests.get', { registerNo: '2026-0001' }],
      ['audit.list', {}],
      ['stats.years', {}],
    ] as const) {
      const r = await d.call(channel, input as never);
      expect(r.ok || r.code, channel).toBe('FORBIDDEN');
    }
    const summary = await d.must('customers.summary', {});
    expect(summary.numbers).toEqual({ total: 0, current: 0 });

    await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    const denied = await d.must('audit.list', { action: 'access.denied', limit: 20 });
    expect(
      denied.events.some((e) => e.user === 'otto' && e.subject === 'channel:customers.importStart'),
    ).toBe(true);
  });

  it('audits every import with the SHA-256 of the whole file and its counts, also when cancelled or unreadable', async () => {
    const d = await importerDesk();
    await d.report(d.csv('customer_id,name,valid_from\nC001,Jan,2020-01-01\n'), 'customers');
    const big = d.csv(
      'number,customer_id,service,valid_from\n' +
        Array.from({ length: 300_000 }, (_, i) => `06-${20000000 + i},C001,mobile,2021-01-01`).join(
          '\n',
        ),
    );
    const { jobId } = await d.must('customers.importStart', {
      file: d.session.files.register(big).token,
      kind: 'numbers',
    });
    let s = await d.must('customers.importProgress', { jobId });
    while (s.state === 'running' && s.progress.rows < 20_000) {
      await new Promise((r) => setTimeout(r, 20));
      s = await d.must('customers.importProgress', { jobId });
    }
    await d.must('customers.importCancel', { jobId });
    s = await d.must('customers.importProgress', { jobId, waitMs: 10_000 });
    expect(s.report).toMatchObject({ status: 'cancelled', sha256: sha256File(big) });

    const latin1 = d.csv('');
    (await import('node:fs')).writeFileSync(
      latin1,
      Buffer.from('customer_id,name\nC9,Jos\xe9\n', 'latin1'),
    );
    const failed = await d.report(latin1, 'customers');
    expect(failed).toMatchObject({ status: 'failed', sha256: sha256File(latin1) });
    expect(failed.rejected[0]!.reason).toMatch(/not valid UTF-8/);

    await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    const events = (await d.must('audit.list', { action: 'customers.import' })).events;
    expect(events.map((e) => [e.details.status, e.details.sha256])).toEqual([
      ['failed', sha256File(latin1)],
      ['cancelled', sha256File(big)],
      ['committed', expect.stringMatching(/^[0-9a-f]{64}$/)],
    ]);
    for (const e of events) {
      expect(e.user).toBe('olga');
      expect(e.details).toEqual(
        expect.objectContaining({
          rows: expect.any(Number),
          added: expect.any(Number),
          changed: expect.any(Number),
          closed: expect.any(Number),
          unchanged: expect.any(Number),
          rejected: expect.any(Number),
          bytes: expect.any(Number),
        }),
      );
    }
  }, 60_000);

  it('migration 6 lets a vault of version 5 hold importers, its users kept as they were', () => {
    const db = openEncryptedDb(join(tempDir(), 'm.db'), randomBytes(32), { create: true });
    migrate(db, MIGRATIONS.slice(0, 5));
    db.prepare(
      `INSERT INTO user (name, display_name, role, created_at) VALUES ('anna', 'Anna', 'admin', 'x'), ('olga', 'Olga', 'officer', 'y')`,
    ).run();
    const insertImporter = () =>
      db
        .prepare(
          `INSERT INTO user (name, display_name, role, created_at) VALUES ('ivo', 'Ivo', 'importer', 'z')`,
        )
        .run();
    expect(insertImporter).toThrow(/CHECK constraint/);
    const before = db.prepare('SELECT * FROM user ORDER BY id').all();
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT * FROM user ORDER BY id').all()).toEqual(before);
    insertImporter();
    expect(() =>
      db
        .prepare(
          `INSERT INTO user (name, display_name, role, created_at) VALUES ('root', 'Root', 'root', 'z')`,
        )
        .run(),
    ).toThrow(/CHECK constraint/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO user (name, display_name, role, created_at) VALUES ('anna', 'Again', 'admin', 'z')`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    db.close();
  });
});
