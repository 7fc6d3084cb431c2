import { describe, expect, it } from 'vitest';
import { createdDesk, ADMIN_PASS } from '../support/desk';

describe('vault smoke', () => {
  it('creates, locks, unlocks, adds a user, verifies the audit chain', async () => {
    const d = await createdDesk();
    expect((await d.must('vault.state', {})).unlocked).toBe(true);
    await d.must('vault.lock', {});
    expect((await d.call('users.list', {})).ok).toBe(false);
    const bad = await d.call('vault.unlock', {
      userName: 'admin',
      passphrase: 'wrong wrong wrong',
    });
    expect(bad.ok).toBe(false);
    await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    await d.must('users.add', {
      name: 'olga',
      role: 'officer',
      passphrase: 'officer passphrase 1',
    });
    const v = await d.must('audit.verify', {});
    expect(v.intact).toBe(true);
    const list = await d.must('audit.list', {});
    expect(list.events.map((e) => e.action)).toContain('login.failed');
  });
});
