import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSlot, readKeySlots } from '../../electron/vault/keyslots';
import { cli } from '../support/cli';
import { ADMIN_PASS, createdDesk, tempDir } from '../support/desk';

const PASS = {
  olga: 'olga passphrase 1',
  anna: 'anna passphrase 1',
  new: 'brand new passphrase',
};

/**
 * The users with a key slot. The key file names nobody (slots are found by a keyed label), so the
 * desk's users are looked up one by one, and a slot of nobody known would fail the test.
 */
const slotUsers = (vaultDir: string): string[] => {
  const slots = readKeySlots(join(vaultDir, 'keyslots.json'));
  const users = ['admin', 'anna', 'olga'].filter((u) => findSlot(slots, u));
  expect(slots.slots).toHaveLength(users.length);
  return users;
};

async function deskWithUsers() {
  const d = await createdDesk();
  await d.must('users.add', { name: 'olga', role: 'officer', passphrase: PASS.olga });
  await d.must('users.add', { name: 'anna', role: 'auditor', passphrase: PASS.anna });
  return d;
}

const signIn = (d: Awaited<ReturnType<typeof createdDesk>>, userName: string, passphrase: string) =>
  d.call('vault.unlock', { userName, passphrase });

describe('user management (admin)', () => {
  it('disables a user: record kept, key slot removed, sign-in refused, audited before/after', async () => {
    const d = await deskWithUsers();
    const u = await d.must('users.disable', { name: 'olga' });
    expect(u).toMatchObject({ name: 'olga', disabled: true, role: 'officer' });
    expect(slotUsers(d.vaultDir)).toEqual(['admin', 'anna']);
    expect((await d.must('users.list', {})).map((x) => [x.name, x.disabled])).toEqual([
      ['admin', false],
      ['anna', false],
      ['olga', true],
    ]);
    const ev = (await d.must('audit.list', { action: 'user.disabled' })).events[0]!;
    expect(ev).toMatchObject({
      user: 'admin',
      subject: 'user:olga',
      details: { before: { disabled: false }, after: { disabled: true } },
    });
    expect(JSON.stringify(ev.details)).not.toContain(PASS.olga);

    const r = await signIn(d, 'olga', PASS.olga);
    expect(r.ok || r.code).toBe('BAD_CREDENTIALS');
    // The audit log still refers to her by name.
    await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    const byOlga = await d.must('audit.list', { subject: 'user:olga', limit: 100 });
    expect(byOlga.total).toBeGreaterThanOrEqual(2);
  });

  it('enables a disabled user again with a new passphrase (new slot; the old one stays dead)', async () => {
    const d = await deskWithUsers();
    await d.must('users.disable', { name: 'olga' });
    const u = await d.must('users.enable', { name: 'olga', passphrase: PASS.new });
    expect(u.disabled).toBe(false);
    expect(slotUsers(d.vaultDir)).toEqual(['admin', 'anna', 'olga']);
    expect((await signIn(d, 'olga', PASS.olga)).ok).toBe(false);
    expect((await signIn(d, 'olga', PASS.new)).ok).toBe(true);
    await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    const ev = (await d.must('audit.list', { action: 'user.enabled' })).events[0]!;
    expect(ev.details).toEqual({
      before: { disabled: true },
      after: { disabled: false },
      keySlotAdded: true,
    });
    const again = await d.call('users.enable', { name: 'olga', passphrase: PASS.new });
    expect(again.ok || again.code).toBe('CONFLICT');
  });

  it('changes a role (audited) but never the last active admin away from admin, nor their own', async () => {
    const d = await deskWithUsers();
    const u = await d.must('users.changeRole', { name: 'olga', role: 'approver' });
    expect(u.role).toBe('approver');
    const ev = (await d.must('audit.list', { action: 'user.role.changed' })).events[0]!;
    expect(ev.details).toEqual({ before: { role: 'officer' }, after: { role: 'approver' } });

    const own = await d.call('users.changeRole', { name: 'admin', role: 'officer' });
    expect(own.ok || own.code).toBe('CONFLICT');
    expect(own.ok ? '' : own.message).toMatch(/own account/);

    // A second admin can be demoted while another active admin remains.
    await d.must('users.add', { name: 'bert', role: 'admin', passphrase: 'bert passphrase 1' });
    await d.must('users.changeRole', { name: 'bert', role: 'officer' });
    await d.must('users.changeRole', { name: 'bert', role: 'admin' });
    // Defence in depth: even if the signed-in admin's own account were disabled meanwhile, bert,
    // now the last active admin, can be neither demoted nor disabled.
    d.session
      .vault!.db.prepare(`UPDATE user SET disabled_at = '2026-01-01' WHERE name = 'admin'`)
      .run();
    const demote = await d.call('users.changeRole', { name: 'bert', role: 'officer' });
    expect(demote.ok ? '' : demote.message).toMatch(/last active admin/);
    const disable = await d.call('users.disable', { name: 'bert' });
    expect(disable.ok ? '' : disable.message).toMatch(/last active admin/);
    expect((await d.must('users.list', {})).find((u) => u.name === 'bert')).toMatchObject({
      role: 'admin',
      disabled: false,
    });
  });

  it('refuses to disable yourself; unknown users are NOT_FOUND', async () => {
    const d = await deskWithUsers();
    const self = await d.call('users.disable', { name: 'admin' });
    expect(self.ok || self.code).toBe('CONFLICT');
    expect(self.ok ? '' : self.message).toMatch(/own account/);
    expect(slotUsers(d.vaultDir)).toContain('admin');
    const missing = await d.call('users.disable', { name: 'nobody' });
    expect(missing.ok || missing.code).toBe('NOT_FOUND');
  });

  it('resets a passphrase: the admin rewraps the slot; old passphrase dead, new one works', async () => {
    const d = await deskWithUsers();
    const before = readFileSync(join(d.vaultDir, 'keyslots.json'), 'utf8');
    await d.must('users.resetPassphrase', { name: 'olga', passphrase: PASS.new });
    expect(readFileSync(join(d.vaultDir, 'keyslots.json'), 'utf8')).not.toBe(before);
    const ev = (await d.must('audit.list', { action: 'user.passphrase.reset' })).events[0]!;
    expect(ev).toMatchObject({ user: 'admin', subject: 'user:olga', details: { by: 'admin' } });
    expect(JSON.stringify(ev)).not.toContain(PASS.new);
    expect((await signIn(d, 'olga', PASS.olga)).ok).toBe(false);
    expect((await signIn(d, 'olga', PASS.new)).ok).toBe(true);
    // An officer may not reset anyone's passphrase.
    const r = await d.call('users.resetPassphrase', { name: 'anna', passphrase: PASS.new });
    expect(r.ok || r.code).toBe('FORBIDDEN');
  });
});

