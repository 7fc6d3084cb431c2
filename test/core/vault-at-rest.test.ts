import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createdDesk } from '../support/desk';

/** Every file of the vault folder except the key-slot file (which holds only wrapped keys). */
const vaultBytes = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f !== 'keyslots.json')
    .map((f) => ({ f, bytes: readFileSync(join(dir, f)) }));

describe('encrypted at rest', () => {
  it('no readable data in the database, its WAL or journal — open or closed', async () => {
    const d = await createdDesk();
    const marker = 'Zwanenburg-Oosterhout';
    await d.must('users.add', {
      name: 'olga',
      displayName: marker,
      role: 'officer',
      passphrase: 'officer passphrase 1',
    });
    await d.must('settings.update', { idleLockMinutes: 17 });
    // While open: the WAL holds the recent pages.
    const open = vaultBytes(d.vaultDir);
    expect(open.map((x) => x.f)).toContain('vault.db-wal');
    for (const { f, bytes } of open) {
      expect(bytes.includes(marker), f).toBe(false);
      expect(bytes.includes('SQLite format 3'), f).toBe(false);
      expect(bytes.includes('audit_event'), f).toBe(false);
      expect(bytes.includes('user.added'), f).toBe(false);
    }
    await d.must('vault.lock', {});
    for (const { f, bytes } of vaultBytes(d.vaultDir)) {
      expect(bytes.includes(marker), f).toBe(false);
      expect(bytes.includes('CREATE TABLE'), f).toBe(false);
    }
    // The key file holds wrapped keys and non-secret facts, never the database key in the clear.
    const slots = readFileSync(join(d.vaultDir, 'keyslots.json'), 'utf8');
    expect(slots).not.toContain(d.recoveryKey.replace(/-/g, '').toLowerCase());
    expect(slots).not.toContain(marker);
    expect(existsSync(join(d.vaultDir, 'vault.db-journal'))).toBe(false);
  });
});
