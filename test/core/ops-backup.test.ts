import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBackupHeader } from '../../electron/ops/backup-format';
import { SCHEMA_VERSION } from '../../electron/vault/migrations';
import { cli } from '../support/cli';
import { ADMIN_PASS, createdDesk, tempDir, testDesk } from '../support/desk';
import { openWithReferenceSqlcipher, skipWithoutReferenceSqlcipher } from '../support/sqlcipher';

const MARKER = 'Plaintext-Marker-Organisatie-7Q';
const hex = (k: string) => k.replace(/-/g, '').toLowerCase();

async function deskWithData() {
  const d = await createdDesk();
  // The organisation name is readable by design (unlock screen); the address is vault data.
  await d.must('settings.update', { organisation: { address: MARKER, city: 'Zwolle' } });
  await d.must('users.add', { name: 'olga', role: 'officer', passphrase: 'olga passphrase 1' });
  return d;
}

/** The database part of a backup file, as a stand-alone file (what `tail -c` gives). */
function extractDb(backup: string): string {
  const { header, dbOffset } = readBackupHeader(backup);
  const bytes = readFileSync(backup).subarray(dbOffset);
  expect(bytes.length).toBe(header.db.bytes);
  const out = join(tempDir(), 'extracted.db');
  writeFileSync(out, bytes);
  return out;
}

describe('backup', () => {
  it('writes one encrypted, verified file: no plaintext, opens with the recovery key, chain intact, audited', async ({
    skip,
  }) => {
    skipWithoutReferenceSqlcipher(skip);
    const d = await deskWithData();
    const target = join(tempDir(), 'backup.nawbackup');
    const r = await d.must('ops.backup', { target: { path: target } });
    const bytes = readFileSync(target);
    expect(r).toMatchObject({
      savedTo: target,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      schemaVersion: SCHEMA_VERSION,
      base64: null,
    });
    expect(bytes.includes(Buffer.from(MARKER))).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from(hex(d.recoveryKey)))).toBe(false);

    // The standard SQLCipher 4 library opens the database part with the recovery key alone.
    const ref = await openWithReferenceSqlcipher(extractDb(target), hex(d.recoveryKey));
    const rows = await ref.all<{ value: string }>(
      `SELECT value FROM setting WHERE key = 'organisation'`,
    );
    expect(rows[0]!.value).toContain(MARKER);
    const version = await ref.all<{ user_version: number }>('PRAGMA user_version');
    expect(version[0]!.user_version).toBe(SCHEMA_VERSION);
    await ref.close();

    const ev = (await d.must('audit.list', { action: 'vault.backup' })).events[0]!;
    expect(ev.details).toEqual({
      to: target,
      bytes: r.bytes,
      sha256: r.sha256,
      schemaVersion: SCHEMA_VERSION,
      auditHead: r.auditHead.seq,
    });
    // No work files left beside the backup.
    expect(readdirSync(join(target, '..'))).toEqual(['backup.nawbackup']);
  });

  it('stays consistent while the desk keeps writing during the copy (online)', async () => {
    const d = await deskWithData();
    const target = join(tempDir(), 'online.nawbackup');
    const backup = d.must('ops.backup', { target: { path: target } });
    const writes = Promise.all(
      ['piet', 'joke', 'kees'].map((name) =>
        d.must('users.add', { name, role: 'officer', passphrase: `${name} passphrase 12` }),
      ),
    );
    const [r] = await Promise.all([backup, writes]);
    expect(r.auditEvents).toBe(r.auditHead.seq);
    const restored = testDesk({ vaultDir: join(tempDir(), 'restored') });
    const out = await restored.must('ops.restore', {
      from: { kind: 'path', path: target },
      recoveryKey: d.recoveryKey,
    });
    expect(out.auditIntact).toBe(true);
    expect((await d.must('audit.verify', {})).intact).toBe(true);
  });

  it('refuses to overwrite a file or the vault; in the app a path from the caller is refused', async () => {
    const d = await deskWithData();
    const existing = join(tempDir(), 'exists.nawbackup');
    writeFileSync(existing, 'keep me');
    const r = await d.call('ops.backup', { target: { path: existing } });
    expect(r.ok ? '' : r.message).toMatch(/already exists/);
    expect(readFileSync(existing, 'utf8')).toBe('keep me');
    const over = await d.call('ops.backup', { target: { path: join(d.vaultDir, 'vault.db') } });
    expect(over.ok || over.code).toBe('CONFLICT');

    const chosen = join(tempDir(), 'chosen.nawbackup');
    const app = await createdDesk({
      platform: { pickOpenFile: async () => null, pickSaveFile: async () => chosen },
    });
    const viaPath = await app.call('ops.backup', { target: { path: join(tempDir(), 'x') } });
    expect(viaPath.ok || viaPath.code).toBe('FORBIDDEN');
    const viaDialog = await app.must('ops.backup', { target: 'dialog' });
    expect(viaDialog.savedTo).toBe(chosen);
    expect(readBackupHeader(chosen).header.vaultId).toBe(app.session.vault!.vaultId);
  });

  it('download (browser harness): the same verified bundle comes back as bytes', async () => {
    const d = await deskWithData();
    const r = await d.must('ops.backup', { target: 'inline' });
    expect(r.savedTo).toBeNull();
    const bytes = Buffer.from(r.base64!, 'base64');
    expect(bytes.length).toBe(r.bytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(r.sha256);
    expect(r.fileName).toMatch(/^naw-desk-backup-.*\.nawbackup$/);
    const f = join(tempDir(), r.fileName);
    writeFileSync(f, bytes);
    expect(readBackupHeader(f).header).toMatchObject({ orgName: 'Testnet B.V.', demo: false });
  });
});

