import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { tempDir } from '../support/desk';

const ADMIN = { NAW_DESK_USER: 'admin', NAW_DESK_PASSPHRASE: 'admin passphrase 1' };

describe('CLI: vault, users, audit', () => {
  it('init prints the recovery key; status, user add/list and audit verify/list work', async () => {
    const vault = join(tempDir(), 'v');
    const init = await cli(
      ['init', '--vault', vault, '--user', 'admin', '--org', 'Testnet B.V.', '--json'],
      ADMIN,
    );
    expect(init.code).toBe(0);
    expect(init.json()).toEqual({
      vault,
      recoveryKey: expect.stringMatching(/^([0-9A-F]{4}-){15}[0-9A-F]{4}$/),
    });

    const status = await cli(['status', '--vault', vault, '--json'], ADMIN);
    expect(status.code).toBe(0);
    expect(status.json()).toMatchObject({
      orgName: 'Testnet B.V.',
      schemaVersion: expect.any(Number),
      users: [{ name: 'admin', role: 'admin' }],
    });

    const add = await cli(['user', 'add', 'olga', '--role', 'officer', '--vault', vault], {
      ...ADMIN,
      NAW_DESK_NEW_PASSPHRASE: 'olga passphrase 12',
    });
    expect(add.code).toBe(0);
    expect(add.stdout).toContain('olga');

    const list = await cli(['user', 'list', '--vault', vault, '--json'], ADMIN);
    expect(list.json().map((u: { name: string }) => u.name)).toEqual(['admin', 'olga']);

    // olga signs in with her own passphrase; an officer may not add users (exit 1, reason on stderr).
    const olga = {
      NAW_DESK_USER: 'olga',
      NAW_DESK_PASSPHRASE: 'olga passphrase 12',
      NAW_DESK_NEW_PASSPHRASE: 'x'.repeat(12),
    };
    const refused = await cli(['user', 'add', 'eve', '--role', 'admin', '--vault', vault], olga);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/FORBIDDEN/);

    const verify = await cli(['audit', 'verify', '--vault', vault], ADMIN);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/intact/);
    const audit = await cli(
      ['audit', 'list', '--vault', vault, '--json', '--action', 'access.'],
      ADMIN,
    );
    expect(audit.json().events[0]).toMatchObject({ user: 'olga', action: 'access.denied' });
  });

  it('exit 1 with the reason for a wrong passphrase; exit 2 for bad usage', async () => {
    const vault = join(tempDir(), 'v');
    await cli(['init', '--vault', vault, '--user', 'admin', '--org', 'T'], ADMIN);
    const wrong = await cli(['status', '--vault', vault], {
      ...ADMIN,
      NAW_DESK_PASSPHRASE: 'not the passphrase',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/wrong passphrase/);
    expect((await cli(['frobnicate'], ADMIN)).code).toBe(2);
    // A passphrase is never a flag.
    const flag = await cli(['status', '--vault', vault, '--passphrase', 'x'], ADMIN);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/Unknown option --passphrase/);
    expect((await cli(['user', 'add', '--vault', vault, '--role', 'officer'], ADMIN)).code).toBe(2);
    expect((await cli(['init', '--vault', vault], ADMIN)).code).toBe(2);
    const noUser = await cli(['status', '--vault', vault], { NAW_DESK_PASSPHRASE: 'x' });
    expect(noUser.code).toBe(2);
    const again = await cli(['init', '--vault', vault, '--user', 'admin', '--org', 'T'], ADMIN);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/VAULT_EXISTS/);
  });

  it('runs as the installed command (bin/naw-desk.cjs builds its bundle when stale)', async () => {
    const vault = join(tempDir(), 'v');
    const run = promisify(execFile);
    const env = { ...process.env, ...ADMIN };
    const init = await run(
      process.execPath,
      [
        'bin/naw-desk.cjs',
        'init',
        '--vault',
        vault,
        '--user',
        'admin',
        '--org',
        'Bin B.V.',
        '--json',
      ],
      { env },
    );
    expect(JSON.parse(init.stdout).vault).toBe(vault);
    const status = await run(
      process.execPath,
      ['bin/naw-desk.cjs', 'status', '--vault', vault, '--json'],
      { env },
    );
    expect(JSON.parse(status.stdout)).toMatchObject({ orgName: 'Bin B.V.' });
    await expect(
      run(process.execPath, ['bin/naw-desk.cjs', 'nonsense'], { env }),
    ).rejects.toMatchObject({ code: 2 });
  });
});
