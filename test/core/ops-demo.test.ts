import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { tempDir, testDesk } from '../support/desk';

// Seeding a demo runs a real import and a few years of requests: slow on a loaded machine.
const DEMO_TIMEOUT = 240_000;

describe('demo vault', { timeout: DEMO_TIMEOUT }, () => {
  it('creates a vault marked demo with imported synthetic customers and requests in every state', async () => {
    const d = testDesk({
      vaultDir: join(tempDir(), 'demo'),
      now: () => new Date('2026-06-15T10:00:00Z'),
    });
    const r = await d.must('ops.createDemo', { years: 2 });
    expect(r.orgName).toMatch(/DEMO/);
    expect(r.users.map((u) => u.role).sort()).toEqual([
      'admin',
      'approver',
      'auditor',
      'importer',
      'officer',
    ]);
    expect(r.counts.customers).toBeGreaterThanOrEqual(40);
    expect(r.counts.numberAssignments).toBeGreaterThan(40);
    expect(r.counts.ipAssignments).toBeGreaterThan(20);
    // Logging runs the checks, so no request rests in 'received'.
    expect(r.counts['requests.received'] ?? 0).toBe(0);
    for (const status of [
      'disclosed',
      'no_data',
      'refused',
      'referred',
      'checked',
      'matched',
      'awaiting_approval',
    ]) {
      expect(r.counts[`requests.${status}`] ?? 0, status).toBeGreaterThan(0);
    }
    const slots = JSON.parse(readFileSync(join(d.vaultDir, 'keyslots.json'), 'utf8'));
    expect(slots.demo).toBe(true);
    expect(d.session.vault).toBeNull(); // it ends locked

    // Every demo user signs in with the printed passphrase; the state says demo.
    await d.must('vault.unlock', { userName: 'demo-officer', passphrase: r.passphrase });
    const state = await d.must('vault.state', {});
    expect(state).toMatchObject({ demo: true, orgName: r.orgName });
    const list = await d.must('requests.list', {});
    expect(new Set(list.map((x) => x.registerNo.slice(0, 4))).size).toBeGreaterThanOrEqual(2);
    const disclosed = list.find((x) => x.status === 'disclosed')!;
    const detail = await d.must('requests.get', { registerNo: disclosed.registerNo });
    expect(detail.matches[0]!.status).toBe('match');
    expect(detail.approvals[0]).toMatchObject({ by: 'demo-approver', onePerson: false });
    // The call-back was made on the authority's verified catalogue channel, and says so.
    expect(detail.verification).toMatchObject({ method: 'callback' });
    expect(detail.authority.contacts.map((c) => c.value)).toContain(detail.verification!.channel);
    expect(detail.check?.warnings.map((w) => w.code)).not.toContain('callback_channel_unnamed');
    // Final decisions have their letter issued and marked sent, so the letter panel has content.
    const letters = await d.must('letters.list', { registerNo: disclosed.registerNo });
    expect(letters).toHaveLength(1);
    expect(letters[0]!.sent).toMatchObject({ method: 'secure_email' });
    const refused = list.find((x) => x.status === 'refused')!;
    expect(await d.must('letters.list', { registerNo: refused.registerNo })).toHaveLength(1);
    await d.must('vault.unlock', { userName: 'demo-auditor', passphrase: r.passphrase });
    expect((await d.must('audit.verify', {})).intact).toBe(true);
    const imports = await d.must('audit.list', { action: 'customers.import', limit: 10 });
    expect(imports.total).toBeGreaterThan(0);
    // The desk is Dutch, and so are the names its demo accounts go by (header, audit, letters).
    await d.must('vault.unlock', { userName: 'demo-admin', passphrase: r.passphrase });
    const names = (await d.must('users.list', {})).map((u) => [u.name, u.displayName]);
    expect(Object.fromEntries(names)).toEqual({
      'demo-admin': 'Demo Beheerder',
      'demo-officer': 'Demo Behandelaar',
      'demo-approver': 'Demo Goedkeurder',
      'demo-auditor': 'Demo Auditor',
      'demo-importer': 'Demo Importeur',
    });
  });

  it('refuses a folder that holds a vault; CLI demo --vault DIR prints how to open it', async () => {
    const dir = join(tempDir(), 'demo');
    const c = await cli(['demo', '--vault', dir, '--years', '1']);
    expect(c.code, c.stderr).toBe(0);
    expect(c.stdout).toMatch(/DEMO vault created in/);
    expect(c.stdout).toMatch(/demo-admin \(admin\)/);
    expect(c.stdout).toMatch(/NAW_DESK_VAULT=.*npm start/);
    const again = await cli(['demo', '--vault', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/VAULT_EXISTS/);
    const status = await cli(['status', '--vault', dir, '--json'], {
      NAW_DESK_USER: 'demo-admin',
      NAW_DESK_PASSPHRASE: 'demo wachtwoordzin 2026',
    });
    expect(status.json()).toMatchObject({ demo: true });
  });
});