describe('restore', () => {
  async function backupFile() {
    const d = await deskWithData();
    const target = join(tempDir(), 'b.nawbackup');
    const r = await d.must('ops.backup', { target: { path: target } });
    return { d, target, r };
  }

  it('round trip with the recovery key into a new folder: same data, chain intact, restore audited', async () => {
    const { d, target, r } = await backupFile();
    const dir = join(tempDir(), 'new-vault');
    const n = testDesk({ vaultDir: dir });
    const out = await n.must('ops.restore', {
      from: { kind: 'path', path: target },
      recoveryKey: d.recoveryKey,
    });
    expect(out).toMatchObject({
      vaultId: d.session.vault!.vaultId,
      schemaVersion: SCHEMA_VERSION,
      auditEvents: r.auditEvents,
      auditIntact: true,
      sha256: r.sha256,
    });
    // Users sign in with the passphrases of that moment.
    await n.must('vault.unlock', { userName: 'olga', passphrase: 'olga passphrase 1' });
    await n.must('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    expect((await n.must('settings.get', {})).organisation.address).toBe(MARKER);
    const v = await n.must('audit.verify', {});
    expect(v.intact).toBe(true);
    const ev = (await n.must('audit.list', { action: 'vault.restored' })).events[0]!;
    expect(ev.details).toMatchObject({
      from: 'b.nawbackup',
      sha256: r.sha256,
      via: 'recovery-key',
    });
    // The witness taken before the backup still holds in the restored vault.
    expect(
      (
        await n.must('audit.checkWitness', {
          witnesses: [{ vaultId: out.vaultId, ...r.auditHead, at: r.createdAt }],
        })
      ).ok,
    ).toBe(true);
  });

  it('round trip with a user passphrase', async () => {
    const { target } = await backupFile();
    const n = testDesk({ vaultDir: join(tempDir(), 'p') });
    const out = await n.must('ops.restore', {
      from: { kind: 'path', path: target },
      userName: 'olga',
      passphrase: 'olga passphrase 1',
    });
    expect(out.auditIntact).toBe(true);
    const ev = await n.must('vault.unlock', { userName: 'olga', passphrase: 'olga passphrase 1' });
    expect(ev.name).toBe('olga');
  });

  it('never overwrites: refuses a folder with a vault or other files, and leaves nothing behind on a wrong key', async () => {
    const { d, target } = await backupFile();
    const live = testDesk({ vaultDir: d.vaultDir });
    const before = readFileSync(join(d.vaultDir, 'keyslots.json'));
    const r = await live.call('ops.restore', {
      from: { kind: 'path', path: target },
      recoveryKey: d.recoveryKey,
    });
    expect(r.ok || r.code).toBe('VAULT_EXISTS');
    expect(readFileSync(join(d.vaultDir, 'keyslots.json')).equals(before)).toBe(true);

    const busy = tempDir();
    writeFileSync(join(busy, 'notes.txt'), 'x');
    const r2 = await testDesk({ vaultDir: busy }).call('ops.restore', {
      from: { kind: 'path', path: target },
      recoveryKey: d.recoveryKey,
    });
    expect(r2.ok ? '' : r2.message).toMatch(/not empty/);

    const dir = join(tempDir(), 'wrong');
    const wrongKey = await testDesk({ vaultDir: dir }).call('ops.restore', {
      from: { kind: 'path', path: target },
      recoveryKey: 'AB'.repeat(32),
    });
    expect(wrongKey.ok || wrongKey.code).toBe('BAD_RECOVERY_KEY');
    expect(existsSync(dir)).toBe(false);
    const wrongPass = await testDesk({ vaultDir: dir }).call('ops.restore', {
      from: { kind: 'path', path: target },
      userName: 'olga',
      passphrase: 'not her passphrase',
    });
    expect(wrongPass.ok || wrongPass.code).toBe('BAD_CREDENTIALS');
    expect(existsSync(dir)).toBe(false);
    const both = await testDesk({ vaultDir: dir }).call('ops.restore', {
      from: { kind: 'path', path: target },
    } as never);
    expect(both.ok || both.code).toBe('BAD_INPUT');
  });

  it('refuses a damaged backup (checksum) and a file that is not a backup', async () => {
    const { d, target } = await backupFile();
    const bytes = readFileSync(target);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 100) ^ 0xff, bytes.length - 100);
    const damaged = join(tempDir(), 'damaged.nawbackup');
    writeFileSync(damaged, bytes);
    const dir = join(tempDir(), 'd');
    const r = await testDesk({ vaultDir: dir }).call('ops.restore', {
      from: { kind: 'path', path: damaged },
      recoveryKey: d.recoveryKey,
    });
    expect(r.ok || r.code).toBe('VAULT_DAMAGED');
    expect(existsSync(dir)).toBe(false);
    const junk = join(tempDir(), 'junk.nawbackup');
    writeFileSync(junk, 'hello');
    const r2 = await testDesk({ vaultDir: dir }).call('ops.restore', {
      from: { kind: 'path', path: junk },
      recoveryKey: d.recoveryKey,
    });
    expect(r2.ok ? '' : r2.message).toMatch(/not a NAW Desk backup/);
  });
});

