import { createDecipheriv } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db';
import { cli } from '../support/cli';
import { ADMIN_PASS, createdDesk } from '../support/desk';

const NOW = new Date('2026-06-01T10:00:00Z');
const MARK_CUSTOMER = 'Purgemarker Klant Vroeger';
const MARK_REQUEST = 'Purgemarker Agent Oud';
const keyOf = (recoveryKey: string) => Buffer.from(recoveryKey.replace(/-/g, ''), 'hex');

/**
 * Every page of the database file and of its WAL, decrypted with the raw key (SQLCipher 4:
 * AES-256-CBC per 4096-byte page, IV in the 80 reserved bytes at the end, 16-byte salt in front of
 * page 1) — so the test sees free pages and old WAL frames too, not only what SQL still shows.
 */
function decryptedBytes(vaultDir: string, key: Buffer): Buffer {
  const PS = 4096;
  const RES = 80;
  const page = (p: Buffer, first: boolean) => {
    const d = createDecipheriv('aes-256-cbc', key, p.subarray(PS - RES, PS - RES + 16));
    d.setAutoPadding(false);
    return Buffer.concat([d.update(p.subarray(first ? 16 : 0, PS - RES)), d.final()]);
  };
  const out: Buffer[] = [];
  const db = readFileSync(join(vaultDir, 'vault.db'));
  for (let o = 0; o + PS <= db.length; o += PS) out.push(page(db.subarray(o, o + PS), o === 0));
  const walFile = join(vaultDir, 'vault.db-wal');
  if (existsSync(walFile)) {
    const wal = readFileSync(walFile);
    for (let o = 32; o + 24 + PS <= wal.length; o += 24 + PS) {
      out.push(page(wal.subarray(o + 24, o + 24 + PS), false));
    }
  }
  return Buffer.concat(out);
}

const ms = (iso: string) => Date.parse(iso);

function plant(db: Db) {
  const authority = (db.prepare('SELECT code FROM authority LIMIT 1').get() as { code: string })
    .code;
  const basis = (db.prepare('SELECT code FROM legal_basis LIMIT 1').get() as { code: string }).code;
  const request = db.prepare(
    `INSERT INTO request (register_no, year, seq, received_at, channel, oral, authority_code,
       requester_name, requester_function, legal_basis_code, urgency, deadline, categories, status,
       logged_by, logged_at)
     VALUES (?, ?, ?, ?, 'email', 0, ?, ?, 'opsporingsambtenaar', ?, 'normal', ?, '["name"]', ?, 'admin', ?)`,
  );
  const addRequest = (no: string, at: string, status: string, requester: string) => {
    const [y, s] = no.split('-').map(Number) as [number, number];
    return Number(
      request.run(no, y, s, at, authority, requester, basis, at, status, at).lastInsertRowid,
    );
  };
  const decide = (id: number, at: string) => {
    db.prepare(
      `INSERT INTO request_item (request_id, idx, kind, value, normalised, moment, time_zone, time_status, utc_ms)
       VALUES (?, 1, 'phone', '0612345678', '+31612345678', '2017-01-01T10:00', 'Europe/Amsterdam', 'ok', 0)`,
    ).run(id);
    const d = db
      .prepare(
        `INSERT INTO decision (request_id, outcome, items, categories, withheld, reasons, decided_by, decided_at)
         VALUES (?, 'disclose', '[1]', '["name"]', '[]', '[]', 'olga', ?)`,
      )
      .run(id, at);
    db.prepare(
      `INSERT INTO approval (decision_id, approved, approved_by, approved_at, one_person) VALUES (?, 1, 'piet', ?, 0)`,
    ).run(d.lastInsertRowid, at);
  };
  const old = addRequest('2018-0001', '2018-04-01T09:00:00.000Z', 'received', MARK_REQUEST);
  decide(old, '2018-05-01T09:00:00.000Z');
  db.prepare(`UPDATE request SET status = 'disclosed' WHERE id = ?`).run(old);
  const recent = addRequest('2020-0001', '2020-04-01T09:00:00.000Z', 'received', 'Agent Recent');
  decide(recent, '2020-05-01T09:00:00.000Z');
  db.prepare(`UPDATE request SET status = 'disclosed' WHERE id = ?`).run(recent);
  addRequest('2015-0001', '2015-01-01T09:00:00.000Z', 'received', 'Agent Never Closed');

  const run = db
    .prepare(
      `INSERT INTO import_run (kind, mode, status, file_name, file_sha256, file_bytes, user, started_at)
       VALUES ('customers', 'history', 'committed', 'c.csv', ?, 1, 'olga', 0)`,
    )
    .run('0'.repeat(64)).lastInsertRowid;
  const customer = (id: string, name: string) => {
    db.prepare('INSERT INTO customer (customer_id, import_id) VALUES (?, ?)').run(id, run);
    db.prepare(
      `INSERT INTO customer_version (customer_id, name, city, valid_from, import_id, source_line) VALUES (?, ?, 'Zwolle', 0, ?, 1)`,
    ).run(id, name, run);
  };
  const number = (id: string, e164: string, from: string, to: string | null) =>
    db
      .prepare(
        `INSERT INTO number_assignment (e164, number_given, customer_id, valid_from, valid_to, import_id, source_line)
         VALUES (?, ?, ?, ?, ?, ?, 1)`,
      )
      .run(e164, e164, id, ms(from), to ? ms(to) : null, run);
  const ip = (id: string, from: string, to: string | null) =>
    db
      .prepare(
        `INSERT INTO ip_assignment (family, prefix, prefix_length, ip_from, ip_to, customer_id, valid_from, valid_to, import_id, source_line)
         VALUES (4, '192.0.2.1/32', 32, ?, ?, ?, ?, ?, ?, 1)`,
      )
      .run(Buffer.alloc(16, 1), Buffer.alloc(16, 1), id, ms(from), to ? ms(to) : null, run);
  customer('C-OLD', MARK_CUSTOMER); // everything ended 2024-01-01: due (cutoff 2025-06-01)
  number('C-OLD', '+31612345678', '2019-01-01T00:00:00Z', '2024-01-01T00:00:00Z');
  ip('C-OLD', '2019-01-01T00:00:00Z', '2023-06-01T00:00:00Z');
  customer('C-RECENT', 'Klant Recent Weg'); // ended 2025-12-01: not yet
  number('C-RECENT', '+31612345679', '2019-01-01T00:00:00Z', '2025-12-01T00:00:00Z');
  customer('C-ACTIVE', 'Klant Actief'); // one open assignment: a current customer
  number('C-ACTIVE', '+31612345670', '2019-01-01T00:00:00Z', '2020-01-01T00:00:00Z');
  ip('C-ACTIVE', '2019-01-01T00:00:00Z', null);
  customer('C-NONE', 'Klant Zonder Dienst'); // no assignment at all: kept
}

