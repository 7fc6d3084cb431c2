// The main script of `npm run smoke:electron` inside a real Electron (see scripts/smoke-electron.mjs,
// which writes the plan this reads). It runs the app's own bundled main process
// (dist-electron/main.cjs) unchanged, with three things answered for it: the data folder is a
// temporary one, the open dialog picks the journey's CSV files, and a print window prints to a
// PDF file instead of a printer (same page setup). Then it drives the smoke journey through the
// window itself — every call is `window.desk…` in the page, so it crosses the sandboxed preload,
// IPC and the sender check — checks the page, the import worker, the letter and the printed PDF,
// writes what it found to the result file and quits the app.
'use strict';
const { app, dialog } = require('electron');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');

const plan = JSON.parse(readFileSync(process.env.NAW_DESK_SMOKE_PLAN, 'utf8'));
const { runSmokeJourney } = require(plan.journey);

const result = { ok: false, steps: [], checks: {}, errorBoxes: [], error: null };
const step = (line) => {
  result.steps.push(line);
  console.log(`[smoke] ${line}`);
};
const save = () => writeFileSync(plan.resultFile, JSON.stringify(result, null, 2));

// Before main.cjs runs: its data folder (and so its single-instance lock) in the temp folder.
app.setPath('appData', plan.appData);

// The native dialogs: the open dialog answers with the journey's next file; an error box is
// recorded instead of waiting for a click.
let nextOpen = null;
dialog.showOpenDialog = async () =>
  nextOpen ? { canceled: false, filePaths: [nextOpen] } : { canceled: true, filePaths: [] };
dialog.showErrorBox = (title, content) => {
  result.errorBoxes.push(`${title}: ${content}`);
  console.error(`[smoke] error box: ${content}`);
};

// The first window is the app's; any later one is a print window. It prints to plan.pdfOut.
let mainWindow = null;
const prints = [];
app.on('browser-window-created', (_e, win) => {
  if (!mainWindow) {
    mainWindow = win;
    return;
  }
  const parent = win.getParentWindow();
  const contents = win.webContents;
  contents.print = (options, callback) => {
    prints.push({ parentIsMain: !!parent && parent.id === mainWindow.id, options });
    const none = options?.margins?.marginType === 'none';
    contents
      .printToPDF({
        pageSize: options.pageSize,
        printBackground: !!options.printBackground,
        preferCSSPageSize: true,
        ...(none ? { margins: { top: 0, bottom: 0, left: 0, right: 0 } } : {}),
      })
      .then(
        (pdf) => {
          writeFileSync(plan.pdfOut, pdf);
          callback(true, '');
        },
        (e) => callback(false, e.message),
      );
  };
});

require(plan.mainBundle);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(what, test, ms = 20_000) {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(100)) {
    const v = await test();
    if (v) return v;
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A channel call made by the page itself, exactly as the renderer makes it. */
const callFromPage = (channel, input) => {
  const dot = channel.indexOf('.');
  const [domain, method] = [channel.slice(0, dot), channel.slice(dot + 1)];
  return mainWindow.webContents.executeJavaScript(
    `window.desk[${JSON.stringify(domain)}][${JSON.stringify(method)}](${JSON.stringify(input)})`,
  );
};

async function run() {
  await app.whenReady();
  await until('the main window', () => mainWindow);
  await until('the page to load', () => !mainWindow.webContents.isLoading());
  const url = mainWindow.webContents.getURL();
  result.checks.url = url;
  if (url !== 'app://naw-desk/index.html') throw new Error(`the window shows ${url}`);
  step('the window loaded app://naw-desk/index.html');
  await until('the renderer to draw', () =>
    mainWindow.webContents.executeJavaScript(
      `document.getElementById('root')?.childElementCount > 0 && typeof window.desk === 'object' && window.deskHost?.kind === 'electron'`,
    ),
  );
  step('the renderer drew the start page; window.desk and deskHost are there');

  const outcome = await runSmokeJourney(
    { call: callFromPage, willPick: (p) => (nextOpen = p), step },
    plan.files,
  );
  result.checks.imported = outcome.imported;
  result.checks.registerNo = outcome.registerNo;
  result.checks.letterPages = outcome.letter.pageCount;
  if (outcome.imported.customers < 1 || outcome.imported.numbers < 1)
    throw new Error(`the import worker wrote nothing (${JSON.stringify(outcome.imported)})`);
  step(`imported ${JSON.stringify(outcome.imported)} in the worker; letter ${outcome.registerNo}`);

  if (prints.length !== 1) throw new Error(`expected one print, saw ${prints.length}`);
  result.checks.print = prints[0];
  if (!prints[0].parentIsMain)
    throw new Error('the print window is not a child of the main window');
  if (!existsSync(plan.pdfOut)) throw new Error('the print produced no PDF');
  const pdf = readFileSync(plan.pdfOut);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  result.checks.printedPages = pages;
  if (pdf.subarray(0, 5).toString() !== '%PDF-') throw new Error('the printed file is not a PDF');
  if (pages !== outcome.letter.pageCount) {
    throw new Error(`the letter has ${outcome.letter.pageCount} pages, the print ${pages} sheets`);
  }
  step(`printed ${pages} sheet(s) for ${outcome.letter.pageCount} page(s), no blank sheet`);
  result.ok = result.errorBoxes.length === 0;
}

app.on('will-quit', save);
run()
  .catch((e) => {
    result.error = e?.stack ?? String(e);
    console.error(`[smoke] ${result.error}`);
  })
  .finally(() => {
    save();
    app.quit();
  });
