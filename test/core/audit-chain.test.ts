import { describe, expect, it } from 'vitest';
import { skipWithoutReferenceSqlcipher } from '../support/sqlcipher';
import { ADMIN_PASS, createdDesk, OLGA } from '../support/desk';
import { openLockedInReference } from '../support/reference-vault';
import { eventHash, GENESIS_HASH } from '../../electron/audit/log';

describe('audit log', () => {
  it('chains every event to the one before with SHA-256', async () => {
    const d = await createdDesk();
    await d.must('users.add', OLGA);
    const { events } = await d.must('audit.list', { limit: 100 });
    const ascending = [...events].reverse();
    expect(ascending[0]!.prevHash).toBe(GENESIS_HASH);
    for (const [i, e] of ascending.entries()) {
      expect(e.seq).toBe(i + 1);
      expect(e.hash).toBe(eventHash(e.prevHash, e));
      if (i > 0) expect(e.prevHash).toBe(ascending[i - 1]!.hash);
    }
    const v = await d.must('audit.verify', {});
    expect(v).toMatchObject({ intact: true, brokenAt: null });
    expect(v.checked).toBe(ascending.length);
  });

  it('refuses UPDATE and DELETE on the table itself', async () => {
    const d = await createdDesk();
    const db = d.session.vault!.db;
    expect(() => db.prepare(`UPDATE audit_event SET user = 'mallory' WHERE seq = 1`).run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM audit_event WHERE seq = 1').run()).toThrow(/append-only/);
  });

  it('verify names the first broken link after a row is altered with the raw key', async ({
    skip,
  }) => {
    skipWithoutReferenceSqlcipher(skip);
    const d = await createdDesk();
    await d.must('users.add', OLGA);
    await d.must('users.add', {
      name: 'piet',
      role: 'approver',
      passphrase: 'approver passphrase',
    });
    const { events } = await d.must('audit.list', { action: 'user.added' });
    const target = events.find((e) => e.subject === 'user:olga')!;

    // Someone with the raw key drops the guard and rewrites history through SQLCipher itself.
    const ref = await openLockedInReference(d);
    await ref.exec('DROP TRIGGER audit_event_no_update');
    await ref.exec(`UPDATE audit_event SET details = '{"role":"admin"}' WHERE seq = ${target.seq}`);
    await ref.close();

    await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    const v = await d.must('audit.verify', {});
    expect(v.intact).toBe(false);
    expect(v.brokenAt).toEqual({
      seq: target.seq,
      reason: 'hash does not match the event content',
    });
  });

  it('detects a deleted event as a sequence gap', async ({ skip }) => {
    skipWithoutReferenceSqlcipher(skip);
    const d = await createdDesk();
    await d.must('users.add', OLGA);
    const ref = await openLockedInReference(d);
    await ref.exec('DROP TRIGGER audit_event_no_delete');
    await ref.exec('DELETE FROM audit_event WHERE seq = 2');
    await ref.close();
    await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    const v = await d.must('audit.verify', {});
    expect(v.brokenAt?.seq).toBe(3);
    expect(v.brokenAt?.reason).toMatch(/sequence gap/);
  });

  it('filters by user, action, subject and time', async () => {
    const d = await createdDesk();
    await d.must('users.add', OLGA);
    expect(
      (await d.must('audit.list', { action: 'user.' })).events.every((e) =>
        e.action.startsWith('user.'),
      ),
    ).toBe(true);
    expect((await d.must('audit.list', { subject: 'olga' })).total).toBe(1);
    expect((await d.must('audit.list', { user: 'nobody' })).total).toBe(0);
    expect((await d.must('audit.list', { from: '2999-01-01T00:00:00Z' })).total).toBe(0);
    const page = await d.must('audit.list', { limit: 1, offset: 1 });
    expect(page.events).toHaveLength(1);
    expect(page.total).toBeGreaterThan(2);
  });

  it('lists the actions the log holds, for the viewer filter', async () => {
    const d = await createdDesk();
    await d.must('users.add', OLGA);
    const actions = await d.must('audit.actions', {});
    expect(actions).toEqual([...actions].sort());
    expect(actions).toEqual(expect.arrayContaining(['vault.created', 'login.ok', 'user.added']));
    expect(new Set(actions).size).toBe(actions.length);
  });
});
