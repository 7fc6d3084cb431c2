import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASS, createdDesk, tempDir, testDesk } from '../support/desk';
import { folderFingerprint } from '../support/files';
import { DEFAULT_KDF_COST } from '../../electron/vault/key-wrap';
import { readKeySlots } from '../../electron/vault/keyslots';

describe('unlock', () => {
  it('refuses a wrong passphrase clearly, waits longer each time, changes nothing on disk, audits later', async () => {
    const waits: number[] = [];
    const d = await createdDesk({ sleep: async (ms) => void waits.push(ms) });
    await d.must('vault.lock', {});
    const before = folderFingerprint(d.vaultDir);
    for (let i = 0; i < 5; i++) {
      const r = await d.call('vault.unlock', {
        userName: 'admin',
        passphrase: `wrong passphrase ${i}`,
      });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe('BAD_CREDENTIALS');
        expect(r.message).toMatch(/wrong passphrase/);
      }
    }
    expect(waits).toEqual([0, 0, 1000, 2000, 4000]);
    // An unknown user gets the very same answer as a wrong passphrase (no user enumeration).
    const unknown = await d.call('vault.unlock', {
      userName: 'nobody',
      passphrase: 'whatever it is',
    });
    const wrong = await d.call('vault.unlock', { userName: 'admin', passphrase: 'whatever it is' });
    expect(unknown.ok || [unknown.code, unknown.message]).toEqual(
      wrong.ok || [wrong.code, wrong.message],
    );
    expect(folderFingerprint(d.vaultDir)).toEqual(before);

    await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    const failed = await d.must('audit.list', { action: 'login.failed' });
    expect(failed.total).toBe(7);
    expect(failed.events.map((e) => e.user)).toContain('nobody');
    expect(failed.events[0]!.details).toHaveProperty('attemptedAt');
    // The counter starts again after a good unlock.
    expect(d.session.consecutiveFailures).toBe(0);
  });

  it('says so clearly, and never overwrites, when the database file is damaged or foreign', async () => {
    const d = await createdDesk();
    await d.must('vault.lock', {});
    writeFileSync(join(d.vaultDir, 'vault.db'), randomBytes(8192));
    const before = folderFingerprint(d.vaultDir);
    const r = await d.call('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    expect(r.ok || r.code).toBe('VAULT_DAMAGED');
    expect(!r.ok && r.message).toMatch(/damaged|not a NAW Desk vault/);
    expect(folderFingerprint(d.vaultDir)).toEqual(before);
    const again = await d.call('vault.create', {
      orgName: 'X',
      adminName: 'admin',
      passphrase: ADMIN_PASS,
    });
    expect(again.ok || again.code).toBe('VAULT_EXISTS');
    expect(folderFingerprint(d.vaultDir)).toEqual(before);
  });

  it('says so clearly when the key file is damaged', async () => {
    const d = await createdDesk();
    await d.must('vault.lock', {});
    writeFileSync(join(d.vaultDir, 'keyslots.json'), '{"format":"something else"}');
    const r = await d.call('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    expect(r.ok || r.code).toBe('VAULT_DAMAGED');
    writeFileSync(join(d.vaultDir, 'keyslots.json'), 'not json');
    const r2 = await d.call('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    expect(!r2.ok && r2.message).toMatch(/keyslots\.json/);
  });

  it('will not create a vault in a folder that holds other files', async () => {
    const dir = join(tempDir(), 'busy');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'keep me');
    const d = testDesk({ vaultDir: dir });
    const r = await d.call('vault.create', {
      orgName: 'X',
      adminName: 'admin',
      passphrase: ADMIN_PASS,
    });
    expect(r.ok || r.code).toBe('VAULT_EXISTS');
    expect(Object.keys(folderFingerprint(dir))).toEqual(['notes.txt']);
  });

  it('requires passphrases of at least 12 characters', async () => {
    const d = testDesk();
    const r = await d.call('vault.create', {
      orgName: 'X',
      adminName: 'admin',
      passphrase: 'short pass',
    });
    expect(r.ok || r.code).toBe('BAD_INPUT');
    expect(!r.ok && r.message).toMatch(/12 characters/);
    const c = await createdDesk();
    const u = await c.call('users.add', {
      name: 'olga',
      role: 'officer',
      passphrase: 'elevenchars',
    });
    expect(u.ok || u.code).toBe('BAD_INPUT');
  });

  it('stores the KDF parameters with each slot; the production default is scrypt N=2^17', async () => {
    const d = testDesk({ kdfCost: undefined });
    await d.must('vault.create', {
      orgName: 'Real cost',
      adminName: 'admin',
      passphrase: ADMIN_PASS,
    });
    await d.must('vault.lock', {});
    const slot = readKeySlots(join(d.vaultDir, 'keyslots.json')).slots[0]!;
    expect(slot.kdf).toMatchObject({ name: 'scrypt', ...DEFAULT_KDF_COST });
    expect(slot.kdf.salt).toMatch(/^[0-9a-f]{32}$/);
    await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
  });

  it('a user changes their own passphrase; the old one stops working', async () => {
    const d = await createdDesk();
    const wrong = await d.call('users.changeOwnPassphrase', {
      current: 'not it at all',
      next: 'a new passphrase!',
    });
    expect(wrong.ok || wrong.code).toBe('BAD_CREDENTIALS');
    await d.must('users.changeOwnPassphrase', { current: ADMIN_PASS, next: 'a new passphrase!' });
    await d.must('vault.lock', {});
    expect((await d.call('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS })).ok).toBe(
      false,
    );
    await d.must('vault.unlock', { userName: 'admin', passphrase: 'a new passphrase!' });
    expect((await d.must('audit.list', { action: 'user.passphrase.changed' })).total).toBe(1);
  });
});

describe('vault creation that fails half-way', () => {
  it('leaves the chosen folder empty again, so nothing half-written remains', async () => {
    const { createVault } = await import('../../electron/vault/vault');
    const { readdirSync } = await import('node:fs');
    const dir = join(tempDir(), 'v');
    // A missing creation time makes the first INSERT fail after the database file exists.
    await expect(
      createVault(dir, {
        orgName: 'X',
        adminName: 'admin',
        passphrase: ADMIN_PASS,
        at: null as unknown as string,
        kdfCost: { N: 1024, r: 8, p: 1 },
      }),
    ).rejects.toThrow(/NOT NULL/);
    expect(readdirSync(dir)).toEqual([]);
    const again = await createVault(dir, {
      orgName: 'X',
      adminName: 'admin',
      passphrase: ADMIN_PASS,
      at: new Date().toISOString(),
      kdfCost: { N: 1024, r: 8, p: 1 },
    });
    expect(again.recoveryKey).toMatch(/^([0-9A-F]{4}-){15}[0-9A-F]{4}$/);
    again.vault.db.close();
  });
});
