import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncryptedDb, type Db } from '../../electron/core/db';
import { sqliteCheck } from '../../electron/core/db-integrity';
import { headerBytes, readBackupHeader } from '../../electron/ops/backup-format';
import { checkAfterUnlock } from '../../electron/vault/integrity-watch';
import { parseRecoveryKey } from '../../electron/vault/recovery-key';
import { cli } from '../support/cli';
import { ADMIN_PASS, createdDesk, tempDir, testDesk } from '../support/desk';
import { folderFingerprint } from '../support/files';

const PAGE = 4096;

/** Flips one byte of a file, in page `page` (1-based) or, by default, in the last page. */
function flipByte(file: string, page?: number): void {
  const bytes = readFileSync(file);
  const at = page === undefined ? bytes.length - 200 : (page - 1) * PAGE + 100;
  bytes[at] = bytes[at]! ^ 0xff;
  writeFileSync(file, bytes);
}

const withDb = <T>(file: string, recoveryKey: string, fn: (db: Db) => T): T => {
  const db = openEncryptedDb(file, parseRecoveryKey(recoveryKey)!);
  try {
    return fn(db);
  } finally {
    db.close();
  }
};

/**
 * Damages a page that no SQL statement reads: a page on the free list (the desk writes with
 * secure_delete, so it is zeroed and encrypted like any other page). SQLite's quick check passes;
 * only the HMAC of every page tells. Returns the page number.
 */
function damageAFreePage(file: string, recoveryKey: string): number {
  const pages = withDb(file, recoveryKey, (db) => {
    db.exec('CREATE TABLE junk (x TEXT)');
    const add = db.prepare('INSERT INTO junk VALUES (?)');
    for (let i = 0; i < 200; i++) add.run('x'.repeat(1000));
    const used = (
      db.prepare(`SELECT pageno FROM dbstat WHERE name = 'junk'`).all() as {
        pageno: number;
      }[]
    ).map((r) => r.pageno);
    db.exec('DROP TABLE junk');
    db.pragma('wal_checkpoint(TRUNCATE)');
    return used;
  });
  // One of the freed pages heads the free list (SQLite reads it); the others are never read.
  for (const page of pages.slice(1)) {
    flipByte(file, page);
    if (withDb(file, recoveryKey, (db) => sqliteCheck(db, 'quick_check')) === null) return page;
    flipByte(file, page);
  }
  throw new Error('no free page that the quick check does not read');
}

