import { describe, expect, it } from 'vitest';
import {
  createPrintWindow,
  printDocumentHtml,
  type PrintWindowOptions,
} from '../../electron/shell/print';

describe('printing letters without the PDF plugin', () => {
  it('puts each SVG page in its own A4 image, with no script and a closed CSP', () => {
    const html = printDocumentHtml([
      '<svg id="p1"></svg>',
      '<svg id="p2"><text>&lt;script&gt;</text></svg>',
    ]);
    expect(html.match(/<img /g)).toHaveLength(2);
    expect(html).toContain("default-src 'none'; img-src data:");
    expect(html).not.toMatch(/<script/i);
    const second = /data:image\/svg\+xml;base64,([^"]+)"/g;
    const pages = [...html.matchAll(second)].map((m) =>
      Buffer.from(m[1]!, 'base64').toString('utf8'),
    );
    expect(pages[1]).toContain('id="p2"');
    expect(html).toContain('size:A4');
  });

  it('uses a hidden, script-less, sandboxed window without preload', () => {
    let seen: PrintWindowOptions | null = null;
    class FakeWindow {
      constructor(o: PrintWindowOptions) {
        seen = o;
      }
    }
    createPrintWindow(FakeWindow);
    expect(seen!.show).toBe(false);
    expect(seen!.webPreferences).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      plugins: false,
      devTools: false,
    });
    expect(seen!.webPreferences).not.toHaveProperty('preload');
  });
});
