import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  hardenSession,
  hardenWebContents,
  isNavigationAllowed,
  isPermissionGranted,
  isTrustedSender,
  isTrustedUrl,
  securityHeaders,
  windowOpenResponse,
} from '../../electron/shell/security';
import { createSecureWindow, type SecureWindowOptions } from '../../electron/shell/window';

class RecordingWindow {
  static last: SecureWindowOptions | null = null;
  constructor(readonly options: SecureWindowOptions) {
    RecordingWindow.last = options;
  }
}

describe('the main window', () => {
  it('is created with the secure webPreferences, whatever the caller asks', () => {
    const win = createSecureWindow(RecordingWindow, {
      preload: '/app/preload.cjs',
      devTools: false,
    });
    expect(win).toBeInstanceOf(RecordingWindow);
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toEqual({
      preload: '/app/preload.cjs',
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
      devTools: false,
    });
  });

  it('gets dev tools only when the caller says it is a development run', () => {
    const win = createSecureWindow(RecordingWindow, { preload: '/p.cjs', devTools: true });
    expect(win.options.webPreferences.devTools).toBe(true);
    expect(win.options.webPreferences.sandbox).toBe(true);
  });
});

describe('the content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values.join(' ')] as const;
    }),
  );

  it('has exactly the intended directives', () => {
    expect(Object.fromEntries(directives)).toEqual({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data: blob:",
      'font-src': "'self'",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
    });
  });

  it('allows no inline or evaluated script, no remote origin and no frames', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(directives.has('frame-src')).toBe(false); // falls back to default-src 'none'
  });

  it('is sent with nosniff, no-referrer and no caching', () => {
    expect(securityHeaders()).toMatchObject({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
  });
});

describe('trusted origin', () => {
  it.each([APP_ENTRY_URL, 'app://naw-desk/', 'app://naw-desk/index.html#/audit?x=1'])(
    'trusts %s',
    (url) => expect(isTrustedUrl(url)).toBe(true),
  );

  it.each([
    'http://evil.example/',
    'https://naw-desk/',
    'file:///work/dist/renderer/index.html',
    'app://evil/index.html',
    'app://naw-desk.evil/index.html',
    'app://naw-desk@evil/index.html',
    'app://user:pw@naw-desk/index.html',
    'app://naw-desk:8080/index.html',
    'devtools://devtools/bundled/inspector.html',
    'about:blank',
    'data:text/html,<script>1</script>',
    'blob:app://naw-desk/123',
    '',
    'not a url',
  ])('does not trust %s', (url) => expect(isTrustedUrl(url)).toBe(false));

  it('does not trust non-strings', () => {
    expect(isTrustedUrl(undefined)).toBe(false);
    expect(isTrustedUrl(null)).toBe(false);
    expect(isTrustedUrl({ toString: () => APP_ENTRY_URL })).toBe(false);
  });
});

describe('IPC sender check', () => {
  const top = { url: APP_ENTRY_URL, parent: null };
  it('accepts the top frame of our own page', () => expect(isTrustedSender(top)).toBe(true));
  it('refuses another origin in the top frame', () =>
    expect(isTrustedSender({ url: 'http://evil/', parent: null })).toBe(false));
  it('refuses file://', () =>
    expect(isTrustedSender({ url: 'file:///tmp/x.html', parent: null })).toBe(false));
  it('refuses a subframe, even on our own origin', () =>
    expect(isTrustedSender({ url: APP_ENTRY_URL, parent: top })).toBe(false));
  it('refuses a missing frame', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

/** A stand-in for WebContents: a real EventEmitter plus the window-open handler slot. */
class FakeContents extends EventEmitter {
  openHandler: ((d: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(h: (d: { url: string }) => { action: 'deny' }) {
    this.openHandler = h;
  }
}
const preventable = (extra: object = {}) => {
  const e = { prevented: false, preventDefault: () => void (e.prevented = true), ...extra };
  return e;
};

describe('every webContents is hardened', () => {
  const contents = new FakeContents();
  hardenWebContents(contents);

  it.each(['will-navigate', 'will-redirect'])('%s is refused, even to our own origin', (ev) => {
    for (const url of ['https://evil.example/', APP_ENTRY_URL, 'file:///etc/passwd']) {
      const e = preventable({ url });
      contents.emit(ev, e, url);
      expect(e.prevented).toBe(true);
    }
  });

  it('frame navigations are refused', () => {
    const e = preventable({ url: 'https://evil.example/' });
    contents.emit('will-frame-navigate', e);
    expect(e.prevented).toBe(true);
  });

  it('no <webview> can be attached', () => {
    const e = preventable();
    contents.emit('will-attach-webview', e, {}, {});
    expect(e.prevented).toBe(true);
  });

  it('window.open is denied for any URL', () => {
    expect(contents.openHandler).not.toBeNull();
    for (const url of ['https://example.org/', APP_ENTRY_URL, 'about:blank'])
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
  });

  it('the policies themselves say no', () => {
    expect(isNavigationAllowed(APP_ENTRY_URL)).toBe(false);
    expect(windowOpenResponse()).toEqual({ action: 'deny' });
  });
});

describe('the session', () => {
  class FakeSession extends EventEmitter {
    request: ((c: unknown, p: string, cb: (g: boolean) => void) => void) | null = null;
    check: ((c: unknown, p: string) => boolean) | null = null;
    setPermissionRequestHandler(h: (c: unknown, p: string, cb: (g: boolean) => void) => void) {
      this.request = h;
    }
    setPermissionCheckHandler(h: (c: unknown, p: string) => boolean) {
      this.check = h;
    }
  }
  const ses = new FakeSession();
  hardenSession(ses);
  const permissions = [
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'openExternal',
    'fullscreen',
    'pointerLock',
    'display-capture',
    'fileSystem',
    'unknown',
  ];

  it('denies every permission request', () => {
    for (const p of permissions) {
      const answers: boolean[] = [];
      ses.request!({}, p, (g) => answers.push(g));
      expect(answers, p).toEqual([false]);
      expect(isPermissionGranted(p)).toBe(false);
    }
  });

  it('denies every permission check', () => {
    for (const p of permissions) expect(ses.check!({}, p), p).toBe(false);
  });

  it('refuses page downloads', () => {
    const e = preventable();
    ses.emit('will-download', e, {}, {});
    expect(e.prevented).toBe(true);
  });
});