describe('a damaged vault is caught, named and never re-initialised', () => {
  it('a flipped byte in the last page: unlock (and status) refuse it and say which backup to restore', async () => {
    const d = await createdDesk();
    await d.must('users.add', { name: 'olga', role: 'officer', passphrase: 'olga passphrase 1' });
    await d.must('vault.lock', {});
    flipByte(join(d.vaultDir, 'vault.db'));
    const before = folderFingerprint(d.vaultDir);

    const r = await d.call('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    expect(r.ok || r.code).toBe('VAULT_DAMAGED');
    expect(!r.ok && r.message).toMatch(/damaged/);
    expect(!r.ok && r.message).toMatch(/latest backup.*naw-desk restore FILE --vault NEWDIR/);
    expect(d.session.vault).toBeNull();
    const status = await cli(['status', '--vault', d.vaultDir], {
      NAW_DESK_USER: 'admin',
      NAW_DESK_PASSPHRASE: ADMIN_PASS,
    });
    expect(status.code).toBe(1);
    expect(status.stderr).toMatch(/VAULT_DAMAGED/);
    expect(folderFingerprint(d.vaultDir)).toEqual(before);
  });

  it('a 0-byte vault.db is damage, not a wrong passphrase, and never becomes a new empty vault', async () => {
    const d = await createdDesk();
    await d.must('vault.lock', {});
    writeFileSync(join(d.vaultDir, 'vault.db'), '');
    const r = await d.call('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    expect(r.ok || r.code).toBe('VAULT_DAMAGED');
    expect(!r.ok && r.message).toMatch(/empty \(0 bytes\).*naw-desk restore FILE --vault NEWDIR/);
    const recovery = await d.call('vault.restoreAccess', {
      recoveryKey: d.recoveryKey,
      userName: 'admin',
      newPassphrase: 'another passphrase',
    });
    expect(recovery.ok || recovery.code).toBe('VAULT_DAMAGED');
    const create = await d.call('vault.create', {
      orgName: 'X',
      adminName: 'admin',
      passphrase: ADMIN_PASS,
    });
    expect(create.ok || create.code).toBe('VAULT_EXISTS');
    expect(statSync(join(d.vaultDir, 'vault.db')).size).toBe(0);
  });

  it('a backup runs the full check: damage the quick check cannot see is refused, nothing saved', async () => {
    const d = await createdDesk();
    await d.must('vault.lock', {});
    const page = damageAFreePage(join(d.vaultDir, 'vault.db'), d.recoveryKey);
    // Opens and works: SQL never reads a free page.
    await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    expect((await d.must('audit.verify', {})).intact).toBe(true);

    const out = tempDir();
    const r = await d.call('ops.backup', { target: { path: join(out, 'b.nawbackup') } });
    expect(r.ok || r.code).toBe('VAULT_DAMAGED');
    expect(!r.ok && r.message).toMatch(new RegExp(`HMAC check \\(page ${page}\\)`));
    expect(!r.ok && r.message).toMatch(/Nothing was saved.*naw-desk restore FILE --vault NEWDIR/);
    expect(readdirSync(out)).toEqual([]);
    expect((await d.must('audit.list', { action: 'vault.backup' })).total).toBe(0);
  });

  it('a restore runs the full check too: a damaged backup whose checksum fits is refused', async () => {
    const d = await createdDesk();
    const good = join(tempDir(), 'good.nawbackup');
    await d.must('ops.backup', { target: { path: good } });
    // What an older desk, which did not check, could have written: damage inside, checksum over it.
    const { header, dbOffset } = readBackupHeader(good);
    const db = join(tempDir(), 'db');
    writeFileSync(db, readFileSync(good).subarray(dbOffset));
    damageAFreePage(db, d.recoveryKey);
    for (const f of [`${db}-wal`, `${db}-shm`]) expect(existsSync(f)).toBe(false);
    const bytes = readFileSync(db);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const damaged = join(tempDir(), 'damaged.nawbackup');
    writeFileSync(
      damaged,
      Buffer.concat([headerBytes({ ...header, db: { bytes: bytes.length, sha256 } }), bytes]),
    );

    const dir = join(tempDir(), 'restored');
    const r = await testDesk({ vaultDir: dir }).call('ops.restore', {
      from: { kind: 'path', path: damaged },
      recoveryKey: d.recoveryKey,
    });
    expect(r.ok || r.code).toBe('VAULT_DAMAGED');
    expect(!r.ok && r.message).toMatch(/backup's database is damaged.*HMAC.*older backup/);
    expect(existsSync(dir)).toBe(false);
    // The good one restores.
    const ok = await testDesk({ vaultDir: dir }).must('ops.restore', {
      from: { kind: 'path', path: good },
      recoveryKey: d.recoveryKey,
    });
    expect(ok.auditIntact).toBe(true);
  });

  it('a vault too large to check during unlock is checked right after, in a worker, and damage is reported', async () => {
    const d = await createdDesk();
    const vault = d.session.vault!;
    vault.db.pragma('wal_checkpoint(TRUNCATE)');
    // A page of a table or index (the schema's own pages cannot be read past: a damaged one is
    // reported as a database that cannot be opened, before any page is checked).
    const page = vault.db
      .prepare(`SELECT max(pageno) FROM dbstat WHERE name <> 'sqlite_schema'`)
      .pluck()
      .get() as number;
    flipByte(join(d.vaultDir, 'vault.db'), page);
    // As openWithKey leaves a vault above UNLOCK_QUICK_CHECK_MAX_PAGES.
    vault.integrity = { state: 'unchecked', problem: null };
    checkAfterUnlock(d.session, vault);
    expect((await d.must('vault.state', {})).integrity?.state).toBe('checking');
    for (let i = 0; i < 300 && vault.integrity.state === 'checking'; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const state = await d.must('vault.state', {});
    expect(state.integrity?.state).toBe('damaged');
    expect(state.integrity?.problem).toMatch(/page/);
    // The finding is on record.
    const ev = (await d.must('audit.list', { action: 'vault.integrity.failed' })).events[0]!;
    expect(ev).toMatchObject({ user: 'system', details: { check: 'quick_check' } });
  });
});

describe('the check after unlock, where a session asks for none', () => {
  it('is not started by a session made without it (the CLI: its commands end before it would)', async () => {
    const d = await createdDesk({ checkAfterUnlock: false });
    const vault = d.session.vault!;
    // As openWithKey leaves a vault above UNLOCK_QUICK_CHECK_MAX_PAGES.
    vault.integrity = { state: 'unchecked', problem: null };
    checkAfterUnlock(d.session, vault);
    expect((await d.must('vault.state', {})).integrity?.state).toBe('unchecked');
  });
});
