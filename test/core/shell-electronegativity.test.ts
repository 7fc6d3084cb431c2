import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/desk';

interface Issue {
  id: string;
  file: string;
  line: number;
  severity: string;
  severityValue: number;
}
interface Acceptance {
  id: string;
  file: string;
  justification: string;
}
interface Gate {
  scan(
    input?: string,
  ): Promise<{ issues: Issue[]; errors: { file: string; tolerable: boolean }[] }>;
  evaluate(
    r: { issues: Issue[]; errors: { file: string; message?: string; tolerable: boolean }[] },
    accepted: Acceptance[],
  ): { ok: boolean; failing: Issue[]; stale: Acceptance[]; parseErrors: unknown[]; minor: Issue[] };
  loadAccepted(file?: string): Acceptance[];
}
const gate = (await import(pathToFileURL(resolve('scripts/electronegativity.mjs')).href)) as Gate;

const issue = (id: string, severityValue: number, file = 'electron/main.ts'): Issue => ({
  id,
  file,
  line: 1,
  severity: ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'][severityValue]!,
  severityValue,
});
const why = 'A justification long enough to be a real written reason for the exception.';

describe('security scan gate (scripts/electronegativity.mjs)', () => {
  it('passes LOW and informational findings', () => {
    const v = gate.evaluate(
      { issues: [issue('CSP_GLOBAL_CHECK', 1), issue('X', 0)], errors: [] },
      [],
    );
    expect(v.ok).toBe(true);
    expect(v.minor).toHaveLength(2);
  });

  it('fails MEDIUM and HIGH findings unless accepted for that check in that file', () => {
    const found = {
      issues: [issue('SANDBOX_JS_CHECK', 2), issue('NODE_INTEGRATION_JS_CHECK', 3)],
      errors: [],
    };
    expect(gate.evaluate(found, []).failing.map((i) => i.id)).toEqual([
      'SANDBOX_JS_CHECK',
      'NODE_INTEGRATION_JS_CHECK',
    ]);
    const accepted = [{ id: 'SANDBOX_JS_CHECK', file: 'electron/main.ts', justification: why }];
    const v = gate.evaluate(found, accepted);
    expect(v.ok).toBe(false);
    expect(v.failing.map((i) => i.id)).toEqual(['NODE_INTEGRATION_JS_CHECK']);
    const elsewhere = [
      { id: 'NODE_INTEGRATION_JS_CHECK', file: 'electron/other.ts', justification: why },
    ];
    expect(gate.evaluate(found, [...accepted, ...elsewhere]).ok).toBe(false);
  });

  it('fails on an acceptance that no longer matches a finding', () => {
    const v = gate.evaluate({ issues: [], errors: [] }, [
      { id: 'PRELOAD_JS_CHECK', file: 'electron/shell/window.ts', justification: why },
    ]);
    expect(v.ok).toBe(false);
    expect(v.stale).toHaveLength(1);
  });

  it('fails when a file could not be parsed', () => {
    const v = gate.evaluate(
      {
        issues: [],
        errors: [{ file: 'electron/x.ts', message: 'Unexpected token', tolerable: false }],
      },
      [],
    );
    expect(v.ok).toBe(false);
  });

  it('the accepted list is short and every entry is justified', () => {
    const list = gate.loadAccepted();
    expect(list.length).toBeLessThanOrEqual(3);
    for (const a of list) expect(a.justification.length).toBeGreaterThan(80);
    const bad = join(tempDir(), 'accepted.json');
    writeFileSync(bad, JSON.stringify([{ id: 'X', file: 'y', justification: 'ok' }]));
    expect(() => gate.loadAccepted(bad)).toThrow(/justification/);
  });

  it('the real scanner reads TypeScript and the gate fails an insecure window', async () => {
    const dir = tempDir('naw-desk-scan-');
    writeFileSync(
      join(dir, 'main.ts'),
      [
        "import { app, BrowserWindow } from 'electron';",
        'export function open(): BrowserWindow {',
        '  const w: BrowserWindow = new BrowserWindow({',
        '    webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false },',
        '  });',
        "  void w.loadURL('http://example.org/');",
        '  return w;',
        '}',
        'app.whenReady().then(open);',
      ].join('\n'),
    );
    const result = await gate.scan(dir);
    const ids = result.issues.filter((i) => i.severityValue > 1).map((i) => i.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'CONTEXT_ISOLATION_JS_CHECK',
        'SANDBOX_JS_CHECK',
        'LIMIT_NAVIGATION_GLOBAL_CHECK',
        'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK',
      ]),
    );
    expect(gate.evaluate(result, []).ok).toBe(false);
  });
});
