import { describe, expect, it } from 'vitest';
import { listAudit } from '../../electron/audit/log';
import { registerDesk, requestJson } from '../fixtures/requests/desk';

type Desk = Awaited<ReturnType<typeof registerDesk>>;

/** The audit log as an auditor sees it (the officer signed in may not list it). */
const audit = (d: Desk, action: string) =>
  listAudit(d.session.vault!.db, { action, limit: 100, offset: 0 });
const head = (d: Desk) => audit(d, '').total;

describe('a refused match attempt is audited like any other refusal', () => {
  it('checks that refuse: CONFLICT, nothing matched, and request.match.refused with the failed checks', async () => {
    const d = await registerDesk();
    const { registerNo } = await d.must(
      'requests.create',
      requestJson({ verification: undefined }),
    );
    const before = head(d);

    const m = await d.call('requests.match', { registerNo });
    expect(m.ok || m.code).toBe('CONFLICT');
    const refused = audit(d, 'request.match.refused');
    expect(refused.total).toBe(1);
    expect(refused.events[0]).toMatchObject({
      user: 'olga',
      subject: `request:${registerNo}`,
      details: { code: 'CONFLICT', failures: ['not_verified'] },
    });
    expect(refused.events[0]!.details.reason).toBe(!m.ok && m.message);
    // The refusal is the only trace: no look-up, no match, no status change.
    expect(head(d)).toBe(before + 1);
    expect(audit(d, 'request.matched').total).toBe(0);
    const detail = await d.must('requests.get', { registerNo });
    expect(detail.matches).toEqual([]);
    // Logging checked it (and found it unverified); the refused match left that status as it was.
    expect(detail.status).toBe('checked');
  });

  it('a decided request and an unknown one are refused and audited too; a role without the right is access.denied', async () => {
    const d = await registerDesk();
    const { registerNo } = await d.must('requests.create', requestJson());
    await d.must('requests.match', { registerNo });
    await d.must('requests.decide', {
      registerNo,
      outcome: 'refuse',
      reasons: ['Not for us.'],
    });
    const again = await d.call('requests.match', { registerNo });
    expect(again.ok || again.code).toBe('CONFLICT');
    const unknown = await d.call('requests.match', { registerNo: '2026-0999' });
    expect(unknown.ok || unknown.code).toBe('NOT_FOUND');
    const refused = audit(d, 'request.match.refused');
    expect(refused.events.map((e) => [e.subject, e.details.code])).toEqual([
      ['request:2026-0999', 'NOT_FOUND'],
      [`request:${registerNo}`, 'CONFLICT'],
    ]);

    await d.must('vault.lock', {});
    await d.must('vault.unlock', { userName: 'admin', passphrase: 'correct horse battery' });
    await d.must('users.add', { name: 'aud', role: 'auditor', passphrase: 'auditor passphrase 1' });
    await d.must('vault.lock', {});
    await d.must('vault.unlock', { userName: 'aud', passphrase: 'auditor passphrase 1' });
    const forbidden = await d.call('requests.match', { registerNo });
    expect(forbidden.ok || forbidden.code).toBe('FORBIDDEN');
    const denied = audit(d, 'access.denied');
    expect(denied.events[0]).toMatchObject({
      user: 'aud',
      subject: 'channel:requests.match',
      details: { role: 'auditor', needs: 'requests.handle' },
    });
  });
});