async function plantedDesk() {
  const d = await createdDesk({ now: () => NOW });
  plant(d.session.vault!.db);
  return d;
}

const count = (db: Db, sql: string) => (db.prepare(sql).get() as { n: number }).n;

describe('retention and purge', () => {
  it('previews per category: counts, rows, periods and cutoffs from the settings', async () => {
    const d = await plantedDesk();
    const p = await d.must('ops.purgePreview', {});
    const byId = Object.fromEntries(p.categories.map((c) => [c.category, c]));
    expect(byId.requests).toMatchObject({
      count: 1,
      period: '7 years after closing',
      cutoff: '2019-06-01T10:00:00.000Z',
      available: true,
    });
    // request + item + decision + approval
    expect(byId.requests!.rows).toBe(4);
    expect(byId.formerCustomers).toMatchObject({
      count: 1,
      rows: 4, // customer + version + number + ip
      period: '12 months after the last assignment ended',
      cutoff: '2025-06-01T10:00:00.000Z',
      available: true,
    });
    expect(byId.auditEvents!.available).toBe(false);
    expect(p.total).toBe(2);
    // The preview changed nothing.
    const db = d.session.vault!.db;
    expect(count(db, 'SELECT count(*) AS n FROM request')).toBe(3);
    expect(count(db, 'SELECT count(*) AS n FROM customer')).toBe(4);
    expect(await d.must('ops.purgeDue', {})).toEqual({
      due: true,
      total: 2,
      categories: [
        { category: 'requests', count: 1 },
        { category: 'formerCustomers', count: 1 },
      ],
    });
    // Longer retention: nothing due.
    await d.must('settings.update', {
      retentionRequestYears: 9,
      retentionAuditYears: 9,
      retentionCustomerMonths: 36,
    });
    expect((await d.must('ops.purgeDue', {})).due).toBe(false);
  });

  it('purges in one transaction with a tombstone per category; the data is gone from the decrypted file bytes', async () => {
    const d = await plantedDesk();
    const db = d.session.vault!.db;
    const key = keyOf(d.recoveryKey);
    db.pragma('wal_checkpoint(TRUNCATE)');
    // Control: before the purge the markers are in the (decrypted) file.
    const before = decryptedBytes(d.vaultDir, key);
    expect(before.includes(Buffer.from(MARK_CUSTOMER))).toBe(true);
    expect(before.includes(Buffer.from(MARK_REQUEST))).toBe(true);

    const r = await d.must('ops.purge', { expect: { requests: 1, formerCustomers: 1 } });
    expect(r).toMatchObject({
      total: 2,
      vacuumed: true,
      purged: [
        { category: 'requests', count: 1, rows: 4 },
        { category: 'formerCustomers', count: 1, rows: 4 },
      ],
    });
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(count(db, `SELECT count(*) AS n FROM request WHERE register_no = '2018-0001'`)).toBe(0);
    expect(count(db, 'SELECT count(*) AS n FROM request')).toBe(2);
    expect(count(db, `SELECT count(*) AS n FROM customer WHERE customer_id = 'C-OLD'`)).toBe(0);
    expect(
      count(db, `SELECT count(*) AS n FROM number_assignment WHERE customer_id = 'C-OLD'`),
    ).toBe(0);
    expect(count(db, 'SELECT count(*) AS n FROM customer')).toBe(3);
    expect(count(db, 'SELECT count(*) AS n FROM request_item')).toBe(1);

    const after = decryptedBytes(d.vaultDir, key);
    expect(after.includes(Buffer.from(MARK_CUSTOMER))).toBe(false);
    expect(after.includes(Buffer.from(MARK_REQUEST))).toBe(false);
    expect(after.includes(Buffer.from('Klant Recent Weg'))).toBe(true); // kept data still there
    expect(statSync(join(d.vaultDir, 'vault.db-wal')).size).toBe(0);

    const tomb = await d.must('audit.list', { action: 'retention.purged' });
    expect(tomb.events.map((e) => e.details).reverse()).toEqual([
      {
        category: 'requests',
        count: 1,
        rows: 4,
        period: '7 years after closing',
        cutoff: '2019-06-01T10:00:00.000Z',
      },
      {
        category: 'formerCustomers',
        count: 1,
        rows: 4,
        period: '12 months after the last assignment ended',
        cutoff: '2025-06-01T10:00:00.000Z',
      },
    ]);
    expect(tomb.events.every((e) => e.user === 'admin')).toBe(true);
    const all = JSON.stringify((await d.must('audit.list', { limit: 1000 })).events);
    expect(all).not.toContain('Purgemarker');
    expect(all).not.toContain('C-OLD');
    expect((await d.must('audit.verify', {})).intact).toBe(true);

    // Nothing due any more: a second purge deletes nothing and leaves no tombstone.
    const again = await d.must('ops.purge', {});
    expect(again).toMatchObject({ total: 0, purged: [], vacuumed: false });
  });

  it('refuses when the counts changed since the preview, and deletes nothing', async () => {
    const d = await plantedDesk();
    const r = await d.call('ops.purge', { expect: { requests: 5 } });
    expect(r.ok || r.code).toBe('CONFLICT');
    expect(r.ok ? '' : r.message).toMatch(/changed since the preview/);
    const db = d.session.vault!.db;
    expect(count(db, 'SELECT count(*) AS n FROM request')).toBe(3);
    expect(count(db, 'SELECT count(*) AS n FROM customer')).toBe(4);
    expect((await d.must('audit.list', { action: 'retention.' })).total).toBe(0);
    // One category only.
    const only = await d.must('ops.purge', { categories: ['formerCustomers'] });
    expect(only.purged.map((p) => p.category)).toEqual(['formerCustomers']);
    expect(count(db, 'SELECT count(*) AS n FROM request')).toBe(3);
  });

  it('only an admin may preview or purge', async () => {
    const d = await plantedDesk();
    await d.must('users.add', { name: 'olga', role: 'officer', passphrase: 'olga passphrase 1' });
    await d.must('users.add', { name: 'anna', role: 'auditor', passphrase: 'anna passphrase 1' });
    for (const [name, pass] of [
      ['olga', 'olga passphrase 1'],
      ['anna', 'anna passphrase 1'],
    ] as const) {
      await d.must('vault.unlock', { userName: name, passphrase: pass });
      for (const ch of ['ops.purge', 'ops.purgePreview', 'ops.purgeDue'] as const) {
        const r = await d.call(ch, {});
        expect(r.ok || r.code, `${name} ${ch}`).toBe('FORBIDDEN');
      }
    }
    await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    expect(count(d.session.vault!.db, 'SELECT count(*) AS n FROM request')).toBe(3);
  });
});

