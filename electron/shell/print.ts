import type { SecureWindowOptions } from './window';

/**
 * Printing a letter without Chromium's PDF plugin (plugins stay off) and without a temp file:
 * the archived letter's pages, rendered to SVG by electron/letters/svg.ts from the same layout as
 * the PDF, are shown as images in a hidden, script-less window and sent to the system print dialog.
 */
export function printDocumentHtml(svgPages: string[]): string {
  const img = (svg: string) =>
    `<img alt="" src="data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}">`;
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
    '<style>@page{size:A4;margin:0}html,body{margin:0}img{display:block;width:210mm;height:297mm;page-break-after:always}</style>',
    '</head><body>',
    ...svgPages.map(img),
    '</body></html>',
  ].join('');
}

export type PrintWindowOptions = Omit<
  SecureWindowOptions,
  'webPreferences' | 'minWidth' | 'minHeight'
> & {
  webPreferences: Omit<SecureWindowOptions['webPreferences'], 'preload' | 'devTools'> & {
    javascript: false;
    devTools: false;
  };
};

/**
 * A hidden window for printing: no preload, no scripts, same hardening as the main window. The
 * options are written out as a literal on purpose (as in window.ts): Electronegativity checks the
 * literal at the BrowserWindow call, and would not see through a shared, spread object.
 */
export function createPrintWindow<W>(BrowserWindow: new (options: PrintWindowOptions) => W): W {
  return new BrowserWindow({
    title: 'NAW Desk',
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
