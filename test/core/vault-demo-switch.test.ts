import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempDir, testDesk } from '../support/desk';

// Seeding a demo runs a real import and a few years of requests: slow on a loaded machine.
const DEMO_TIMEOUT = 240_000;

describe('open demo vault (first run and unlock screens)', { timeout: DEMO_TIMEOUT }, () => {
  it('creates the demo in its own folder, signs in with the shown credentials, and goes back', async () => {
    const root = tempDir();
    const d = testDesk({ vaultDir: join(root, 'vault'), demoVaultDir: join(root, 'demo-vault') });
    const before = await d.must('vault.state', {});
    expect(before).toMatchObject({ exists: false, demoAvailable: true, demoSignIn: null });

    expect(await d.must('vault.openDemo', {})).toEqual({ created: true });
    const demo = await d.must('vault.state', {});
    expect(demo).toMatchObject({ exists: true, unlocked: false, demo: true });
    expect(demo.orgName).toMatch(/DEMO/);
    // The unlock screen lists every demo account with its role, not only the admin.
    expect(demo.demoSignIn!.users.map((u) => `${u.name}:${u.role}`)).toEqual([
      'demo-admin:admin',
      'demo-officer:officer',
      'demo-approver:approver',
      'demo-auditor:auditor',
      'demo-importer:importer',
    ]);
    await d.must('vault.unlock', {
      userName: demo.demoSignIn!.userName,
      passphrase: demo.demoSignIn!.passphrase,
    });
    const summary = await d.must('vault.summary', {});
    expect(summary.demo).toBe(true);
    expect(summary.counts.customers).toBeGreaterThan(10);
    expect(existsSync(join(root, 'vault'))).toBe(false); // the real vault folder is untouched

    await d.must('vault.leaveDemo', {});
    expect(await d.must('vault.state', {})).toMatchObject({
      exists: false,
      unlocked: false,
      demo: false,
    });
    // Opening it again reuses it.
    expect(await d.must('vault.openDemo', {})).toEqual({ created: false });
  });

  it('is not offered where there is no demo location (the CLI has `naw-desk demo` instead)', async () => {
    const d = testDesk();
    expect((await d.must('vault.state', {})).demoAvailable).toBe(false);
    const r = await d.call('vault.openDemo', {});
    expect(r.ok || r.code).toBe('CONFLICT');
  });

  it('never turns the main vault folder into a demo where the window has its own demo folder', async () => {
    const root = tempDir();
    const d = testDesk({ vaultDir: join(root, 'vault'), demoVaultDir: join(root, 'demo-vault') });
    const r = await d.call('ops.createDemo', {});
    expect(r.ok || r.code).toBe('CONFLICT');
    expect(existsSync(join(root, 'vault'))).toBe(false);
  });
});
