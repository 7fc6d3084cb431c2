import { afterEach, describe, expect, it, vi } from 'vitest';
import { ADMIN_PASS, createdDesk } from '../support/desk';

describe('idle lock', () => {
  afterEach(() => vi.useRealTimers());

  it('closes the database and drops the key after the configured idle minutes', async () => {
    const locks: string[] = [];
    const d = await createdDesk({ onLock: (reason) => locks.push(reason) });
    await d.must('settings.update', { idleLockMinutes: 3 });
    vi.useFakeTimers();
    await d.must('session.activity', {}); // re-arms the timer under fake time
    const key = d.session.vault!.key;
    vi.advanceTimersByTime(2 * 60_000);
    expect(d.session.vault).not.toBeNull();
    await d.must('session.activity', {});
    vi.advanceTimersByTime(2 * 60_000);
    expect(d.session.vault).not.toBeNull(); // activity postponed it
    vi.advanceTimersByTime(60_000 + 1);
    expect(d.session.vault).toBeNull();
    expect(locks).toEqual(['idle']);
    expect(key.equals(Buffer.alloc(32))).toBe(true); // key zeroed
    vi.useRealTimers();
    const r = await d.call('users.list', {});
    expect(r.ok || r.code).toBe('LOCKED');
    const state = await d.must('vault.state', {});
    expect(state).toMatchObject({ exists: true, unlocked: false, user: null });
    await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    const ev = await d.must('audit.list', { action: 'vault.locked' });
    expect(ev.events[0]!.details).toEqual({ reason: 'idle' });
  });

  it('defaults to 10 minutes', async () => {
    const d = await createdDesk();
    expect((await d.must('settings.get', {})).idleLockMinutes).toBe(10);
    vi.useFakeTimers();
    await d.must('session.activity', {});
    vi.advanceTimersByTime(10 * 60_000 - 1);
    expect(d.session.vault).not.toBeNull();
    vi.advanceTimersByTime(2);
    expect(d.session.vault).toBeNull();
  });

  it('records why the window locked: its own idle timer or the Lock button', async () => {
    const d = await createdDesk();
    await d.must('vault.lock', { reason: 'idle' });
    await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    await d.must('vault.lock', {});
    await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    const ev = await d.must('audit.list', { action: 'vault.locked' });
    expect(ev.events.map((e) => e.details.reason)).toEqual(['manual', 'idle']);
    const bad = await d.call('vault.lock', { reason: 'bored' as never });
    expect(bad.ok || bad.code).toBe('BAD_INPUT');
  });
});
