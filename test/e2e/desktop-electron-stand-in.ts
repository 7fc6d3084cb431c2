import { EventEmitter } from 'node:events';
import { join } from 'node:path';

/**
 * A stand-in for the `electron` module, full enough to run the bundled main process
 * (dist-electron/main.cjs) under Node: the app lifecycle, one BrowserWindow class with a
 * webContents, the protocol registry, ipcMain, dialogs, the menu and the default session. It
 * records what main.ts asks of Electron so a test can check it and drive the app the way
 * Electron would (ready, IPC calls from a frame, page load failures, quit). Everything else that
 * runs — the handler table, the vault, the import worker, pdfkit — is the real packaged code.
 *
 * Its page is a simulation for the smoke driver (scripts/smoke/electron-driver.cjs): a script
 * run in the main window may call `window.desk.<domain>.<method>(input)`, which goes to the IPC
 * handler as a call from the app's own top frame, or ask whether the page drew (it did when
 * app:// serves an index.html with the root element); printToPDF gives a PDF with one page per
 * letter page in the HTML the window was loaded with.
 */
type Listener = (...args: unknown[]) => unknown;

export interface PrintCall {
  options: Record<string, unknown>;
}

export function electronStandIn(o: { appPath: string; appData: string; isPackaged: boolean }) {
  const paths = new Map<string, string>([
    ['appData', o.appData],
    ['documents', join(o.appData, 'documents')],
  ]);
  const calls = {
    quit: 0,
    errorBoxes: [] as string[],
    privilegedSchemes: [] as unknown[],
    loads: [] as { window: number; url: string }[],
    prints: [] as { window: number; options: Record<string, unknown> }[],
  };
  const app = Object.assign(new EventEmitter(), {
    isPackaged: o.isPackaged,
    name: 'electron',
    setName: (n: string) => void (app.name = n),
    getPath: (k: string) => paths.get(k) ?? join(o.appData, k),
    setPath: (k: string, v: string) => void paths.set(k, v),
    getAppPath: () => o.appPath,
    enableSandbox: () => {},
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    quit: () => {
      calls.quit++;
      app.emit('will-quit', { preventDefault: () => {} });
    },
    exit: (code: number) => {
      throw new Error(`app.exit(${code})`);
    },
  });

  const windows: StandInWindow[] = [];
  class StandInWindow extends EventEmitter {
    static getAllWindows = () => windows.filter((w) => !w.destroyed);
    readonly id = windows.length + 1;
    destroyed = false;
    visible = false;
    url = '';
    readonly webContents = Object.assign(new EventEmitter(), {
      print: (options: Record<string, unknown>, cb: (ok: boolean, reason: string) => void) => {
        calls.prints.push({ window: this.id, options });
        cb(true, '');
      },
      setWindowOpenHandler: () => {},
      isLoading: () => this.url === '',
      getURL: () => this.url,
      executeJavaScript: (code: string) => runInPage(code),
      printToPDF: async (_options: Record<string, unknown>) => {
        const html = decodeURIComponent(this.url.replace(/^data:text\/html;charset=utf-8,/, ''));
        const pages = html.match(/class="page"/g)?.length ?? 0;
        return Buffer.from(`%PDF-1.4\n${'<< /Type /Page >>\n'.repeat(pages)}%%EOF\n`);
      },
    });
    constructor(readonly options: Record<string, unknown> & { parent?: StandInWindow }) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
      app.emit('browser-window-created', {}, this);
    }
    getParentWindow = () => this.options.parent ?? null;
    loadURL = async (url: string) => {
      calls.loads.push({ window: this.id, url });
      this.url = url;
    };
    show = () => void (this.visible = true);
    focus = () => {};
    restore = () => {};
    isMinimized = () => false;
    isDestroyed = () => this.destroyed;
    destroy = () => void (this.destroyed = true);
  }

  let nextOpen: string | null = null;
  const protocolHandlers = new Map<string, (r: { url: string; method: string }) => unknown>();
  const ipcHandlers = new Map<string, Listener>();

  /** A script in the main window's page (see above). */
  async function runInPage(code: string): Promise<unknown> {
    const call = /^window\.desk\[("[^"]+")\]\[("[^"]+")\]\(([\s\S]*)\)$/.exec(code);
    if (call) {
      const channel = `${JSON.parse(call[1]!)}.${JSON.parse(call[2]!)}`;
      const frame = { senderFrame: { url: windows[0]!.url, parent: null } };
      return ipcHandlers.get('desk:invoke')!(frame, channel, JSON.parse(call[3]!));
    }
    if (code.includes("getElementById('root')")) {
      const index = (await protocolHandlers.get('app')!({
        url: windows[0]!.url,
        method: 'GET',
      })) as Response;
      return index.status === 200 && (await index.text()).includes('<div id="root">');
    }
    throw new Error(`the stand-in page cannot run: ${code}`);
  }
  const module = {
    app,
    BrowserWindow: StandInWindow,
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => void calls.privilegedSchemes.push(...s),
      handle: (scheme: string, h: (r: { url: string; method: string }) => unknown) =>
        void protocolHandlers.set(scheme, h),
    },
    session: {
      defaultSession: Object.assign(new EventEmitter(), {
        setPermissionRequestHandler: () => {},
        setPermissionCheckHandler: () => {},
      }),
    },
    Menu: { buildFromTemplate: (t: unknown) => ({ template: t }), setApplicationMenu: () => {} },
    dialog: {
      showOpenDialog: async () =>
        nextOpen ? { canceled: false, filePaths: [nextOpen] } : { canceled: true, filePaths: [] },
      showSaveDialog: async () => ({ canceled: true }),
      showErrorBox: (_title: string, content: string) => void calls.errorBoxes.push(content),
    },
    ipcMain: {
      handle: (channel: string, f: Listener) => void ipcHandlers.set(channel, f),
      removeHandler: (channel: string) => void ipcHandlers.delete(channel),
    },
  };
  return {
    module,
    calls,
    windows,
    protocolHandlers,
    ipcHandlers,
    willPick: (path: string) => void (nextOpen = path),
  };
}
export type ElectronStandIn = ReturnType<typeof electronStandIn>;
