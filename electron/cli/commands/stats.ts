import { resolve } from 'node:path';
import { UsageError, type CliArgs, type CliCommand, type CliIo } from '../command';

async function yearFlag(args: CliArgs, io: CliIo): Promise<number> {
  const raw = args.flags.year;
  if (raw === undefined) return (await io.call('stats.years', {})).currentYear;
  const year = Number(raw);
  if (typeof raw !== 'string' || !/^\d{4}$/.test(raw) || year < 2000 || year > 2100) {
    throw new UsageError('--year takes a year such as 2026.');
  }
  return year;
}

/** CLI commands of the stats domain. */
export const statsCommands: CliCommand[] = [
  {
    path: ['stats'],
    usage: 'stats [--year Y] [--format json|csv] [--published]',
    summary:
      'Figures of a year (default: this year) as JSON or CSV; --published suppresses small counts as in the transparency report. Audited.',
    signIn: true,
    flags: { year: 'string', format: 'string', published: 'boolean' },
    async run(args, io) {
      const format = args.flags.format ?? 'json';
      if (format !== 'json' && format !== 'csv') {
        throw new UsageError('--format is json or csv.');
      }
      const file = await io.call('stats.export', {
        year: await yearFlag(args, io),
        format,
        published: args.flags.published === true,
      });
      io.print((file.content ?? '').replace(/\r?\n$/, ''));
    },
  },
  {
    path: ['stats', 'report'],
    usage: 'stats report [--year Y] [--language nl|en] --out FILE.pdf',
    summary: 'Write the transparency report of a year (A4 PDF, small counts suppressed). Audited.',
    signIn: true,
    flags: { year: 'string', language: 'string', out: 'string' },
    async run(args, io) {
      const out = args.flags.out;
      if (typeof out !== 'string') throw new UsageError('stats report needs --out FILE.pdf.');
      const language = args.flags.language ?? 'nl';
      if (language !== 'nl' && language !== 'en') {
        throw new UsageError('--language is nl or en.');
      }
      const path = resolve(out);
      const report = await io.call('stats.report', {
        year: await yearFlag(args, io),
        language,
        target: { path },
      });
      if (io.json) {
        io.print(JSON.stringify({ file: path, pages: report.pages, sha256: report.sha256 }));
      } else {
        io.print(
          `Transparency report written to ${path} (${report.pages} pages, SHA-256 ${report.sha256}).`,
        );
      }
    },
  },
];
