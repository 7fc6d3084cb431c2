import { describe, expect, it } from 'vitest';
import { CHANNELS, CONTRACT } from '../../shared/contract';
import { can, ROLES } from '../../shared/roles';
import { createdDesk } from '../support/desk';

const pass = (role: string) => `${role} passphrase long`;

describe('role checks in the handler table', () => {
  it('refuses every capability-guarded channel to every role without it, and audits the refusal', async () => {
    const d = await createdDesk();
    for (const role of ROLES) {
      await d.must('users.add', { name: `u-${role}`, role, passphrase: pass(role) });
    }
    let refusals = 0;
    for (const role of ROLES) {
      await d.must('vault.unlock', { userName: `u-${role}`, passphrase: pass(role) });
      for (const channel of CHANNELS) {
        const access = CONTRACT[channel].access;
        if (access === 'public' || access === 'session' || can(role, access)) continue;
        const r = await d.call(channel, {} as never);
        expect(r.ok || r.code, `${role} → ${channel}`).toBe('FORBIDDEN');
        refusals++;
      }
    }
    expect(refusals).toBeGreaterThan(5);
    await d.must('vault.unlock', { userName: 'admin', passphrase: 'correct horse battery' });
    const denied = await d.must('audit.list', { action: 'access.denied', limit: 1000 });
    expect(denied.total).toBe(refusals);
    expect(
      denied.events.some((e) => e.user === 'u-officer' && e.subject === 'channel:users.add'),
    ).toBe(true);
  });

  it('answers LOCKED (never data) on every non-public channel when the vault is locked', async () => {
    const d = await createdDesk();
    await d.must('vault.lock', {});
    for (const channel of CHANNELS) {
      if (CONTRACT[channel].access === 'public') continue;
      const r = await d.call(channel, {} as never);
      expect(r.ok || r.code, channel).toBe('LOCKED');
    }
  });

  it('rejects unknown channels and malformed input with BAD_INPUT', async () => {
    const d = await createdDesk();
    const { dispatch } = await import('../../electron/api/table');
    expect(await dispatch(d.session, 'vault.dropEverything', {})).toMatchObject({
      ok: false,
      code: 'BAD_INPUT',
    });
    const r = await d.call('users.add', {
      name: '../etc',
      role: 'officer',
      passphrase: 'long enough pass',
    });
    expect(r.ok || r.code).toBe('BAD_INPUT');
    const r2 = await d.call('users.add', {
      name: 'ok-name',
      role: 'root' as never,
      passphrase: 'long enough pass',
    });
    expect(r2.ok || r2.code).toBe('BAD_INPUT');
  });
});
