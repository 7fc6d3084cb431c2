// `npm run test:security`: scans the main-process sources (electron/, TypeScript as written) with
// Doyensec Electronegativity and fails on any finding above LOW that is not accepted, with a
// written justification, in scripts/electronegativity-accepted.json. Also fails when a file could
// not be parsed (an unscanned file is not a clean file) and when an acceptance no longer matches
// any finding (so the list cannot quietly outlive the code it excused).
// Exit codes: 0 clean, 1 findings, 2 the scan itself failed.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** LOW = 1 in Electronegativity's scale; anything above it must be fixed or accepted. */
export const FAIL_ABOVE = 1;

/**
 * Not run: it compares the Electron version found in a scanned package.json with GitHub's release
 * list. We scan sources only (no package.json), so it can find nothing, but it still goes online.
 * Electron itself is kept current through package.json/package-lock.json.
 */
export const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

export const ACCEPTED_FILE = join(root, 'scripts', 'electronegativity-accepted.json');

export function loadAccepted(file = ACCEPTED_FILE) {
  const list = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(list)) throw new Error(`${file}: expected an array of acceptances`);
  for (const a of list) {
    if (typeof a?.id !== 'string' || typeof a?.file !== 'string')
      throw new Error(`${file}: every acceptance needs "id" and "file"`);
    if (typeof a.justification !== 'string' || a.justification.trim().length < 40)
      throw new Error(`${file}: ${a.id} in ${a.file} needs a real written justification`);
  }
  return list;
}

/** Runs the scan; returns { issues, errors } with file paths relative to the repository root. */
export async function scan(input = join(root, 'electron')) {
  const run = require('@doyensec/electronegativity');
  const electronVersion = JSON.parse(
    readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ).version;
  const result = await run({
    input,
    output: null,
    isSarif: false,
    customScan: [],
    excludeFromScan: EXCLUDED_CHECKS,
    severitySet: 'informational',
    confidenceSet: 'tentative',
    isRelative: false,
    electronUpgrade: undefined,
    electronVersionOverride: electronVersion,
  });
  const rel = (f) => (f && f !== 'N/A' ? relative(root, f).split('\\').join('/') : String(f));
  return {
    electronVersion,
    errors: result.errors.map((e) => ({ ...e, file: rel(e.file) })),
    issues: result.issues.map((i) => ({
      id: i.id,
      file: rel(i.file),
      line: i.location?.line ?? 0,
      column: i.location?.column ?? 0,
      severity: i.severity.name,
      severityValue: i.severity.value,
      confidence: i.confidence.name,
      manualReview: Boolean(i.manualReview),
      description:
        typeof i.description === 'string' ? i.description : JSON.stringify(i.description),
      url: i.shortenedURL ?? '',
    })),
  };
}

/**
 * The gate, pure: which findings fail the build, which are accepted, which acceptances are stale,
 * and which parse errors block it.
 */
export function evaluate({ issues, errors }, accepted) {
  const isAccepted = (i) => accepted.find((a) => a.id === i.id && a.file === i.file);
  const serious = issues.filter((i) => i.severityValue > FAIL_ABOVE);
  const failing = serious.filter((i) => !isAccepted(i));
  const acceptedFindings = serious.filter((i) => isAccepted(i));
  const stale = accepted.filter((a) => !serious.some((i) => i.id === a.id && i.file === a.file));
  const parseErrors = errors.filter((e) => !e.tolerable);
  const minor = issues.filter((i) => i.severityValue <= FAIL_ABOVE);
  return {
    ok: failing.length === 0 && stale.length === 0 && parseErrors.length === 0,
    failing,
    acceptedFindings,
    stale,
    parseErrors,
    minor,
  };
}

function report(v, accepted, electronVersion) {
  const where = (i) => `${i.file}:${i.line}:${i.column}`;
  console.log(`Electronegativity over electron/ (Electron ${electronVersion})`);
  for (const i of v.acceptedFindings) {
    const a = accepted.find((x) => x.id === i.id && x.file === i.file);
    console.log(`  accepted  ${i.severity} ${i.id} at ${where(i)}\n            ${a.justification}`);
  }
  for (const i of v.minor) {
    console.log(`  noted     ${i.severity} ${i.id} at ${where(i)} (not above LOW)`);
  }
  for (const e of v.parseErrors) console.log(`  NOT SCANNED ${e.file}: ${e.message}`);
  for (const a of v.stale) {
    console.log(`  STALE     acceptance of ${a.id} in ${a.file} matches no finding: remove it`);
  }
  for (const i of v.failing) {
    console.log(`  FAIL      ${i.severity} ${i.id} at ${where(i)}: ${i.description} ${i.url}`);
  }
  console.log(
    v.ok
      ? 'Security scan passed: no finding above LOW that is not accepted.'
      : 'Security scan FAILED: fix the findings above, or accept one in scripts/electronegativity-accepted.json with a written justification.',
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const accepted = loadAccepted();
    const result = await scan(process.argv[2] ? join(process.cwd(), process.argv[2]) : undefined);
    const verdict = evaluate(result, accepted);
    report(verdict, accepted, result.electronVersion);
    process.exitCode = verdict.ok ? 0 : 1;
  } catch (e) {
    console.error(`Security scan could not run: ${e?.message ?? e}`);
    process.exitCode = 2;
  }
}
