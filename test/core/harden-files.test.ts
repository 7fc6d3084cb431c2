import {
  chmodSync,
  existsSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { ADMIN_PASS, createdDesk, tempDir } from '../support/desk';

const posix = process.platform !== 'win32';
const mode = (path: string) => statSync(path).mode & 0o777;
const VAULT_FILES = ['vault.db', 'vault.db-wal', 'vault.db-shm', 'keyslots.json'];

describe.skipIf(!posix)(
  'vault files are for their owner only (POSIX; Windows uses the profile ACL)',
  () => {
    it('creates the database, its WAL and shared-memory files 0600 and the folder 0700, whatever the umask', async () => {
      const old = process.umask(0o022);
      try {
        const d = await createdDesk();
        expect(readdirSync(d.vaultDir).sort()).toEqual([...VAULT_FILES].sort());
        for (const f of VAULT_FILES) expect(mode(join(d.vaultDir, f)), f).toBe(0o600);
        expect(mode(d.vaultDir)).toBe(0o700);
      } finally {
        process.umask(old);
      }
    });

    it('tightens a vault whose folder and files were opened up (cp, a loose umask) when it is opened', async () => {
      const d = await createdDesk();
      await d.must('vault.lock', {});
      chmodSync(d.vaultDir, 0o755);
      for (const f of readdirSync(d.vaultDir)) chmodSync(join(d.vaultDir, f), 0o644);
      await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
      expect(mode(d.vaultDir)).toBe(0o700);
      for (const f of VAULT_FILES) expect(mode(join(d.vaultDir, f)), f).toBe(0o600);
    });
  },
);

describe.skipIf(!posix)('files the desk writes never follow a planted symbolic link', () => {
  /** A file that must stay exactly as it is, and a folder someone else can write into. */
  function plant() {
    const victim = join(tempDir(), 'victim.txt');
    writeFileSync(victim, 'keep me');
    return { victim, shared: tempDir() };
  }

  it('an export: a link at the old predictable temp name is ignored, a link at the target is refused', async () => {
    const d = await createdDesk();
    const { victim, shared } = plant();
    const target = join(shared, 'audit.csv');
    // The name the write-then-rename used to take (file.<pid>.tmp, opened without O_EXCL).
    symlinkSync(victim, `${target}.${process.pid}.tmp`);
    const r = await d.must('audit.export', { format: 'csv', target: { path: target } });
    expect(r.savedTo).toBe(target);
    expect(readFileSync(target, 'utf8')).toMatch(/^seq,at,user/);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');

    const linked = join(shared, 'linked.csv');
    symlinkSync(victim, linked);
    const dangling = join(shared, 'dangling.csv');
    symlinkSync(join(shared, 'would-be-created.csv'), dangling);
    for (const path of [linked, dangling]) {
      const refused = await d.call('audit.export', { format: 'csv', target: { path } });
      expect(refused.ok ? '' : refused.message).toMatch(/already exists/);
    }
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(existsSync(join(shared, 'would-be-created.csv'))).toBe(false);
    // Only the completed export was recorded.
    expect((await d.must('audit.list', { action: 'audit.exported' })).total).toBe(1);
  });

  it('a backup: a link at the target is refused, the victim untouched, nothing recorded', async () => {
    const d = await createdDesk();
    const { victim, shared } = plant();
    const target = join(shared, 'b.nawbackup');
    symlinkSync(victim, target);
    const r = await d.call('ops.backup', { target: { path: target } });
    expect(r.ok ? '' : r.message).toMatch(/already exists/);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(readdirSync(shared)).toEqual(['b.nawbackup']); // no work files left
    expect((await d.must('audit.list', { action: 'vault.backup' })).total).toBe(0);
  });

  it('audit witness --out: appends to a regular file, refuses a link (nothing witnessed) and leaves the victim', async () => {
    const vault = join(tempDir(), 'v');
    const env = { NAW_DESK_USER: 'admin', NAW_DESK_PASSPHRASE: ADMIN_PASS };
    expect((await cli(['init', '--vault', vault, '--user', 'admin', '--org', 'T'], env)).code).toBe(
      0,
    );
    const { victim, shared } = plant();
    const good = join(shared, 'witnesses.jsonl');
    for (let i = 0; i < 2; i++) {
      expect((await cli(['audit', 'witness', '--out', good, '--vault', vault], env)).code).toBe(0);
    }
    expect(readFileSync(good, 'utf8').trim().split('\n')).toHaveLength(2);
    expect(mode(good)).toBe(0o600);

    const link = join(shared, 'link.jsonl');
    symlinkSync(victim, link);
    const r = await cli(['audit', 'witness', '--out', link, '--vault', vault], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/symbolic link/);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    const list = await cli(
      ['audit', 'list', '--action', 'audit.witnessed', '--json', '--vault', vault],
      env,
    );
    expect(list.json().total).toBe(2);
  });
});
