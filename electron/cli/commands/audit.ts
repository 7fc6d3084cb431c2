import { closeSync, fsyncSync, readFileSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { Witness } from '../../../shared/schemas/audit';
import { openAppendNoFollow } from '../../core/atomic-file';
import { DeskError } from '../../core/errors';
import { CliFailure, SilentFailure, UsageError, type CliCommand } from '../command';

/**
 * Reads a witness file: one JSON witness per line (what `audit witness >> FILE` appends), or a
 * JSON array of witnesses.
 */
export function parseWitnessFile(text: string): Witness[] {
  const trimmed = text.trim();
  if (trimmed === '') throw new CliFailure('The witness file is empty.');
  let raw: unknown[];
  if (trimmed.startsWith('[')) {
    try {
      raw = JSON.parse(trimmed) as unknown[];
    } catch {
      throw new CliFailure('The witness file starts with [ but is not a valid JSON array.');
    }
  } else {
    raw = trimmed
      .split(/\r?\n/)
      .map((l, i) => [l.trim(), i + 1] as const)
      .filter(([l]) => l !== '')
      .map(([l, n]) => {
        try {
          return JSON.parse(l) as unknown;
        } catch {
          throw new CliFailure(`Line ${n} of the witness file is not JSON.`);
        }
      });
  }
  return raw.map((w, i) => {
    const r = Witness.safeParse(w);
    if (!r.success) {
      throw new CliFailure(
        `Witness ${i + 1} is not a witness ({vaultId, seq, hash, at}): ${r.error.issues[0]?.message}`,
      );
    }
    return r.data;
  });
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The --out file, opened to append; a symbolic link or anything but a regular file is refused. */
function openWitnessFile(file: string): number {
  try {
    return openAppendNoFollow(file);
  } catch (e) {
    if (e instanceof DeskError) throw new CliFailure(e.message);
    throw new CliFailure(
      `Cannot write ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'}); nothing was witnessed.`,
    );
  }
}

export const auditCommands: CliCommand[] = [
  {
    path: ['audit', 'verify'],
    usage: 'audit verify [--witness FILE]',
    summary:
      'Walk the hash chain of the audit log and report the first broken link; with --witness, also check that every witnessed head (one JSON per line, or a JSON array) is still in the chain.',
    signIn: true,
    flags: { witness: 'string' },
    async run(args, io) {
      const v = await io.call('audit.verify', {});
      const file = str(args.flags.witness);
      const w = file
        ? await io.call('audit.checkWitness', {
            witnesses: parseWitnessFile(readFileSync(resolve(file), 'utf8')),
          })
        : null;
      if (io.json) io.print(JSON.stringify(w ? { ...v, witness: w } : v));
      else {
        if (v.intact)
          io.print(`Audit chain intact: ${v.checked} events, head #${v.head.seq} ${v.head.hash}`);
        else io.print(`Audit chain BROKEN at event #${v.brokenAt!.seq}: ${v.brokenAt!.reason}`);
        if (w?.ok) io.print(`Witnesses: all ${w.checked} witnessed heads are in the chain.`);
        else if (w?.firstMismatch) {
          const m = w.firstMismatch;
          io.print(
            `Witness MISMATCH (witness ${m.index + 1}, event #${m.seq}): ${m.reason}. Witnessed ${m.witnessed}, found ${m.found ?? 'nothing'}.`,
          );
        }
      }
      if (!v.intact || (w && !w.ok)) throw new SilentFailure();
    },
  },
  {
    path: ['audit', 'list'],
    usage: 'audit list [--action PREFIX] [--subject TEXT] [--by USER] [--limit N]',
    summary: 'List audit events, newest first.',
    signIn: true,
    flags: { action: 'string', subject: 'string', by: 'string', limit: 'string' },
    async run(args, io) {
      const limit = args.flags.limit ? Number(args.flags.limit) : 50;
      if (!Number.isInteger(limit) || limit < 1)
        throw new UsageError('--limit takes a whole number.');
      const action = str(args.flags.action);
      const subject = str(args.flags.subject);
      const by = str(args.flags.by);
      const list = await io.call('audit.list', {
        limit,
        ...(action ? { action } : {}),
        ...(subject ? { subject } : {}),
        ...(by ? { user: by } : {}),
      });
      if (io.json) return io.print(JSON.stringify(list));
      for (const e of list.events) {
        io.print(
          `#${e.seq}  ${e.at}  ${e.user}  ${e.action}  ${e.subject}  ${JSON.stringify(e.details)}`,
        );
      }
      io.print(`(${list.events.length} of ${list.total})`);
    },
  },
  {
    path: ['audit', 'export'],
    usage: 'audit export FILE [--format csv|json]',
    summary:
      'Export the whole audit log with its hashes (default JSON; see docs/AUDIT.md to verify it without the app).',
    signIn: true,
    positionals: [1, 1],
    flags: { format: 'string' },
    async run(args, io) {
      const format = str(args.flags.format) ?? 'json';
      if (format !== 'csv' && format !== 'json') throw new UsageError('--format is csv or json.');
      const file = resolve(args.positionals[0]!);
      const r = await io.call('audit.export', { format, target: { path: file } });
      const summary = { file, format, events: r.count, head: r.head, sha256: r.sha256 };
      io.print(
        io.json
          ? JSON.stringify(summary)
          : `Exported ${r.count} audit events (head #${r.head.seq}) to ${file}; SHA-256 ${r.sha256}.`,
      );
    },
  },
  {
    path: ['audit', 'witness'],
    usage: 'audit witness [--out FILE]',
    summary:
      'Print the chain head as a witness line {vaultId, seq, hash, at}; with --out, append it to FILE (keep that file outside the vault).',
    signIn: true,
    flags: { out: 'string' },
    async run(args, io) {
      const out = str(args.flags.out);
      // The file first: a witness is taken (and audited) only when it can be kept.
      const fd = out ? openWitnessFile(resolve(out)) : null;
      try {
        const line = JSON.stringify(await io.call('audit.witness', {}));
        if (fd !== null) {
          writeSync(fd, line + '\n');
          fsyncSync(fd);
        }
        io.print(line);
      } finally {
        if (fd !== null) closeSync(fd);
      }
    },
  },
];
