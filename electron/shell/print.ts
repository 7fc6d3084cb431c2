import type { SecureWindowOptions } from './window';

/**
 * Printing a letter without Chromium's PDF plugin (plugins stay off) and without a temp file:
 * the archived letter's pages, rendered to SVG by electron/letters/svg.ts from the same layout as
 * the PDF, are shown as images in a hidden, script-less window and sent to the system print dialog.
 */
export function printDocumentHtml(svgPages: string[]): string {
  const page = (svg: string) =>
    `<div class="page"><img alt="" src="data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}"></div>`;
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
    `<style>${PRINT_CSS}</style>`,
    '</head><body>',
    ...svgPages.map(page),
    '</body></html>',
  ].join('');
}

/**
 * One letter page per sheet, edge to edge. A page box exactly 297 mm high can round past the sheet
 * and push a blank sheet out after every page, so each box is a millimetre short (the A4 image is
 * fitted into it, keeping its proportions) and clips whatever is left; the last page has no break
 * after it, so no blank sheet follows the letter.
 */
export const PRINT_CSS = [
  '@page{size:A4;margin:0}',
  'html,body{margin:0;padding:0}',
  '.page{width:210mm;height:296mm;overflow:hidden;break-after:page;break-inside:avoid}',
  '.page:last-child{break-after:auto}',
  '.page img{display:block;width:100%;height:100%;object-fit:contain}',
].join('');

/** What the print dialog is opened with: A4, no margins of its own (the page sets them). */
export const PRINT_OPTIONS = {
  silent: false,
  printBackground: true,
  pageSize: 'A4',
  margins: { marginType: 'none' },
} as const;

export type PrintWindowOptions<P> = Omit<
  SecureWindowOptions,
  'webPreferences' | 'minWidth' | 'minHeight'
> & {
  /** The main window: the print dialog belongs to it (a sheet on macOS), not to a hidden window. */
  parent: P | undefined;
  webPreferences: Omit<SecureWindowOptions['webPreferences'], 'preload' | 'devTools'> & {
    javascript: false;
    devTools: false;
  };
};

/**
 * A hidden window for printing, child of the main window: no preload, no scripts, same hardening
 * as the main window. The options are written out as a literal on purpose (as in window.ts):
 * Electronegativity checks the literal at the BrowserWindow call, and would not see through a
 * shared, spread object.
 */
export function createPrintWindow<W, P>(
  BrowserWindow: new (options: PrintWindowOptions<P>) => W,
  parent: P | undefined,
): W {
  return new BrowserWindow({
    title: 'NAW Desk',
    parent,
    width: 794,
    height: 1123,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      javascript: false,
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
    },
  });
}
