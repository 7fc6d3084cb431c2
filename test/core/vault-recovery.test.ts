import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWithReferenceSqlcipher, skipWithoutReferenceSqlcipher } from '../support/sqlcipher';
import { ADMIN_PASS, createdDesk, OLGA } from '../support/desk';
import { openLockedInReference } from '../support/reference-vault';

describe('recovery key', () => {
  it('is 64 hex digits in groups of four, shown once at creation', async () => {
    const d = await createdDesk();
    expect(d.recoveryKey).toMatch(/^([0-9A-F]{4}-){15}[0-9A-F]{4}$/);
  });

  it('opens the vault in the reference SQLCipher 4 library (no lock-in)', async ({ skip }) => {
    skipWithoutReferenceSqlcipher(skip);
    const d = await createdDesk();
    await d.must('users.add', OLGA);
    const ref = await openLockedInReference(d);
    try {
      const version = await ref.all<{ cipher_version: string }>('PRAGMA cipher_version');
      expect(version[0]!.cipher_version).toMatch(/^4\./);
      const users = await ref.all<{ name: string; role: string }>(
        'SELECT name, role FROM user ORDER BY name',
      );
      expect(users).toEqual([
        { name: 'admin', role: 'admin' },
        { name: 'olga', role: 'officer' },
      ]);
      const actions = await ref.all<{ action: string }>(
        'SELECT action FROM audit_event ORDER BY seq',
      );
      expect(actions.map((a) => a.action)).toContain('user.added');
    } finally {
      await ref.close();
    }
  });

  it('a wrong key does not open it in the reference library', async ({ skip }) => {
    skipWithoutReferenceSqlcipher(skip);
    const d = await createdDesk();
    await d.must('vault.lock', {});
    const ref = await openWithReferenceSqlcipher(join(d.vaultDir, 'vault.db'), 'ab'.repeat(32));
    await expect(ref.all('SELECT count(*) FROM user')).rejects.toThrow(/not a database/);
    await ref.close();
  });

  it('restore-access lets an admin set a new passphrase with the recovery key', async () => {
    const d = await createdDesk();
    await d.must('vault.lock', {});
    const bad = await d.call('vault.restoreAccess', {
      recoveryKey: '0000-'.repeat(15) + '0000',
      userName: 'admin',
      newPassphrase: 'brand new passphrase',
    });
    expect(bad.ok || bad.code).toBe('BAD_RECOVERY_KEY');
    const typo = await d.call('vault.restoreAccess', {
      recoveryKey: 'not a key',
      userName: 'admin',
      newPassphrase: 'brand new passphrase',
    });
    expect(typo.ok || typo.code).toBe('BAD_RECOVERY_KEY');

    await d.must('vault.restoreAccess', {
      recoveryKey: d.recoveryKey.toLowerCase().replace(/-/g, ' '),
      userName: 'admin',
      newPassphrase: 'brand new passphrase',
    });
    const old = await d.call('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    expect(old.ok || old.code).toBe('BAD_CREDENTIALS');
    await d.must('vault.unlock', { userName: 'admin', passphrase: 'brand new passphrase' });
    const events = await d.must('audit.list', { action: 'user.passphrase.restored' });
    expect(events.events[0]).toMatchObject({ user: 'admin', details: { via: 'recovery-key' } });
  });

  it('restore-access refuses non-admin accounts', async () => {
    const d = await createdDesk();
    await d.must('users.add', OLGA);
    await d.must('vault.lock', {});
    const r = await d.call('vault.restoreAccess', {
      recoveryKey: d.recoveryKey,
      userName: 'olga',
      newPassphrase: 'brand new passphrase',
    });
    expect(r.ok || r.code).toBe('FORBIDDEN');
  });
});
