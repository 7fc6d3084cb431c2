import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { tempDir } from '../support/desk';

/**
 * main.ts against a fake `electron` (the only mock allowed): what it registers before 'ready',
 * what it does once ready, and the single-instance lock. Everything it wires is real.
 */
type Listener = (...args: unknown[]) => unknown;

function fakeElectron(o: { gotLock: boolean; userData: string; packaged?: boolean }) {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: o.packaged ?? false,
    name: 'electron',
    paths: new Map<string, string>([
      ['appData', o.userData],
      ['documents', o.userData],
    ]),
    setName: vi.fn((n: string) => void (app.name = n)),
    getPath: (k: string) => app.paths.get(k) ?? join(o.userData, k),
    setPath: vi.fn((k: string, v: string) => void app.paths.set(k, v)),
    getAppPath: () => process.cwd(),
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => o.gotLock),
    whenReady: vi.fn(() => Promise.resolve()),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  const windows: FakeWindow[] = [];
  class FakeWindow extends EventEmitter {
    static getAllWindows = () => windows;
    webContents = new EventEmitter();
    loadURL = vi.fn(async () => {});
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super();
      windows.push(this);
    }
    isDestroyed = () => false;
    isMinimized = () => false;
  }
  const handlers = new Map<string, Listener>();
  const ses = Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  });
  return {
    app,
    windows,
    BrowserWindow: FakeWindow,
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: ses },
    Menu: {
      buildFromTemplate: vi.fn((t: unknown) => ({ template: t })),
      setApplicationMenu: vi.fn(),
    },
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showErrorBox: vi.fn() },
    ipcMain: {
      handle: vi.fn((c: string, f: Listener) => handlers.set(c, f)),
      removeHandler: vi.fn(),
    },
    handlers,
  };
}

let fake: ReturnType<typeof fakeElectron>;
// Getters: the mock module is created once, each test loads main.ts against a fresh fake.
vi.mock('electron', () => ({
  get app() {
    return fake.app;
  },
  get BrowserWindow() {
    return fake.BrowserWindow;
  },
  get protocol() {
    return fake.protocol;
  },
  get session() {
    return fake.session;
  },
  get Menu() {
    return fake.Menu;
  },
  get dialog() {
    return fake.dialog;
  },
  get ipcMain() {
    return fake.ipcMain;
  },
}));

async function loadMain(gotLock = true, packaged = false) {
  fake = fakeElectron({ gotLock, userData: tempDir('naw-desk-main-'), packaged });
  vi.resetModules();
  await import('../../electron/main');
  await new Promise((r) => setTimeout(r, 20)); // let start() run past whenReady()
  return fake;
}

beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.stubEnv('NAW_DESK_VAULT', '');
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('main process', () => {
  it('registers app:// as a privileged, secure, standard scheme before ready, without bypassing CSP', async () => {
    const e = await loadMain();
    expect(e.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(e.app.enableSandbox).toHaveBeenCalled();
    expect(e.app.setName).toHaveBeenCalledWith('NAW Desk');
    expect(e.app.setPath).toHaveBeenCalledWith(
      'userData',
      join(e.app.getPath('appData'), 'NAW Desk'),
    );
  });

  it('serves the renderer through protocol.handle and opens one hardened window on it', async () => {
    const e = await loadMain();
    expect(e.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(e.windows).toHaveLength(1);
    const win = e.windows[0]!;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: expect.stringMatching(/preload\.cjs$/),
    });
    expect(win.loadURL).toHaveBeenCalledWith('app://naw-desk/index.html');
    const served: Response = (await (e.protocol.handle.mock.calls[0]![1] as Listener)({
      url: 'app://naw-desk/..%2fpackage.json',
      method: 'GET',
    })) as Response;
    expect(served.status).toBe(403);
  });

  it('denies permissions on the default session and hardens every new webContents', async () => {
    const e = await loadMain();
    const ses = e.session.defaultSession;
    expect(ses.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    const check = ses.setPermissionCheckHandler.mock.calls[0]![0] as Listener;
    expect(check(null, 'media')).toBe(false);

    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    e.app.emit('web-contents-created', {}, contents);
    const nav = {
      url: 'https://evil.example/',
      prevented: false,
      preventDefault: () => void (nav.prevented = true),
    };
    contents.emit('will-navigate', nav, 'https://evil.example/');
    expect(nav.prevented).toBe(true);
    const open = contents.setWindowOpenHandler.mock.calls[0]![0] as Listener;
    expect(open({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('binds the one IPC channel and sets a role-only menu', async () => {
    const e = await loadMain();
    expect([...e.handlers.keys()]).toEqual(['desk:invoke']);
    const template = e.Menu.buildFromTemplate.mock.calls[0]![0] as { label?: string }[];
    expect(JSON.stringify(template)).not.toMatch(/"label"/);
    expect(JSON.stringify(template)).toMatch(/toggleDevTools/); // development run
  });

  it('a second instance quits at once and opens no window', async () => {
    const e = await loadMain(false);
    expect(e.app.quit).toHaveBeenCalled();
    expect(e.windows).toHaveLength(0);
    expect(e.protocol.handle).not.toHaveBeenCalled();
  });

  it('shows the existing window when a second instance starts', async () => {
    const e = await loadMain();
    e.app.emit('second-instance');
    expect(e.windows[0]!.show).toHaveBeenCalled();
  });

  it('keeps the vault in the user data folder and locks it when the app quits', async () => {
    const e = await loadMain();
    const invoke = e.handlers.get('desk:invoke')!;
    const top = { senderFrame: { url: 'app://naw-desk/index.html', parent: null } };
    const created = (await invoke(top, 'vault.create', {
      orgName: 'Testnet B.V.',
      adminName: 'admin',
      passphrase: 'correct horse battery',
    })) as { ok: boolean };
    expect(created.ok).toBe(true);
    const { existsSync } = await import('node:fs');
    expect(existsSync(join(e.app.getPath('appData'), 'NAW Desk', 'vault'))).toBe(true);
    expect(await invoke(top, 'settings.get', {})).toMatchObject({ ok: true });

    e.app.emit('will-quit');
    expect(await invoke(top, 'settings.get', {})).toMatchObject({ ok: false, code: 'LOCKED' });
  });

  it('says so when the window’s page does not load, then ends; an aborted load is no failure', async () => {
    const e = await loadMain();
    const contents = e.windows[0]!.webContents;
    contents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'app://naw-desk/index.html', true);
    expect(e.dialog.showErrorBox).not.toHaveBeenCalled();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    contents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://naw-desk/index.html', true);
    expect(e.dialog.showErrorBox).toHaveBeenCalledWith(
      'NAW Desk',
      expect.stringContaining('could not show its window (ERR_FILE_NOT_FOUND, -6)'),
    );
    expect(e.app.quit).toHaveBeenCalled();
  });

  it('a packaged app without its SQLite module beside the archive does not start', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const resources = tempDir('naw-desk-resources-');
    const before = process.resourcesPath;
    (process as { resourcesPath: string }).resourcesPath = resources;
    try {
      const e = await loadMain(true, true);
      expect(e.app.exit).toHaveBeenCalledWith(1);
      expect(e.dialog.showErrorBox).toHaveBeenCalledWith(
        'NAW Desk',
        'NAW Desk could not start. Nothing in the vault was changed.',
      );
      expect(e.windows).toHaveLength(0);
    } finally {
      (process as { resourcesPath: string }).resourcesPath = before;
    }
  });
});
