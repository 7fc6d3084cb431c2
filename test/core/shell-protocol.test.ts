import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveAppRequest, serveAppRequest } from '../../electron/shell/protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/shell/security';
import { tempDir } from '../support/desk';

let base: string;
let root: string;

beforeEach(() => {
  base = tempDir('naw-desk-protocol-');
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>NAW Desk</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(join(root, 'assets', 'font.woff2'), 'x');
  writeFileSync(join(root, 'assets', 'data.bin'), 'x');
  // Beside the renderer root: must never be served.
  writeFileSync(join(base, 'secret.txt'), 'customer data');
  mkdirSync(join(base, 'renderer-other'));
  writeFileSync(join(base, 'renderer-other', 'x.js'), 'evil');
});

const get = (url: string, method = 'GET') => serveAppRequest(root, { url, method });

describe('app:// protocol', () => {
  it('serves index.html for / and for /index.html, with the CSP and nosniff', async () => {
    for (const url of ['app://naw-desk/', 'app://naw-desk/index.html']) {
      const r = await get(url);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await r.text()).toContain('<title>NAW Desk</title>');
    }
  });

  it('ignores query and hash', async () => {
    const r = await get('app://naw-desk/assets/app.js?v=1#x');
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('console.log(1)');
  });

  it('gives the right MIME types', async () => {
    const cases: Record<string, string> = {
      'assets/app.js': 'text/javascript; charset=utf-8',
      'assets/app.css': 'text/css; charset=utf-8',
      'assets/logo.svg': 'image/svg+xml',
      'assets/font.woff2': 'font/woff2',
      'assets/data.bin': 'application/octet-stream',
    };
    for (const [path, type] of Object.entries(cases)) {
      const r = await get(`app://naw-desk/${path}`);
      expect(r.status, path).toBe(200);
      expect(r.headers.get('content-type'), path).toBe(type);
    }
    expect(mimeTypeFor('X.PNG')).toBe('image/png');
    expect(mimeTypeFor('a.mjs')).toBe('text/javascript; charset=utf-8');
  });

  it('answers HEAD without a body', async () => {
    const r = await get('app://naw-desk/index.html', 'HEAD');
    expect(r.status).toBe(200);
    expect(await r.text()).toBe('');
  });

  it('refuses other methods', async () => {
    expect((await get('app://naw-desk/index.html', 'POST')).status).toBe(405);
    expect((await get('app://naw-desk/index.html', 'PUT')).status).toBe(405);
  });

  it('says 404 for missing files and folders', async () => {
    expect((await get('app://naw-desk/nope.js')).status).toBe(404);
    expect((await get('app://naw-desk/assets')).status).toBe(404);
    expect((await get('app://naw-desk/assets/')).status).toBe(404);
  });

  it('refuses every path-traversal form and never returns the secret', async () => {
    const attempts = [
      'app://naw-desk/..%2fsecret.txt',
      'app://naw-desk/..%2Fsecret.txt',
      'app://naw-desk/assets/..%2f..%2fsecret.txt',
      'app://naw-desk/%2e%2e%2fsecret.txt',
      'app://naw-desk/..%5csecret.txt',
      'app://naw-desk/..\\secret.txt',
      'app://naw-desk/%2e%2e/secret.txt',
      'app://naw-desk/../secret.txt',
      'app://naw-desk/assets/../../secret.txt',
      'app://naw-desk/..%2frenderer-other%2fx.js',
      'app://naw-desk/%2fetc%2fpasswd',
      'app://naw-desk/index.html%00.js',
    ];
    for (const url of attempts) {
      const r = await get(url);
      expect(r.status, url).not.toBe(200);
      const body = await r.text();
      expect(body, url).not.toContain('customer data');
      expect(body, url).not.toContain('evil');
    }
    // The encoded forms are recognised as traversal, not just "not found".
    expect(resolveAppRequest(root, 'app://naw-desk/..%2fsecret.txt')).toMatchObject({
      status: 403,
    });
    expect(resolveAppRequest(root, 'app://naw-desk/..%5csecret.txt')).toMatchObject({
      status: 403,
    });
    expect(resolveAppRequest(root, 'app://naw-desk/a%00b')).toMatchObject({ status: 403 });
  });

  it('refuses other hosts, other schemes and broken encodings', () => {
    expect(resolveAppRequest(root, 'app://evil/index.html')).toMatchObject({ status: 403 });
    expect(resolveAppRequest(root, 'app://naw-desk@evil/index.html')).toMatchObject({
      status: 403,
    });
    expect(resolveAppRequest(root, 'file:///etc/passwd')).toMatchObject({ status: 403 });
    expect(resolveAppRequest(root, 'https://naw-desk/index.html')).toMatchObject({ status: 403 });
    expect(resolveAppRequest(root, 'app://naw-desk/%E0%A4%A')).toMatchObject({ status: 400 });
    expect(resolveAppRequest(root, 'nonsense')).toMatchObject({ status: 400 });
  });

  it('resolves inside the root only', () => {
    const r = resolveAppRequest(root, 'app://naw-desk/assets/app.js');
    expect(r).toEqual({
      status: 200,
      file: join(root, 'assets', 'app.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
  });
});
