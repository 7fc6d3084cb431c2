import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Platform } from '../../electron/core/platform';
import { createdDesk, OLGA, tempDir } from '../support/desk';

const LETTER = [
  'Politie Eenheid Limburg',
  '',
  'Op grond van artikel 126na lid 1 Sv vorder ik de gebruikersgegevens van het nummer',
  '06-41234567 op 28 oktober 2026 om 14:32 uur.',
].join('\n');

/** The app's window: a native platform (its dialogs are not used here). */
const app: Platform = {
  pickOpenFile: async () => null,
  pickSaveFile: async () => null,
};

async function officerDesk(platform?: Platform) {
  const d = await createdDesk(platform ? { platform } : {});
  await d.must('users.add', OLGA);
  await d.must('vault.unlock', { userName: OLGA.name, passphrase: OLGA.passphrase });
  return d;
}

describe('files.dropped: a document dropped on the app window', () => {
  it('is known by token from then on and read like a picked file', async () => {
    const d = await officerDesk(app);
    const path = join(tempDir(), 'vordering.txt');
    writeFileSync(path, LETTER);
    const picked = await d.must('files.dropped', { path });
    expect(picked).toEqual({
      token: expect.stringMatching(/^[0-9a-f]{32}$/),
      name: 'vordering.txt',
      size: LETTER.length,
    });
    const draft = await d.must('intake.extract', { file: picked.token });
    expect(draft.items.map((i) => i.value)).toEqual(['+31641234567']);
    // Locking forgets it, as it forgets picked files.
    await d.must('vault.lock', {});
    await d.must('vault.unlock', { userName: OLGA.name, passphrase: OLGA.passphrase });
    expect(await d.call('intake.extract', { file: picked.token })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  }, 60_000);

  it('refuses what is not a regular file on disk, worded by key', async () => {
    const d = await officerDesk(app);
    const dir = tempDir();
    mkdirSync(join(dir, 'folder'));
    for (const path of [
      '',
      'relative.txt',
      join(dir, 'folder'),
      join(dir, 'gone.eml'),
      '/dev/null',
    ]) {
      expect(await d.call('files.dropped', { path }), path).toMatchObject({
        ok: false,
        code: 'BAD_INPUT',
        key: 'dropped.notAFile',
      });
    }
  });

  it('is refused where there is no app window (browser harness, CLI), and when locked', async () => {
    const d = await officerDesk();
    const path = join(tempDir(), 'vordering.txt');
    writeFileSync(path, LETTER);
    expect(await d.call('files.dropped', { path })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      key: 'dropped.notHere',
    });
    const locked = await officerDesk(app);
    await locked.must('vault.lock', {});
    expect(await locked.call('files.dropped', { path })).toMatchObject({ ok: false });
  });
});
