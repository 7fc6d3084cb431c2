import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { headerBytes, readBackupHeader } from '../../electron/ops/backup-format';
import { wrapKey } from '../../electron/vault/key-wrap';
import { createVault } from '../../electron/vault/vault';
import { ADMIN_PASS, TEST_KDF, createdDesk, tempDir, testDesk } from '../support/desk';

const OLGA = 'olga passphrase 1';

/** The key file as the first version wrote it: every user and the organisation in plaintext. */
async function firstVersionKeyFile(d: Awaited<ReturnType<typeof createdDesk>>) {
  const { key, vaultId } = d.session.vault!;
  const slot = async (user: string, passphrase: string) => ({
    user,
    ...(await wrapKey(key, passphrase, TEST_KDF, `naw-desk-slot-v1:${vaultId}:${user}`)),
  });
  return {
    format: 'naw-desk-keyslots',
    version: 1,
    vaultId,
    orgName: 'Testnet B.V.',
    demo: false,
    slots: [await slot('admin', ADMIN_PASS), await slot('olga', OLGA)],
  };
}

describe('keyslots.json names nobody', () => {
  it('holds no user name and no organisation; every user still unlocks by name', async () => {
    const d = await createdDesk();
    await d.must('users.add', { name: 'olga', role: 'officer', passphrase: OLGA });
    await d.must('users.add', { name: 'zwaantje', role: 'auditor', passphrase: 'auditor pass 12' });
    await d.must('vault.lock', {});
    const text = readFileSync(join(d.vaultDir, 'keyslots.json'), 'utf8');
    for (const name of ['admin', 'olga', 'zwaantje', 'Testnet']) expect(text).not.toContain(name);
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'naw-desk-keyslots', version: 2, demo: false });
    expect(file).not.toHaveProperty('orgName');
    expect(Object.keys(file.slots[0]).sort()).toEqual(['ciphertext', 'iv', 'kdf', 'label', 'tag']);
    // Before unlock the screen gets what it needs, and no organisation.
    expect(await d.must('vault.state', {})).toMatchObject({
      exists: true,
      unlocked: false,
      orgName: null,
      demo: false,
    });
    await d.must('vault.unlock', { userName: 'olga', passphrase: OLGA });
    expect((await d.must('vault.state', {})).orgName).toBe('Testnet B.V.');
    await d.must('vault.unlock', { userName: 'zwaantje', passphrase: 'auditor pass 12' });
    // Another user's passphrase under your name opens nothing.
    const swapped = await d.call('vault.unlock', { userName: 'admin', passphrase: OLGA });
    expect(swapped.ok || swapped.code).toBe('BAD_CREDENTIALS');
  });

  it('a demo vault still says so before unlock (the flag is in the key file)', async () => {
    const dir = join(tempDir(), 'demo');
    const c = await createVault(dir, {
      orgName: 'Demonet Telecom B.V. (DEMO)',
      adminName: 'demo-admin',
      passphrase: ADMIN_PASS,
      at: new Date().toISOString(),
      demo: true,
      kdfCost: TEST_KDF,
    });
    c.vault.db.close();
    const state = await testDesk({ vaultDir: dir }).must('vault.state', {});
    expect(state).toMatchObject({ demo: true, orgName: 'Demonet Telecom B.V. (DEMO)' });
    expect(state.demoSignIn?.userName).toBe('demo-admin');
    expect(readFileSync(join(dir, 'keyslots.json'), 'utf8')).not.toContain('demo-admin');
  });

  it('an old key file (names in plaintext) still unlocks and is rewritten without names at sign-in', async () => {
    const d = await createdDesk();
    await d.must('users.add', { name: 'olga', role: 'officer', passphrase: OLGA });
    const old = await firstVersionKeyFile(d);
    await d.must('vault.lock', {});
    writeFileSync(join(d.vaultDir, 'keyslots.json'), JSON.stringify(old));
    expect(await d.must('vault.state', {})).toMatchObject({ exists: true, demo: false });

    await d.must('vault.unlock', { userName: 'olga', passphrase: OLGA });
    const text = readFileSync(join(d.vaultDir, 'keyslots.json'), 'utf8');
    expect(JSON.parse(text).version).toBe(2);
    for (const name of ['admin', 'olga', 'Testnet']) expect(text).not.toContain(name);
    await d.must('vault.lock', {});
    await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    expect((await d.must('vault.summary', {})).orgName).toBe('Testnet B.V.');
  });

  it('an old backup (its key file names users) restores with a passphrase, into a key file without names', async () => {
    const d = await createdDesk();
    await d.must('users.add', { name: 'olga', role: 'officer', passphrase: OLGA });
    const file = join(tempDir(), 'b.nawbackup');
    await d.must('ops.backup', { target: { path: file } });
    const { header, dbOffset } = readBackupHeader(file);
    const old = join(tempDir(), 'old.nawbackup');
    const db = readFileSync(file).subarray(dbOffset);
    writeFileSync(
      old,
      Buffer.concat([headerBytes({ ...header, keyslots: await firstVersionKeyFile(d) }), db]),
    );
    const dir = join(tempDir(), 'restored');
    const n = testDesk({ vaultDir: dir });
    await n.must('ops.restore', {
      from: { kind: 'path', path: old },
      userName: 'olga',
      passphrase: OLGA,
    });
    expect(readFileSync(join(dir, 'keyslots.json'), 'utf8')).not.toContain('olga');
    await n.must('vault.unlock', { userName: 'olga', passphrase: OLGA });
  });
});

describe('the database key reaches SQLCipher without a hex string', () => {
  afterEach(() => vi.restoreAllMocks());

  it("as a Buffer holding x'<hex>', zeroed once handed over; no pragma carries it", async () => {
    const d = await createdDesk();
    await d.must('vault.lock', {});
    const handed: Buffer[] = [];
    const seen: string[] = [];
    const original = Database.prototype.key;
    const spy = vi.spyOn(Database.prototype, 'key').mockImplementation(function (
      this: Database.Database,
      material: Buffer,
    ) {
      handed.push(material);
      seen.push(material.toString('latin1'));
      return original.call(this, material);
    });
    const pragma = vi.spyOn(Database.prototype, 'pragma');

    await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    const hex = d.recoveryKey.replace(/-/g, '').toLowerCase();
    expect(spy).toHaveBeenCalledTimes(1);
    expect(seen[0]).toBe(`x'${hex}'`);
    expect(handed[0]!.every((b) => b === 0)).toBe(true);
    for (const [source] of pragma.mock.calls) expect(String(source)).not.toContain(hex);
  });
});
