/**
 * The main window's options, in one literal that tests and Electronegativity both read.
 * The BrowserWindow class is passed in so this file stays free of `electron` (docs/ARCHITECTURE.md);
 * main.ts passes Electron's class and the compiler checks every option name against its typings.
 */

export interface SecureWebPreferences {
  preload: string;
  contextIsolation: true;
  sandbox: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  plugins: false;
  experimentalFeatures: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  spellcheck: false;
  /** Middle-click (auxclick) could open links in new windows; off, on top of the window-open denial. */
  disableBlinkFeatures: 'Auxclick';
  devTools: boolean;
}

export interface SecureWindowOptions {
  title: string;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  backgroundColor: string;
  webPreferences: SecureWebPreferences;
}

export interface WindowSetup {
  /** Absolute path of the bundled preload (dist-electron/preload.cjs). */
  preload: string;
  /** Dev tools only in a development run (`npm start`), never in a packaged app. */
  devTools: boolean;
}

export function createSecureWindow<W>(
  BrowserWindow: new (options: SecureWindowOptions) => W,
  setup: WindowSetup,
): W {
  return new BrowserWindow({
    title: 'NAW Desk',
    width: 1280,
    height: 840,
    minWidth: 960,
    minHeight: 640,
    show: false,
    backgroundColor: '#f5f6f8',
    webPreferences: {
      preload: setup.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      plugins: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: setup.devTools,
    },
  });
}
