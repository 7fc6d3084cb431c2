import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { AddressInfo } from 'node:net';
import { buildSync } from 'esbuild';
import { DeskSession, type DeskOptions } from '../../electron/core/session';
import { createDemoVault } from '../../electron/demo/seed';
import { dispatch } from '../../electron/api/table';
import { err, ok } from '../../shared/result';
import { APP_ORIGIN, securityHeaders } from '../../electron/shell/security';
import { mimeTypeFor, resolveAppRequest } from '../../electron/shell/protocol';

/**
 * The test transport (never packaged): serves the built renderer on 127.0.0.1 and implements
 * `window.desk` over HTTP against the same handler table as Electron's IPC and the CLI. Access
 * needs a random per-run token (given once in the URL, then an HttpOnly SameSite cookie).
 */
export interface HarnessOptions extends Partial<DeskOptions> {
  rendererDir?: string;
  port?: number;
}

export interface Harness {
  url: string;
  origin: string;
  session: DeskSession;
  close(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '..', '..');
const MAX_API_BODY = 8 * 1024 * 1024;

let bridgeJs: string | null = null;
function bridge(): string {
  bridgeJs ??= buildSync({
    entryPoints: [join(ROOT, 'test/harness/bridge.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
  }).outputFiles[0]!.text;
  return bridgeJs;
}

const readBody = async (req: IncomingMessage, limit: number): Promise<string> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
};

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const rendererDir = resolve(options.rendererDir ?? join(ROOT, 'dist', 'renderer'));
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer in ${rendererDir}: run npm run build first.`);
  }
  const uploads = mkdtempSync(join(tmpdir(), 'naw-desk-harness-'));
  const vaultDir = options.vaultDir ?? join(uploads, 'vault');
  const session = new DeskSession({
    demoVaultDir: join(uploads, 'demo-vault'),
    seedDemo: createDemoVault,
    ...options,
    vaultDir,
  });
  const token = randomBytes(24).toString('hex');
  let origin = '';

  const tokenOk = (req: IncomingMessage): boolean => {
    const cookie = /(?:^|;\s*)desk_token=([0-9a-f]+)/.exec(req.headers.cookie ?? '')?.[1] ?? '';
    return (
      cookie.length === token.length && timingSafeEqual(Buffer.from(cookie), Buffer.from(token))
    );
  };
  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { ...securityHeaders(), 'content-type': type });
    res.end(body);
  };
  const json = (res: ServerResponse, body: unknown) =>
    send(res, 200, 'application/json', JSON.stringify(body));

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', origin);
      // DNS-rebinding and cross-site guards: our exact host, and for POST our exact origin.
      if (req.headers.host !== new URL(origin).host)
        return send(res, 421, 'text/plain', 'wrong host');
      if (url.pathname === '/' && url.searchParams.has('token')) {
        const given = url.searchParams.get('token') ?? '';
        if (
          given.length !== token.length ||
          !timingSafeEqual(Buffer.from(given), Buffer.from(token))
        ) {
          return send(res, 403, 'text/plain', 'bad token');
        }
        res.writeHead(302, {
          'set-cookie': `desk_token=${token}; HttpOnly; SameSite=Strict; Path=/`,
          location: '/',
        });
        return res.end();
      }
      if (!tokenOk(req)) return send(res, 403, 'text/plain', 'open the URL with its token first');
      if (req.method === 'POST') {
        if (req.headers.origin !== origin)
          return send(res, 403, 'text/plain', 'cross-origin request refused');
        if (url.pathname === '/api') {
          const body = JSON.parse(await readBody(req, MAX_API_BODY)) as {
            channel?: unknown;
            input?: unknown;
          };
          return json(res, await dispatch(session, body.channel, body.input));
        }
        if (url.pathname === '/upload') {
          if (!session.user) return json(res, err('NOT_SIGNED_IN', 'Sign in first.'));
          const name = (url.searchParams.get('name') ?? 'upload')
            .replace(/[^\w.\- ]/g, '_')
            .slice(0, 120);
          const path = join(uploads, `${randomBytes(8).toString('hex')}-${name}`);
          await pipeline(req, createWriteStream(path, { mode: 0o600 }));
          return json(res, ok(session.files.register(path, name)));
        }
        return send(res, 404, 'text/plain', 'not found');
      }
      if (url.pathname === '/__desk.js') return send(res, 200, mimeTypeFor('x.js'), bridge());
      // Static files: the same resolution (and traversal refusal) as Electron's app:// protocol.
      const r = resolveAppRequest(rendererDir, `${APP_ORIGIN}${url.pathname}`, req.method);
      if (r.status !== 200 || !existsSync(r.file) || !statSync(r.file).isFile()) {
        return send(res, r.status === 200 ? 404 : r.status, 'text/plain', 'not found');
      }
      if (r.file === join(rendererDir, 'index.html')) {
        const html = readFileSync(r.file, 'utf8').replace(
          '<script',
          '<script src="./__desk.js"></script>\n    <script',
        );
        return send(res, 200, r.contentType, html);
      }
      res.writeHead(200, { ...securityHeaders(), 'content-type': r.contentType });
      createReadStream(r.file).pipe(res);
    } catch {
      if (!res.headersSent) json(res, err('BAD_INPUT', 'The request could not be read.'));
      else res.end();
    }
  });

  await new Promise<void>((r) => server.listen(options.port ?? 0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    session,
    async close() {
      session.lock('quit');
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      rmSync(uploads, { recursive: true, force: true });
    },
  };
}