describe('CLI: backup FILE, restore FILE --vault DIR', () => {
  it('round trip on the command line with NAW_DESK_RECOVERY_KEY, then with --user', async () => {
    const vault = join(tempDir(), 'v');
    const ADMIN = { NAW_DESK_USER: 'admin', NAW_DESK_PASSPHRASE: ADMIN_PASS };
    const init = await cli(
      ['init', '--vault', vault, '--user', 'admin', '--org', 'T B.V.', '--json'],
      ADMIN,
    );
    const { recoveryKey } = init.json();
    const file = join(tempDir(), 'cli.nawbackup');
    const b = await cli(['backup', file, '--vault', vault], ADMIN);
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(/verified/);
    const again = await cli(['backup', file, '--vault', vault], ADMIN);
    expect(again.code).toBe(1);

    const target = join(tempDir(), 'restored');
    const r = await cli(['restore', file, '--vault', target, '--json'], {
      NAW_DESK_RECOVERY_KEY: recoveryKey,
    });
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ vault: target, auditIntact: true, orgName: 'T B.V.' });
    const status = await cli(['status', '--vault', target], ADMIN);
    expect(status.code).toBe(0);

    const onto = await cli(['restore', file, '--vault', target], {
      NAW_DESK_RECOVERY_KEY: recoveryKey,
    });
    expect(onto.code).toBe(1);
    expect(onto.stderr).toMatch(/VAULT_EXISTS/);

    const t2 = join(tempDir(), 'r2');
    const byUser = await cli(['restore', file, '--vault', t2, '--user', 'admin'], ADMIN);
    expect(byUser.code).toBe(0);
    const noVault = await cli(['restore', file], ADMIN);
    expect(noVault.code).toBe(2);
  });
});