describe('CLI: user disable / enable / role / reset-passphrase', () => {
  it('runs each command against a real vault, with passphrases from the environment', async () => {
    const vault = join(tempDir(), 'v');
    const ADMIN = { NAW_DESK_USER: 'admin', NAW_DESK_PASSPHRASE: 'admin passphrase 1' };
    expect(
      (await cli(['init', '--vault', vault, '--user', 'admin', '--org', 'T B.V.'], ADMIN)).code,
    ).toBe(0);
    const add = await cli(['user', 'add', 'olga', '--role', 'officer', '--vault', vault], {
      ...ADMIN,
      NAW_DESK_NEW_PASSPHRASE: PASS.olga,
    });
    expect(add.code).toBe(0);

    const role = await cli(['user', 'role', 'olga', 'approver', '--vault', vault], ADMIN);
    expect(role.code).toBe(0);
    expect(role.stdout).toMatch(/olga.*officer.*approver/);

    const badRole = await cli(['user', 'role', 'olga', 'root', '--vault', vault], ADMIN);
    expect(badRole.code).toBe(2);

    const dis = await cli(['user', 'disable', 'olga', '--vault', vault], ADMIN);
    expect(dis.code).toBe(0);
    const olgaStatus = await cli(['status', '--vault', vault], {
      NAW_DESK_USER: 'olga',
      NAW_DESK_PASSPHRASE: PASS.olga,
    });
    expect(olgaStatus.code).toBe(1);

    const en = await cli(['user', 'enable', 'olga', '--vault', vault], {
      ...ADMIN,
      NAW_DESK_NEW_PASSPHRASE: PASS.new,
    });
    expect(en.code).toBe(0);
    const reset = await cli(['user', 'reset-passphrase', 'olga', '--vault', vault, '--json'], {
      ...ADMIN,
      NAW_DESK_NEW_PASSPHRASE: 'third passphrase x',
    });
    expect(reset.code).toBe(0);
    expect(reset.json()).toMatchObject({ name: 'olga', disabled: false });
    const ok = await cli(['status', '--vault', vault], {
      NAW_DESK_USER: 'olga',
      NAW_DESK_PASSPHRASE: 'third passphrase x',
    });
    expect(ok.code).toBe(0);

    const self = await cli(['user', 'disable', 'admin', '--vault', vault], ADMIN);
    expect(self.code).toBe(1);
    expect(self.stderr).toMatch(/CONFLICT/);
  });
});
