import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The only mock allowed: Electron itself. ipcMain records the handlers registered on it.
const electron = vi.hoisted(() => {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  return {
    handlers,
    ipcMain: {
      handle: vi.fn((channel: string, fn: (...args: unknown[]) => unknown) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, fn);
      }),
      removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    },
  };
});
vi.mock('electron', () => ({ ipcMain: electron.ipcMain }));

import { bindIpc, handleInvoke } from '../../electron/ipc';
import { APP_ENTRY_URL, IPC_CHANNEL } from '../../electron/shell/security';
import { createdDesk, tempDir } from '../support/desk';

const topFrame = { url: APP_ENTRY_URL, parent: null };
const untrusted = [
  ['http://evil', { url: 'http://evil/', parent: null }],
  ['file://', { url: 'file:///home/x/index.html', parent: null }],
  ['a subframe of our page', { url: APP_ENTRY_URL, parent: topFrame }],
  ['a null frame', null],
] as const;

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  electron.handlers.clear();
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => warn.mockRestore());

describe('IPC transport', () => {
  it('passes calls from our top frame to the handler table', async () => {
    const { session } = await createdDesk();
    const r = await handleInvoke(session, { senderFrame: topFrame }, 'vault.state', {});
    expect(r).toMatchObject({ ok: true, data: { exists: true } });
  });

  it.each(untrusted)(
    'refuses %s with FORBIDDEN before the handler table runs',
    async (_n, frame) => {
      const { session, must } = await createdDesk();
      const head = await must('audit.head', {});
      const r = await handleInvoke(session, { senderFrame: frame }, 'vault.lock', {});
      expect(r).toEqual({
        ok: false,
        code: 'FORBIDDEN',
        message: 'This request did not come from the NAW Desk window and was refused.',
      });
      // vault.lock would have closed the vault and appended to the audit chain: neither happened.
      expect(session.vault).not.toBeNull();
      expect(await must('audit.head', {})).toEqual(head);
      // Logged, without the URL or the input.
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).not.toMatch(/evil|file:|vault\.lock/);
    },
  );

  it('still validates input in the handler table for trusted calls', async () => {
    const { session } = await createdDesk();
    const r = await handleInvoke(session, { senderFrame: topFrame }, 'no.such.channel', {});
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT' });
  });

  it('registers exactly one ipcMain.handle channel, with the same sender check', async () => {
    const { session } = await createdDesk();
    const unbind = bindIpc(session);
    expect([...electron.handlers.keys()]).toEqual([IPC_CHANNEL]);
    const handler = electron.handlers.get(IPC_CHANNEL)!;
    await expect(handler({ senderFrame: topFrame }, 'vault.state', {})).resolves.toMatchObject({
      ok: true,
    });
    await expect(
      handler({ senderFrame: { url: 'http://evil/', parent: null } }, 'vault.lock', {}),
    ).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(session.vault).not.toBeNull();
    unbind();
    expect(electron.handlers.size).toBe(0);
  });

  it('takes a dropped file by its place on disk from our top frame only', async () => {
    const platform = { pickOpenFile: async () => null, pickSaveFile: async () => null };
    const { session, must } = await createdDesk({ platform });
    const path = join(tempDir(), 'vordering.eml');
    writeFileSync(path, 'Van: J. de Boer');
    await expect(
      handleInvoke(session, { senderFrame: topFrame }, 'files.dropped', { path }),
    ).resolves.toMatchObject({ ok: true, data: { name: 'vordering.eml', size: 15 } });
    const head = await must('audit.head', {});
    for (const [, frame] of untrusted) {
      await expect(
        handleInvoke(session, { senderFrame: frame }, 'files.dropped', { path }),
      ).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await must('audit.head', {})).toEqual(head);
  });
});
