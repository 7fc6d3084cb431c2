import {
  IMPORT_KINDS,
  type ImportKind,
  type ImportReport,
} from '../../../shared/schemas/customers';
import { importIssueKey } from '../../../shared/import-issue';
import { coreText } from '../../../shared/messages';
import type { ImportIssue } from '../../../shared/schemas/customers';
import { CliFailure, SilentFailure, UsageError, type CliCommand } from '../command';

const fmt = (n: number) => n.toLocaleString('en');

/** A finding's reason in `lang` when the core words its code; else the desk's English reason. */
function reasonIn(lang: 'nl' | 'en', i: ImportIssue): string {
  if (!i.code) return i.reason;
  const key = importIssueKey(i.code, i.params);
  const text = coreText(lang, key, i.params);
  return text === key ? i.reason : text;
}

function describe(r: ImportReport, lang: 'nl' | 'en'): string[] {
  const lines = [
    `${r.fileName}: ${r.kind}, ${r.mode ?? 'unknown'} file, ${fmt(r.rows)} rows, ${(r.durationMs / 1000).toFixed(1)} s`,
    `  status: ${r.status}${r.written ? ' (written to the vault)' : ' (nothing written)'}`,
    `  added ${fmt(r.added)}, changed ${fmt(r.changed)}, closed ${fmt(r.closed)}, unchanged ${fmt(r.unchanged)}, rejected ${fmt(r.rejectedRows)}`,
  ];
  if (r.asOf) lines.push(`  as of ${r.asOf}`);
  if (r.massClose) {
    const m = r.massClose;
    lines.push(
      `  closes ${fmt(m.closing)} of ${fmt(m.current)} current (at most ${m.maxPercent}% without --allow-mass-close)${r.allowMassClose ? ': confirmed with --allow-mass-close' : ''}`,
    );
  }
  lines.push(`  SHA-256 ${r.sha256}`);
  if (r.message) lines.push(`  ${r.message}`);
  for (const w of r.warnings)
    lines.push(`  note: line ${w.line}${w.column ? `, ${w.column}` : ''}: ${reasonIn(lang, w)}`);
  for (const i of r.rejected)
    lines.push(`  line ${i.line}${i.column ? `, ${i.column}` : ''}: ${reasonIn(lang, i)}`);
  if (r.rejectedTruncated)
    lines.push(`  … only the first ${r.rejected.length} problems are listed.`);
  return lines;
}

/** CLI commands of the customers domain. */
export const customersCommands: CliCommand[] = [
  {
    path: ['import'],
    usage:
      'import customers|numbers|ips FILE [--as-of TIME] [--accept-valid] [--dry-run] [--allow-mass-close] [--language nl|en] [--json]',
    summary:
      'Import a CSV file of customers, number assignments or IP assignments, as an importer (see docs/IMPORT.md). Exit 1 when rows are rejected, or when a snapshot lists no rows or would close more than the allowed share of what is current (confirm that with --allow-mass-close).',
    signIn: true,
    positionals: [2, 2],
    flags: {
      'as-of': 'string',
      'accept-valid': 'boolean',
      'dry-run': 'boolean',
      'allow-mass-close': 'boolean',
      language: 'string',
    },
    async run(args, io) {
      const [kindWord, file] = args.positionals as [string, string];
      // The language of the rejected rows' reasons (Dutch, as in the window); --json keeps both.
      const language = args.flags.language ?? 'nl';
      if (language !== 'nl' && language !== 'en') {
        throw new UsageError('--language is nl or en.');
      }
      if (!(IMPORT_KINDS as readonly string[]).includes(kindWord)) {
        throw new UsageError(`What to import: ${IMPORT_KINDS.join(', ')} (not "${kindWord}").`);
      }
      const token = io.localFile(file);
      const asOf = args.flags['as-of'];
      const { jobId } = await io.call('customers.importStart', {
        file: token,
        kind: kindWord as ImportKind,
        ...(typeof asOf === 'string' ? { asOf } : {}),
        acceptValid: args.flags['accept-valid'] === true,
        dryRun: args.flags['dry-run'] === true,
        allowMassClose: args.flags['allow-mass-close'] === true,
      });
      const tty = !io.json && process.stderr.isTTY;
      for (;;) {
        const s = await io.call('customers.importProgress', { jobId, waitMs: 1000 });
        if (s.state !== 'running') {
          if (tty) process.stderr.write('\n');
          if (s.error) throw new CliFailure(`${s.error.message} [${s.error.code}]`);
          const r = s.report!;
          if (io.json) io.print(JSON.stringify(r));
          else for (const line of describe(r, language)) io.print(line);
          if (r.status !== 'committed' && r.status !== 'dry_run') throw new SilentFailure();
          return;
        }
        if (tty) {
          const p = s.progress;
          const pct = p.totalBytes ? Math.floor((100 * p.bytes) / p.totalBytes) : 0;
          const eta = p.etaSeconds === null ? '' : `, ${Math.ceil(p.etaSeconds)} s left`;
          process.stderr.write(
            `\r  ${pct}%  ${fmt(p.rows)} rows, ${fmt(p.rowsPerSecond)} rows/s${eta}, ${fmt(p.rejectedRows)} rejected   `,
          );
        }
      }
    },
  },
];
