import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME, securityHeaders } from './security';

/**
 * The app:// protocol: maps app://naw-desk/<path> to a file under the built renderer folder
 * (dist/renderer). Pure Node; main.ts registers `serveAppRequest` with protocol.handle.
 */

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export const mimeTypeFor = (path: string): string =>
  MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';

export type AppResolution =
  | { status: 200; file: string; contentType: string }
  | { status: 400 | 403 | 404 | 405; reason: string };

/**
 * Decides which file (if any) a request URL may read. Refuses other schemes/hosts, methods other
 * than GET/HEAD, NUL bytes, backslashes, and anything that would resolve outside `rootDir`
 * (including percent-encoded `..%2F` tricks, which the URL parser does not normalise).
 */
export function resolveAppRequest(rootDir: string, url: string, method = 'GET'): AppResolution {
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, reason: 'method' };
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { status: 400, reason: 'url' };
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST || u.username || u.password) {
    return { status: 403, reason: 'origin' };
  }
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return { status: 400, reason: 'encoding' };
  }
  if (path.includes('\0') || path.includes('\\')) return { status: 403, reason: 'path' };
  if (path === '' || path === '/') path = '/index.html';
  const root = resolve(rootDir);
  const file = resolve(root, '.' + path);
  const rel = relative(root, file);
  if (rel === '' || rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel)) {
    return { status: 403, reason: 'outside' };
  }
  return { status: 200, file, contentType: mimeTypeFor(file) };
}

/** The protocol handler: a Response with the file and the security headers, or a bare error status. */
export async function serveAppRequest(
  rootDir: string,
  request: { url: string; method: string },
): Promise<Response> {
  const r = resolveAppRequest(rootDir, request.url, request.method);
  const headers = securityHeaders();
  if (r.status !== 200) return new Response(null, { status: r.status, headers });
  try {
    const info = await stat(r.file);
    if (!info.isFile()) return new Response(null, { status: 404, headers });
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(r.file));
    return new Response(body, {
      status: 200,
      headers: { ...headers, 'Content-Type': r.contentType, 'Content-Length': String(info.size) },
    });
  } catch {
    return new Response(null, { status: 404, headers });
  }
}
