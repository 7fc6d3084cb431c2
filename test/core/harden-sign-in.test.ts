import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncryptedDb } from '../../electron/core/db';
import { parseRecoveryKey } from '../../electron/vault/recovery-key';
import { ADMIN_PASS, createdDesk } from '../support/desk';

describe('a sign-in and its audit event succeed or fail together', () => {
  it('while another program holds the write lock: refused as busy, still locked, queued failures kept', async () => {
    const d = await createdDesk({ busyTimeoutMs: 50 });
    await d.must('vault.lock', {});
    const wrong = await d.call('vault.unlock', { userName: 'admin', passphrase: 'not it at all' });
    expect(wrong.ok || wrong.code).toBe('BAD_CREDENTIALS');

    // A second connection (another process: a CLI import, say) takes the write lock and keeps it.
    const other = openEncryptedDb(join(d.vaultDir, 'vault.db'), parseRecoveryKey(d.recoveryKey)!);
    other.exec('BEGIN IMMEDIATE');
    try {
      const r = await d.call('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
      expect(r.ok || r.code).toBe('CONFLICT');
      expect(!r.ok && r.details).toEqual({ reason: 'vault_busy' });
      expect(!r.ok && r.message).toMatch(/busy.*not signed in.*try again/);
      // No session without its login.ok: nothing can be read.
      expect(d.session.vault).toBeNull();
      expect(d.session.user).toBeNull();
      expect(await d.must('vault.state', {})).toMatchObject({ unlocked: false, user: null });
      const read = await d.call('audit.list', {});
      expect(read.ok || read.code).toBe('LOCKED');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }

    await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    // The failed attempt queued before the busy one is recorded now, once.
    const failed = await d.must('audit.list', { action: 'login.failed' });
    expect(failed.total).toBe(1);
    expect(failed.events[0]!.user).toBe('admin');
    // login.ok: at creation and now; the refused attempt left none.
    expect((await d.must('audit.list', { action: 'login.ok' })).total).toBe(2);
    expect(d.session.consecutiveFailures).toBe(0);
    expect((await d.must('audit.verify', {})).intact).toBe(true);
  });
});
