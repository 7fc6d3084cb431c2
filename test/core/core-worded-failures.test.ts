import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { postedError, revivedError, wordedError } from '../../electron/core/errors';
import { readBackupHeader } from '../../electron/ops/backup-format';
import { coreText } from '../../shared/messages';
import { createdDesk, tempDir, testDesk } from '../support/desk';

/** What the UI shows for a refusal: the key's text in that language, with its params. */
const shown = (r: { ok: boolean }, lang: 'nl' | 'en') => {
  const e = r as { key?: string; params?: Record<string, string | number> };
  expect(e.key, 'worded by key').toBeTruthy();
  return coreText(lang, e.key!, e.params);
};

describe('the core’s failures are worded by key, in Dutch and English', () => {
  it('a restore that is refused says why and what to do, in the UI language', async () => {
    const junk = join(tempDir(), 'junk.nawbackup');
    writeFileSync(junk, 'hello');
    const busy = tempDir();
    writeFileSync(join(busy, 'notes.txt'), 'x');
    const notEmpty = await testDesk({ vaultDir: busy }).call('ops.restore', {
      from: { kind: 'path', path: junk },
      recoveryKey: 'AB'.repeat(32),
    });
    expect(notEmpty).toMatchObject({
      ok: false,
      code: 'VAULT_EXISTS',
      key: 'backup.folderNotEmpty',
    });
    expect(shown(notEmpty, 'nl')).toBe(
      `De map ${busy} is niet leeg; zet de back-up terug in een nieuwe, lege map. Er is niets overschreven.`,
    );

    const fresh = join(tempDir(), 'new');
    const notBackup = await testDesk({ vaultDir: fresh }).call('ops.restore', {
      from: { kind: 'path', path: junk },
      recoveryKey: 'AB'.repeat(32),
    });
    expect(notBackup).toMatchObject({ ok: false, code: 'BAD_INPUT', key: 'backup.notBackup' });
    expect(shown(notBackup, 'nl')).toMatch(/^Dit bestand is geen back-up van NAW Desk/);
    expect(notBackup.ok || notBackup.message).toMatch(/^This file is not a NAW Desk backup/);

    const missing = join(tempDir(), 'gone.nawbackup');
    const noFile = await testDesk({ vaultDir: fresh }).call('ops.restore', {
      from: { kind: 'path', path: missing },
      recoveryKey: 'AB'.repeat(32),
    });
    expect(noFile).toMatchObject({
      code: 'NOT_FOUND',
      key: 'backup.noFile',
      params: { path: missing },
    });
    expect(shown(noFile, 'nl')).toBe(
      `Het bestand ${missing} bestaat niet. Controleer de naam en de map van het back-upbestand.`,
    );
    expect(() => readBackupHeader(junk)).toThrow(
      expect.objectContaining({ key: 'backup.notBackup' }),
    );
  });

  it('an unknown register number is worded with the number', async () => {
    const d = await createdDesk();
    const r = await d.call('requests.get', { registerNo: '2026-0999' });
    expect(r).toMatchObject({ ok: false, code: 'NOT_FOUND', key: 'register.notFound' });
    expect(shown(r, 'nl')).toBe('Verzoek 2026-0999 staat niet in het register.');
    expect(shown(r, 'en')).toBe('There is no request 2026-0999 in the register.');
  });

  it('the native open dialog is titled in the vault’s language', async () => {
    const titles: string[] = [];
    const d = await createdDesk({
      platform: {
        pickOpenFile: async (o) => {
          titles.push(o.title);
          return null;
        },
        pickSaveFile: async () => null,
      },
    });
    await d.must('files.pickOpen', { purpose: 'import' });
    await d.must('settings.update', { language: 'en' });
    await d.must('files.pickOpen', { purpose: 'attachment' });
    expect(titles).toEqual([
      'Kies een CSV-bestand om te importeren',
      'Choose the original request document',
    ]);
  });

  it('a worded failure posted across a thread boundary keeps its key and params', () => {
    const e = wordedError('BAD_INPUT', 'worker.readTooLong', { seconds: 30 }, { reason: 'x' });
    // postMessage copies with the structured clone algorithm: only plain data survives.
    const back = revivedError(structuredClone(postedError(e)));
    expect(back).toMatchObject({
      code: 'BAD_INPUT',
      key: 'worker.readTooLong',
      params: { seconds: 30 },
      details: { reason: 'x' },
      message: 'Reading the document took longer than 30 s; it was stopped. Nothing was stored.',
    });
    expect(coreText('nl', back.key!, back.params)).toBe(
      'Het lezen van het document duurde langer dan 30 s en is gestopt. Er is niets opgeslagen.',
    );
  });
});
