/**
 * The Electron shell's security policy, free of any `electron` import so it is unit-tested in plain
 * Node (test/core/shell-security.test.ts) and read by Electronegativity where it is used.
 * main.ts and ipc.ts only wire these functions to Electron's events.
 */

/** The privileged custom scheme the renderer is served from: app://naw-desk/index.html. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'naw-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The one IPC channel (ipcMain.handle) over which the renderer reaches the handler table. */
export const IPC_CHANNEL = 'desk:invoke';

/**
 * Headers on every response of the app:// protocol. The CSP is the one from the renderer's
 * index.html plus what only a header can say (frame-ancestors) and an explicit object-src.
 * No frame-src: default-src 'none' forbids frames, because the app never shows a PDF inline
 * (that needs Chromium's PDF plugin, i.e. `plugins: true`); letters are saved or printed instead.
 * The CSP is written as one literal so Electronegativity's CSP evaluator checks the real policy.
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  headers['Content-Security-Policy'] =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  headers['X-Content-Type-Options'] = 'nosniff';
  headers['Referrer-Policy'] = 'no-referrer';
  headers['Cross-Origin-Opener-Policy'] = 'same-origin';
  headers['Cross-Origin-Resource-Policy'] = 'same-origin';
  headers['Cache-Control'] = 'no-store';
  return headers;
}

export const CONTENT_SECURITY_POLICY = securityHeaders()['Content-Security-Policy']!;

/**
 * True only for our own origin, app://naw-desk/…, without credentials or port. The URL parser
 * decides, never a string prefix (so app://naw-desk@evil/ and app://naw-desk.evil/ are refused).
 */
export function isTrustedUrl(url: unknown): boolean {
  if (typeof url !== 'string' || url === '') return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return (
    u.protocol === `${APP_SCHEME}:` &&
    u.hostname === APP_HOST &&
    u.host === APP_HOST &&
    u.username === '' &&
    u.password === ''
  );
}

/** The parts of Electron's WebFrameMain the sender check needs. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/**
 * IPC sender check: the call must come from the TOP frame of a page on our own origin. A null
 * frame (navigated away or destroyed), any subframe, and any other origin are refused.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isTrustedUrl(frame.url);
}

/**
 * Navigation policy: the renderer is one page with a hash router (in-page navigation raises no
 * will-navigate), and loadURL() by main.ts is not a navigation event either. So any navigation
 * or redirect that reaches the policy is a bug or an attack: always refused.
 */
export function isNavigationAllowed(_url: string): boolean {
  return false;
}

/** window.open, target=_blank and friends: never a new window, never an external browser. */
export function windowOpenResponse(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Permission policy: the desk needs no camera, microphone, notifications, geolocation, clipboard-read… */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}

interface PreventableEvent {
  preventDefault(): void;
}
/** Electron's navigation events carry the target URL on the event itself. */
type NavigationEvent = PreventableEvent & { readonly url: string };

/** The parts of Electron's WebContents that hardenWebContents uses (structural, electron-free). */
export interface HardenableContents {
  on(event: 'will-navigate', listener: (e: NavigationEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (e: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (e: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (e: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Applied to EVERY webContents the app creates (main.ts hooks app 'web-contents-created'):
 * no navigation, no redirects, no <webview>, no new windows.
 */
export function hardenWebContents(contents: HardenableContents): void {
  const refuse = (event: NavigationEvent) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', refuse);
  contents.on('will-frame-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => windowOpenResponse());
}

/** The parts of Electron's Session that hardenSession uses. */
export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
  on(event: 'will-download', listener: (e: PreventableEvent) => void): unknown;
}

/**
 * Every permission request and check is denied, and downloads from the page are refused: files
 * leave the app only through the handler table (save dialog, audited), never as a page download.
 */
export function hardenSession(ses: HardenableSession): void {
  ses.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isPermissionGranted(permission)),
  );
  ses.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  ses.on('will-download', (event) => event.preventDefault());
}
