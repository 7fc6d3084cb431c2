import { writeFileSync } from 'node:fs';
import type { InputOf } from '../../../shared/contract';
import { CliFailure, UsageError, type CliCommand, type CliIo } from '../command';
import { LetterLanguage, SendMethod } from '../../../shared/schemas/letters';
import {
  ANNEX3_LETTER,
  ANNEX3_REASONS,
  Annex3Language,
  type Annex3Reason,
} from '../../../shared/schemas/annex3';

/** `a,d` or `not_stored,other`: the Annex III reasons by their letter on the form or by code. */
function annex3Reasons(text: string): Annex3Reason[] {
  return text.split(',').map((raw) => {
    const v = raw.trim().toLowerCase();
    const found = ANNEX3_REASONS.find((r) => r === v || ANNEX3_LETTER[r] === v);
    if (!found) {
      throw new UsageError(
        `--reason: "${raw.trim()}" is none of a-g (${ANNEX3_REASONS.map((r) => `${ANNEX3_LETTER[r]} ${r}`).join(', ')}).`,
      );
    }
    return found;
  });
}

function writeNew(out: string, bytes: Buffer): void {
  try {
    writeFileSync(out, bytes, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    throw new CliFailure(
      (e as NodeJS.ErrnoException).code === 'EEXIST'
        ? `${out} exists already; choose another file name.`
        : `Cannot write ${out}; check the folder.`,
    );
  }
}

/**
 * The archived letter in force, issued and archived first when the request has none yet. Only
 * channel calls: issuing refuses a second letter, so the CLI asks for the records first.
 */
async function archivedOrIssued(io: CliIo, issue: InputOf<'letters.issue'>) {
  const { registerNo } = issue;
  const issuedNow = (await io.call('letters.list', { registerNo })).length === 0;
  if (issuedNow) await io.call('letters.issue', issue);
  return { archived: await io.call('letters.archived', { registerNo }), issuedNow };
}

/** CLI commands of the letters domain. */
export const lettersCommands: CliCommand[] = [
  {
    path: ['request', 'letter'],
    usage: 'request letter NO --out FILE.pdf [--language nl|en] [--function TEXT]',
    summary:
      'Writes the archived letter of a decided request to FILE.pdf; issues and archives it first if none exists yet.',
    signIn: true,
    positionals: [1, 1],
    flags: { out: 'string', language: 'string', function: 'string' },
    async run(args, io) {
      const registerNo = args.positionals[0]!;
      const out = typeof args.flags.out === 'string' ? args.flags.out : undefined;
      if (!out) throw new UsageError('Say where to write the letter: --out FILE.pdf');
      const language =
        typeof args.flags.language === 'string'
          ? LetterLanguage.safeParse(args.flags.language)
          : undefined;
      if (language && !language.success) throw new UsageError('--language is nl or en.');
      const { archived, issuedNow } = await archivedOrIssued(io, {
        registerNo,
        ...(language?.data ? { language: language.data } : {}),
        ...(typeof args.flags.function === 'string' ? { signerFunction: args.flags.function } : {}),
      });
      writeNew(out, Buffer.from(archived.pdfBase64, 'base64'));
      const r = archived.record;
      if (io.json) io.print(JSON.stringify(r, null, 2));
      else
        io.print(
          `${r.registerNo}: ${r.kind} letter (record ${r.id}${issuedNow ? ', issued now' : ''}), ${r.pageCount} page(s), sha256 ${r.sha256} → ${out}`,
        );
    },
  },
  {
    path: ['request', 'annex3'],
    usage:
      'request annex3 NO --out FILE.pdf [--reason a,d,…] [--explanation TEXT] [--clarification TEXT] [--preserved] [--language nl|en|de]',
    summary:
      'Makes and archives the Annex III form of an EPOC (refused, no data, or a clarification asked while open) and writes it to FILE.pdf; the reasons default to those the checks and matches propose.',
    signIn: true,
    positionals: [1, 1],
    flags: {
      out: 'string',
      reason: 'string',
      explanation: 'string',
      clarification: 'string',
      preserved: 'boolean',
      language: 'string',
    },
    async run(args, io) {
      const registerNo = args.positionals[0]!;
      const f = args.flags;
      const out = typeof f.out === 'string' ? f.out : undefined;
      if (!out) throw new UsageError('Say where to write the form: --out FILE.pdf');
      const language = typeof f.language === 'string' ? Annex3Language.safeParse(f.language) : null;
      if (language && !language.success) throw new UsageError('--language is nl, en or de.');
      const record = await io.call('letters.annex3Issue', {
        registerNo,
        preserved: f.preserved === true,
        ...(typeof f.reason === 'string' ? { reasons: annex3Reasons(f.reason) } : {}),
        ...(typeof f.explanation === 'string' ? { explanation: f.explanation } : {}),
        ...(typeof f.clarification === 'string' ? { clarification: f.clarification } : {}),
        ...(language?.data ? { language: language.data } : {}),
      });
      const archived = await io.call('letters.annex3Archived', { registerNo, id: record.id });
      writeNew(out, Buffer.from(archived.pdfBase64, 'base64'));
      if (io.json) io.print(JSON.stringify(record, null, 2));
      else
        io.print(
          `${record.registerNo}: Annex III form ${record.id} (${record.outcome}; ${record.reasons.map((r) => `(${ANNEX3_LETTER[r]}) ${r}`).join(', ')}; ${record.language}), ${record.pageCount} page(s), sha256 ${record.sha256} → ${out}`,
        );
    },
  },
  {
    path: ['request', 'sent'],
    usage: 'request sent NO --method secure_email|portal|post|by_hand --at DATETIME',
    summary: 'Records how and when the letter in force was sent (once; never changed after).',
    signIn: true,
    positionals: [1, 1],
    flags: { method: 'string', at: 'string' },
    async run(args, io) {
      const method = SendMethod.safeParse(args.flags.method);
      if (!method.success)
        throw new UsageError('--method is secure_email, portal, post or by_hand.');
      if (typeof args.flags.at !== 'string')
        throw new UsageError('--at is the date and time it was sent.');
      const r = await io.call('letters.markSent', {
        registerNo: args.positionals[0]!,
        method: method.data,
        sentAt: args.flags.at,
      });
      if (io.json) io.print(JSON.stringify(r, null, 2));
      else io.print(`${r.registerNo}: letter ${r.id} sent by ${r.sent?.method} at ${r.sent?.at}`);
    },
  },
];
