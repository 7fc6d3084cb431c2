import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * `npm run bench`: runs every bench/*.bench.ts (each exports `async function run()` returning
 * figures) and prints one table per bench. BENCH_SCALE (default 1) scales the data sets, e.g.
 * BENCH_SCALE=0.01 for a quick run; BENCH_ONLY=name runs one bench.
 */
const here = dirname(fileURLToPath(import.meta.url));
const only = process.env.BENCH_ONLY;
const scale = Number(process.env.BENCH_SCALE ?? '1');
if (!(scale > 0)) {
  console.error('BENCH_SCALE must be a positive number, e.g. 0.01 or 1.');
  process.exit(2);
}

const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || f.startsWith(only))
  .sort();

const show = (v: number | string) =>
  typeof v === 'number'
    ? Number.isInteger(v)
      ? v.toLocaleString('en')
      : v.toLocaleString('en', { maximumFractionDigits: 2 })
    : v;

let failed = false;
console.log(
  `NAW Desk benchmarks — scale ${scale}, Node ${process.version}, ${new Date().toISOString()}`,
);
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as {
    run: () => Promise<Record<string, number | string>>;
  };
  console.log(`\n== ${f.replace(/\.bench\.ts$/, '')} ==`);
  try {
    const figures = await mod.run();
    const width = Math.max(...Object.keys(figures).map((k) => k.length));
    for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(width)}  ${show(v)}`);
  } catch (e) {
    failed = true;
    console.error(`  failed: ${(e as Error).stack ?? e}`);
  }
}
process.exitCode = failed ? 1 : 0;
