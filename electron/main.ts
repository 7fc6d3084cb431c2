import { app, BrowserWindow, dialog, Menu, protocol, session } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DeskSession, type LockReason } from './core/session';
import { createDemoVault } from './demo/seed';
import type { Platform } from './core/platform';
import { createPrintWindow, printDocumentHtml, PRINT_OPTIONS } from './shell/print';
import { bindIpc } from './ipc';
import { loadFailureMessage } from './shell/load-failure';
import { menuTemplate } from './shell/menu';
import { chooseNativeBinding } from './shell/native-binding';
import { serveAppRequest } from './shell/protocol';
import { APP_ENTRY_URL, APP_SCHEME, hardenSession, hardenWebContents } from './shell/security';
import { createSecureWindow } from './shell/window';
import { setNativeBinding } from './core/db';
import { APP_NAME } from './vault/location';

/**
 * The Electron main process: lifecycle, one secure window, the app:// protocol and the menu.
 * All policy lives in electron/shell/ (electron-free, unit-tested); this file only wires it up.
 */

// Before 'ready': the scheme our renderer is served from, the name (and so the data folder), and
// the sandbox for every renderer.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.setName(APP_NAME);
app.setPath('userData', join(app.getPath('appData'), APP_NAME));
app.enableSandbox();

const devRun = !app.isPackaged;
let mainWindow: BrowserWindow | null = null;
let desk: DeskSession | null = null;

function showMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** Native dialogs for the handler table (files.pickOpen and exports), modal to our window. */
const platform: Platform = {
  async pickOpenFile({ title, extensions }) {
    const options = {
      title,
      properties: ['openFile' as const],
      filters: [{ name: title, extensions }],
    };
    const r = mainWindow
      ? await dialog.showOpenDialog(mainWindow, options)
      : await dialog.showOpenDialog(options);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  },
  async pickSaveFile({ title, defaultName, extensions }) {
    const options = {
      title,
      defaultPath: join(app.getPath('documents'), defaultName),
      filters: [{ name: title, extensions }],
    };
    const r = mainWindow
      ? await dialog.showSaveDialog(mainWindow, options)
      : await dialog.showSaveDialog(options);
    return r.canceled || !r.filePath ? null : r.filePath;
  },
  async printPdf(_pdf, svgPages) {
    const win = createPrintWindow(BrowserWindow, mainWindow ?? undefined);
    try {
      await win.loadURL(
        `data:text/html;charset=utf-8,${encodeURIComponent(printDocumentHtml(svgPages))}`,
      );
      await new Promise<void>((resolve, reject) =>
        win.webContents.print(PRINT_OPTIONS, (ok, reason) =>
          ok || reason === 'cancelled' ? resolve() : reject(new Error(reason)),
        ),
      );
    } finally {
      win.destroy();
    }
  },
};

/** After an idle lock in the core, reload the page so no customer data stays on screen. */
function onVaultLocked(reason: LockReason): void {
  if (reason === 'idle' && mainWindow && !mainWindow.isDestroyed()) {
    void mainWindow.loadURL(APP_ENTRY_URL);
  }
}

function createMainWindow(): void {
  const win = createSecureWindow(BrowserWindow, {
    preload: join(__dirname, 'preload.cjs'),
    devTools: devRun,
  });
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  // A page that does not load would leave an empty window: say so, then end.
  win.webContents.on('did-fail-load', (_e, errorCode, errorDescription, _url, isMainFrame) => {
    const message = loadFailureMessage({ errorCode, errorDescription, isMainFrame });
    if (!message) return;
    console.error(`[naw-desk] the window did not load (${errorCode})`);
    dialog.showErrorBox(APP_NAME, message);
    app.quit();
  });
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadURL(APP_ENTRY_URL);
}

async function start(): Promise<void> {
  await app.whenReady();

  const binding = chooseNativeBinding({
    isPackaged: app.isPackaged,
    env: process.env,
    appRoot: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    electronVersion: process.versions.electron ?? '',
    exists: existsSync,
  });
  if (binding) setNativeBinding(binding);
  else if (!devRun) throw new Error('the SQLite module is missing from this installation');
  else {
    console.warn(
      '[naw-desk] No SQLite module built for Electron was found; start the app with `npm start`, which builds it.',
    );
  }

  hardenSession(session.defaultSession);
  const rendererDir = join(app.getAppPath(), 'dist', 'renderer');
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererDir, request));
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({ isMac: process.platform === 'darwin', devTools: devRun }),
    ),
  );

  const vaultDir =
    devRun && process.env.NAW_DESK_VAULT
      ? process.env.NAW_DESK_VAULT
      : join(app.getPath('userData'), 'vault');
  // "Open demo vault" on the first-run and unlock screens uses its own folder, never the real vault.
  const demoVaultDir = join(app.getPath('userData'), 'demo-vault');
  desk = new DeskSession({
    vaultDir,
    demoVaultDir,
    platform,
    onLock: onVaultLocked,
    seedDemo: createDemoVault,
  });
  bindIpc(desk);

  createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
}

// Every webContents the app ever creates (window, dev tools, anything): no navigation, no new
// windows, no <webview>.
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

if (!app.requestSingleInstanceLock()) {
  // A second start: the first instance shows its window (below) and this one ends.
  app.quit();
} else {
  app.on('second-instance', showMainWindow);
  app.on('window-all-closed', () => app.quit());
  // Close the database and drop the key when the app ends, however it ends.
  app.on('will-quit', () => desk?.lock('quit'));
  start().catch((e: unknown) => {
    console.error(`[naw-desk] the app could not start: ${(e as Error)?.name ?? 'error'}`);
    dialog.showErrorBox(APP_NAME, 'NAW Desk could not start. Nothing in the vault was changed.');
    app.exit(1);
  });
}