describe('CLI: purge [--dry-run] [--json]', () => {
  it('dry run shows what would go and deletes nothing; purge deletes and reports', async () => {
    const d = await plantedDesk();
    const vault = d.vaultDir;
    await d.must('vault.lock', {});
    const ADMIN = { NAW_DESK_USER: 'admin', NAW_DESK_PASSPHRASE: ADMIN_PASS };
    // The CLI's clock is the real one (2026 or later): the planted 2018 request and 2024 customer are due.
    const dry = await cli(['purge', '--dry-run', '--vault', vault], ADMIN);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/requests\s+1\s+4\s+7 years after closing/);
    expect(dry.stdout).toMatch(/dry run: nothing was deleted/);
    const dryJson = await cli(['purge', '--dry-run', '--json', '--vault', vault], ADMIN);
    expect(dryJson.json().total).toBeGreaterThanOrEqual(2);
    const run = await cli(['purge', '--json', '--vault', vault], ADMIN);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ vacuumed: true });
    expect(run.json().purged.map((p: { category: string }) => p.category)).toContain('requests');
    const audit = await cli(
      ['audit', 'list', '--action', 'retention.purged', '--json', '--vault', vault],
      ADMIN,
    );
    expect(audit.json().total).toBe(run.json().purged.length);
  });
});
