import { execFileSync } from 'node:child_process';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../electron/audit/log';
import type { Db } from '../../electron/core/db';
import { DeskError } from '../../electron/core/errors';
import { changeKeySlots, readKeySlots, withSlot, wrapForUser } from '../../electron/vault/keyslots';
import { ADMIN_PASS, TEST_KDF, createdDesk } from '../support/desk';

type Desk = Awaited<ReturnType<typeof createdDesk>>;

const slotsFile = (d: Desk) => join(d.vaultDir, 'keyslots.json');
/** Work files of a key-file change (`.tmp`, `.old`) that must never be left behind. */
const leftovers = (dir: string) => readdirSync(dir).filter((f) => /\.(tmp|old)$/.test(f));

/**
 * Lets the open connection's database grow no further (PRAGMA max_page_count), then writes until
 * SQLite answers SQLITE_FULL: from then on, as on a full disk, every write that needs a page fails.
 */
function fillDatabase(db: Db): void {
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
  for (let i = 0; i < 100_000; i++) {
    try {
      appendAudit(db, { at: new Date().toISOString(), user: 'x', action: 'fill', subject: 'x' });
    } catch (e) {
      expect(e).toBeInstanceOf(DeskError);
      expect((e as DeskError).details).toEqual({ reason: 'disk_full' });
      return;
    }
  }
  throw new Error('the database never filled up');
}

describe('a full database says "disk full" and changes nothing', () => {
  it('SQLITE_FULL: CONFLICT disk_full with a clear message; no key slot for the user that was not added', async () => {
    const d = await createdDesk();
    const keyFile = readFileSync(slotsFile(d));
    fillDatabase(d.session.vault!.db);

    const s = await d.call('settings.update', { idleLockMinutes: 20 });
    expect(s.ok || s.code).toBe('CONFLICT');
    expect(!s.ok && s.details).toEqual({ reason: 'disk_full' });
    expect(!s.ok && s.message).toMatch(/disk is full: nothing was written/);
    expect(!s.ok && s.message).not.toMatch(/damaged/);

    const u = await d.call('users.add', {
      name: 'olga',
      role: 'officer',
      passphrase: 'olga pass 123',
    });
    expect(u.ok || u.code).toBe('CONFLICT');
    expect(!u.ok && u.details).toEqual({ reason: 'disk_full' });
    expect(readFileSync(slotsFile(d)).equals(keyFile)).toBe(true);
    expect(leftovers(d.vaultDir)).toEqual([]);

    await d.must('vault.lock', {}); // locking always works, even when its event cannot be written
    const olga = await d.call('vault.unlock', { userName: 'olga', passphrase: 'olga pass 123' });
    expect(olga.ok || olga.code).toBe('BAD_CREDENTIALS');
    await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    expect((await d.must('settings.get', {})).idleLockMinutes).toBe(10);
  });

  it('a commit that fails after the new key file is in place puts the old one back: no orphan slot, no temp file', async () => {
    const d = await createdDesk();
    const vault = d.session.vault!;
    const before = readFileSync(slotsFile(d));
    const wrapped = await wrapForUser(
      vault.vaultId,
      'mallory',
      vault.key,
      'mallory pass 1',
      TEST_KDF,
    );
    const next = withSlot(readKeySlots(slotsFile(d)), 'mallory', wrapped);
    // A deferred foreign key fails at COMMIT, after the last step of the transaction (the rename).
    expect(() =>
      changeKeySlots(vault.db, slotsFile(d), next, () => {
        vault.db.pragma('defer_foreign_keys = ON');
        vault.db
          .prepare(
            `INSERT INTO customer_version (customer_id, name, valid_from, import_id, source_line)
             VALUES ('no-such-customer', 'x', 0, 999, 1)`,
          )
          .run();
      }),
    ).toThrow(/FOREIGN KEY/);
    expect(readFileSync(slotsFile(d)).equals(before)).toBe(true);
    expect(leftovers(d.vaultDir)).toEqual([]);
    await d.must('vault.lock', {});
    const m = await d.call('vault.unlock', { userName: 'mallory', passphrase: 'mallory pass 1' });
    expect(m.ok || m.code).toBe('BAD_CREDENTIALS');
  });
});

/**
 * A real full disk: a small tmpfs, mounted for the test. Needs Linux and the right to mount
 * (root in a container or VM); elsewhere null and the test is skipped.
 */
function mountSmallDisk(): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'naw-desk-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return dir;
}

function unmount(dir: string): void {
  execFileSync('umount', [dir], { stdio: 'ignore' });
  rmSync(dir, { recursive: true, force: true });
}

/** Fills the disk holding `dir` with one file until ENOSPC; returns a way to free the space. */
function fillDisk(dir: string): () => void {
  const filler = join(dir, 'filler');
  const fd = openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (e) {
    expect((e as NodeJS.ErrnoException).code).toBe('ENOSPC');
  } finally {
    closeSync(fd);
  }
  return () => rmSync(filler);
}

describe('a real full disk (tmpfs): ENOSPC and SQLITE_FULL say "disk full"', () => {
  it('key file, database and export on a full disk: disk_full each time, nothing changed; freed, all works', async (ctx) => {
    const disk = mountSmallDisk();
    if (disk === null) return ctx.skip();
    try {
      const d = await createdDesk({ vaultDir: join(disk, 'vault') });
      const keyFile = readFileSync(slotsFile(d));
      const free = fillDisk(disk);

      const u = await d.call('users.add', {
        name: 'olga',
        role: 'officer',
        passphrase: 'olga pass 123',
      });
      expect(u.ok || u.code).toBe('CONFLICT');
      expect(!u.ok && u.details).toEqual({ reason: 'disk_full' });
      expect(readFileSync(slotsFile(d)).equals(keyFile)).toBe(true);
      expect(leftovers(d.vaultDir)).toEqual([]);

      // The WAL grows until the disk refuses it.
      let s = await d.call('settings.update', { organisation: { address: 'x'.repeat(200) } });
      for (let i = 0; s.ok && i < 2000; i++) {
        s = await d.call('settings.update', { idleLockMinutes: 1 + (i % 200) });
      }
      expect(s.ok || s.code).toBe('CONFLICT');
      expect(!s.ok && s.details).toEqual({ reason: 'disk_full' });

      const out = join(disk, 'audit.csv');
      const e = await d.call('audit.export', { format: 'csv', target: { path: out } });
      expect(e.ok || e.code).toBe('CONFLICT');
      expect(!e.ok && e.message).toMatch(/disk is full/);
      expect(readdirSync(disk).filter((f) => f.startsWith('audit.csv'))).toEqual([]);

      free();
      await d.must('users.add', { name: 'olga', role: 'officer', passphrase: 'olga pass 123' });
      await d.must('audit.export', { format: 'csv', target: { path: out } });
      expect((await d.must('audit.verify', {})).intact).toBe(true);
      await d.must('vault.lock', {});
    } finally {
      unmount(disk);
    }
  });
});
