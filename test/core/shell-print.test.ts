import { describe, expect, it } from 'vitest';
import {
  createPrintWindow,
  PRINT_CSS,
  PRINT_OPTIONS,
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

  it('fills each sheet without margins, never spills onto a blank sheet, and breaks only between pages', () => {
    const html = printDocumentHtml(['<svg/>', '<svg/>', '<svg/>']);
    expect(html.match(/<div class="page"><img /g)).toHaveLength(3);
    expect(html).toContain(`<style>${PRINT_CSS}</style>`);
    const rules = new Map(
      [...PRINT_CSS.matchAll(/([^{}]+)\{([^}]*)\}/g)].map((m) => [m[1]!.trim(), m[2]!]),
    );
    expect(rules.get('@page')).toBe('size:A4;margin:0');
    // A box shorter than the 297 mm sheet, clipped: rounding cannot push out an empty sheet.
    const page = rules.get('.page')!;
    const height = Number(/height:([\d.]+)mm/.exec(page)![1]);
    expect(height).toBeLessThan(297);
    expect(page).toContain('overflow:hidden');
    expect(page).toContain('break-after:page');
    // …and no break after the last page.
    expect(rules.get('.page:last-child')).toBe('break-after:auto');
    expect(rules.get('.page img')).toContain('object-fit:contain');
  });

  it('opens the system dialog for A4 with no margins of its own', () => {
    expect(PRINT_OPTIONS).toEqual({
      silent: false,
      printBackground: true,
      pageSize: 'A4',
      margins: { marginType: 'none' },
    });
  });

  it('uses a hidden, script-less, sandboxed window without preload, child of the main window', () => {
    let seen: PrintWindowOptions<string> | null = null;
    class FakeWindow {
      constructor(o: PrintWindowOptions<string>) {
        seen = o;
      }
    }
    createPrintWindow(FakeWindow, 'the main window');
    expect(seen!.show).toBe(false);
    expect(seen!.parent).toBe('the main window');
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
