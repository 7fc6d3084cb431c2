import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_AUTHORITIES, DEFAULT_LEGAL_BASES } from '../electron/catalogue/defaults';
import { draftFrom } from '../electron/intake/read/read-document';
import { extractInWorker, IntakeReader } from '../electron/intake/run-worker';
import { quantile } from '../electron/stats/quantile';
import { emlOf, pdfOf } from '../test/fixtures/intake/make';

/**
 * Intake: reading a request document into a draft, through the real path — the bundled worker
 * (dist-electron/intake-worker.cjs, built first) with its heap and time limits — for a 10-page
 * PDF request (a letter with a table of 25 IP addresses per page) and a 2 MB mail (body, the same
 * PDF attached, and a 1.6 MB photo that is skipped). Median and p95 over the runs (20 × BENCH_SCALE,
 * at least 5), through the session's warm worker as the wizard and the CLI use it (started once,
 * the same limits per document), and its start alone; a fresh worker per document (a stored
 * document shown again) and the same extraction in-process, warm, show what the worker costs.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CATALOGUES = { authorities: DEFAULT_AUTHORITIES, legalBases: DEFAULT_LEGAL_BASES };

function page(n: number): string {
  const rows = Array.from({ length: 25 }, (_, i) => {
    const k = n * 25 + i;
    return `203.0.${113 + (k >> 8)}.${k & 0xff}        ${40000 + k}       0${1 + (i % 9)}-10-2026 ${String(8 + (i % 12)).padStart(2, '0')}:${String(i * 2).padStart(2, '0')}:15`;
  });
  return [
    'Politie Eenheid Amsterdam',
    'Telefoon 0900-8844',
    '',
    `Betreft: vordering gebruikersgegevens, BVH-nummer: 2026187733 (pagina ${n + 1} van 10)`,
    '',
    'Geachte heer/mevrouw,',
    '',
    'Op grond van artikel 126na lid 1 Sv vorder ik de gebruikersgegevens van de gebruikers van de',
    'onderstaande IP-adressen op de genoemde momenten:',
    '',
    'IP-adres              Bronpoort   Datum/tijd (UTC)',
    ...rows,
    '',
    'Met vriendelijke groet,',
    '',
    'S. Yilmaz',
    'Digitaal specialist',
  ].join('\n');
}

const round = (n: number | null) => Math.round((n ?? 0) * 10) / 10;

async function time(runs: number, f: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    out.push(performance.now() - t);
  }
  return out;
}

export async function run(): Promise<Record<string, number | string>> {
  const scale = Number(process.env.BENCH_SCALE ?? '1');
  const runs = Math.max(5, Math.round(20 * scale));
  const build = (await import(pathToFileURL(join(ROOT, 'scripts', 'build-main.mjs')).href)) as {
    buildMain: (names: string[]) => void;
  };
  build.buildMain(['intake-worker']);
  const script = join(ROOT, 'dist-electron', 'intake-worker.cjs');

  const pdf = await pdfOf(
    Array.from({ length: 10 }, (_, n) => page(n)),
    { mono: true },
  );
  const eml = emlOf({
    from: 'S. Yilmaz <s.yilmaz@amsterdam.politie.example>',
    to: 'vorderingen@testnet.example',
    date: 'Mon, 12 Oct 2026 11:04:27 +0200',
    subject: 'Vordering gebruikersgegevens BVH 2026187733',
    body: 'Geachte collega,\n\nBijgaand de vordering en een foto van het proces-verbaal.\n\nMet vriendelijke groet,\nS. Yilmaz\n',
    attachments: [
      { name: 'vordering.pdf', mime: 'application/pdf', bytes: pdf },
      { name: 'foto.jpg', mime: 'image/jpeg', bytes: randomBytes(1_600_000) },
    ],
  });

  const check = await extractInWorker({ bytes: pdf, name: 'vordering.pdf' }, CATALOGUES, {
    script,
  });
  const starts: number[] = [];
  for (let i = 0; i < Math.min(runs, 5); i++) {
    const r = new IntakeReader({ script });
    const t = performance.now();
    await r.extract({ text: 'start' }, CATALOGUES);
    starts.push(performance.now() - t);
    r.stop();
  }
  const warm = new IntakeReader({ script });
  await warm.extract({ text: 'start' }, CATALOGUES);
  const pdfWarm = await time(runs, () =>
    warm.extract({ bytes: pdf, name: 'vordering.pdf' }, CATALOGUES),
  );
  const emlWarm = await time(runs, () =>
    warm.extract({ bytes: eml, name: 'vordering.eml' }, CATALOGUES),
  );
  warm.stop();
  const pdfWorker = await time(runs, () =>
    extractInWorker({ bytes: pdf, name: 'vordering.pdf' }, CATALOGUES, { script }),
  );
  const emlWorker = await time(runs, () =>
    extractInWorker({ bytes: eml, name: 'vordering.eml' }, CATALOGUES, { script }),
  );
  await draftFrom({ bytes: eml, name: 'vordering.eml' }, CATALOGUES); // warm: load pdf.js once
  const pdfInline = await time(runs, () =>
    draftFrom({ bytes: pdf, name: 'vordering.pdf' }, CATALOGUES),
  );
  const emlInline = await time(runs, () =>
    draftFrom({ bytes: eml, name: 'vordering.eml' }, CATALOGUES),
  );
  return {
    runs,
    pdfPages: 10,
    pdfKiB: Math.round(pdf.length / 1024),
    pdfItems: check.items.length,
    emlKiB: Math.round(eml.length / 1024),
    workerStartMedianMs: round(quantile(starts, 0.5)),
    pdfWarmWorkerMedianMs: round(quantile(pdfWarm, 0.5)),
    pdfWarmWorkerP95Ms: round(quantile(pdfWarm, 0.95)),
    emlWarmWorkerMedianMs: round(quantile(emlWarm, 0.5)),
    emlWarmWorkerP95Ms: round(quantile(emlWarm, 0.95)),
    pdfWorkerMedianMs: round(quantile(pdfWorker, 0.5)),
    pdfWorkerP95Ms: round(quantile(pdfWorker, 0.95)),
    emlWorkerMedianMs: round(quantile(emlWorker, 0.5)),
    emlWorkerP95Ms: round(quantile(emlWorker, 0.95)),
    pdfInProcessMedianMs: round(quantile(pdfInline, 0.5)),
    pdfInProcessP95Ms: round(quantile(pdfInline, 0.95)),
    emlInProcessMedianMs: round(quantile(emlInline, 0.5)),
    emlInProcessP95Ms: round(quantile(emlInline, 0.95)),
  };
}
