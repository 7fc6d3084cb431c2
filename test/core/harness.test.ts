import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../harness/server';
import { TEST_KDF, tempDir } from '../support/desk';

/** Raw HTTP, so the test can send a Host header that fetch would not let it forge. */
function http(
  url: string,
  o: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}> {
  return new Promise((res, rej) => {
    const r = request(url, { method: o.method ?? 'GET', headers: o.headers }, (resp) => {
      let body = '';
      resp.on('data', (c) => (body += c));
      resp.on('end', () => res({ status: resp.statusCode ?? 0, headers: resp.headers, body }));
    });
    r.on('error', rej);
    r.end(o.body);
  });
}

let harness: Harness | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

async function start() {
  const rendererDir = join(tempDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="./app.js"></script></head></html>',
  );
  writeFileSync(join(rendererDir, 'app.js'), 'console.log(1)');
  harness = await startHarness({ rendererDir, kdfCost: TEST_KDF });
  const login = await http(harness.url);
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  return { h: harness, cookie };
}

describe('browser test harness (test transport)', () => {
  it('needs the per-run token: without it every route is refused', async () => {
    const { h } = await start();
    expect((await http(`${h.origin}/`)).status).toBe(403);
    expect((await http(`${h.origin}/?token=${'0'.repeat(48)}`)).status).toBe(403);
    const api = await http(`${h.origin}/api`, {
      method: 'POST',
      headers: { origin: h.origin },
      body: '{"channel":"vault.state"}',
    });
    expect(api.status).toBe(403);
  });

  it('serves the renderer with the CSP and injects the desk bridge before the app script', async () => {
    const { h, cookie } = await start();
    const page = await http(`${h.origin}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body.indexOf('__desk.js')).toBeLessThan(page.body.indexOf('app.js'));
    const bridge = await http(`${h.origin}/__desk.js`, { headers: { cookie } });
    expect(bridge.body).toContain('deskHost');
    expect(
      (await http(`${h.origin}/..%2F..%2Fetc%2Fpasswd`, { headers: { cookie } })).status,
    ).not.toBe(200);
  });

  it('answers the API through the handler table; refuses other hosts and cross-origin posts', async () => {
    const { h, cookie } = await start();
    const call = (channel: string, input: unknown, headers: Record<string, string> = {}) =>
      http(`${h.origin}/api`, {
        method: 'POST',
        headers: { cookie, origin: h.origin, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ channel, input }),
      });
    const state = await call('vault.state', {});
    expect(JSON.parse(state.body)).toMatchObject({
      ok: true,
      data: { exists: false, unlocked: false },
    });
    const bad = await call('users.list', {});
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, code: 'NO_VAULT' });
    expect((await call('vault.state', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await call('vault.state', {}, { host: 'evil.example' })).status).toBe(421);
  });
});
