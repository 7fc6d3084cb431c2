import { writeFileSync } from 'node:fs';
import { CliFailure, UsageError, type CliArgs, type CliCommand } from '../command';

const str = (args: CliArgs, k: string) =>
  typeof args.flags[k] === 'string' ? (args.flags[k] as string) : undefined;

/** Flag → the request field it corrects (paths as in the request JSON, docs/REQUEST-JSON.md). */
const REQUEST_FLAGS: Record<string, string> = {
  'case-reference': 'caseReference',
  'rc-authorisation': 'rcAuthorisation',
  note: 'note',
  'requester-name': 'requester.name',
  'requester-badge': 'requester.badge',
  'requester-email': 'requester.email',
  'requester-phone': 'requester.phone',
  // A European Production Order's certificate: a validation recorded, a name or reference corrected.
  'epoc-validating-authority': 'epoc.validatingAuthority',
  'epoc-issuer-name': 'epoc.issuingAuthority.name',
  'epoc-issuer-file-reference': 'epoc.issuingAuthority.fileReference',
  'epoc-addressee': 'epoc.addressee',
};
/** Flag → the field of the identifier named by --item. */
const ITEM_FLAGS: Record<string, string> = {
  value: 'value',
  port: 'port',
  moment: 'moment',
  // A period item: --moment is its start, --period-to its end.
  'period-to': 'periodTo',
  'time-zone': 'timeZone',
};

/** The corrections the flags ask for, in the order of the usage line. */
function corrections(args: CliArgs): { field: string; value: string }[] {
  const out: { field: string; value: string }[] = [];
  for (const [flag, field] of Object.entries(REQUEST_FLAGS)) {
    const v = str(args, flag);
    if (v !== undefined) out.push({ field, value: v });
  }
  const itemText = str(args, 'item');
  const itemFlags = Object.keys(ITEM_FLAGS).filter((f) => str(args, f) !== undefined);
  if (itemText !== undefined || itemFlags.length > 0) {
    const item = Number(itemText);
    if (!Number.isInteger(item) || item < 1 || itemFlags.length === 0) {
      throw new UsageError(
        'Correct an identifier with --item N and at least one of --value, --port, --moment, --period-to, --time-zone.',
      );
    }
    for (const f of itemFlags)
      out.push({ field: `items.${item}.${ITEM_FLAGS[f]}`, value: str(args, f)! });
  }
  return out;
}

export const requestAmendCommands: CliCommand[] = [
  {
    path: ['request', 'amend'],
    usage:
      'request amend NO --reason TEXT [--case-reference T] [--rc-authorisation T] [--note T] [--requester-name T] [--requester-badge T] [--requester-email T] [--requester-phone T] [--epoc-validating-authority JSON] [--epoc-issuer-name T] [--epoc-issuer-file-reference T] [--epoc-addressee T] [--item N [--value V] [--port P] [--moment TIME] [--period-to TIME] [--time-zone ZONE]]',
    summary:
      'Correct the record (before or after the decision) with who, when and why; a changed identifier is matched again alone. An empty value ("") clears an optional field.',
    signIn: true,
    positionals: [1, 1],
    flags: {
      reason: 'string',
      item: 'string',
      ...Object.fromEntries(
        [...Object.keys(REQUEST_FLAGS), ...Object.keys(ITEM_FLAGS)].map((f) => [f, 'string']),
      ),
    },
    async run(args, io) {
      const reason = str(args, 'reason');
      const list = corrections(args);
      if (!reason)
        throw new UsageError('request amend needs --reason: say why the record is corrected.');
      if (list.length === 0)
        throw new UsageError('request amend needs a field to correct; see --help.');
      const registerNo = args.positionals[0]!;
      let r = null;
      for (const c of list) r = await io.call('requests.amend', { registerNo, ...c, reason });
      if (io.json) {
        return io.print(
          JSON.stringify({
            registerNo,
            status: r!.status,
            amendments: r!.amendments.slice(-list.length),
          }),
        );
      }
      for (const c of list)
        io.print(`Amended ${c.field} = ${c.value === '' ? '(cleared)' : c.value}`);
      io.print(`Request ${registerNo} is ${r!.status}; checks: ${r!.check?.outcome ?? 'not run'}.`);
    },
  },
  {
    path: ['request', 'confirm-written'],
    usage: 'request confirm-written NO --at TIME',
    summary:
      'Record when the written confirmation of an oral (phone) request arrived (due within 3 days).',
    signIn: true,
    positionals: [1, 1],
    flags: { at: 'string' },
    async run(args, io) {
      const at = str(args, 'at');
      if (!at) throw new UsageError('request confirm-written needs --at TIME.');
      const r = await io.call('requests.confirmWritten', {
        registerNo: args.positionals[0]!,
        receivedAt: at,
      });
      io.print(
        io.json
          ? JSON.stringify({
              registerNo: r.registerNo,
              receivedAt: r.writtenConfirmationReceivedAt,
            })
          : `Written confirmation received ${r.writtenConfirmationReceivedAt}.`,
      );
    },
  },
  {
    path: ['request', 'attach'],
    usage: 'request attach NO FILE',
    summary: 'Attach the original request document (PDF, image, mail) to a request that has none.',
    signIn: true,
    positionals: [2, 2],
    async run(args, io) {
      const token = io.localFile(args.positionals[1]!);
      const r = await io.call('requests.attachDocument', {
        registerNo: args.positionals[0]!,
        token,
      });
      io.print(
        io.json
          ? JSON.stringify({ registerNo: r.registerNo, document: r.document })
          : `Attached ${r.document?.name} (SHA-256 ${r.document?.sha256}).`,
      );
    },
  },
  {
    path: ['request', 'document'],
    usage: 'request document NO --out FILE',
    summary: 'Write the original request document to FILE (never overwrites; audited).',
    signIn: true,
    positionals: [1, 1],
    flags: { out: 'string' },
    async run(args, io) {
      const out = str(args, 'out');
      if (!out) throw new UsageError('request document needs --out FILE.');
      const d = await io.call('requests.document', { registerNo: args.positionals[0]! });
      try {
        writeFileSync(out, Buffer.from(d.base64, 'base64'), { mode: 0o600, flag: 'wx' });
      } catch (e) {
        throw new CliFailure(
          `Cannot write ${out} (${(e as NodeJS.ErrnoException).code ?? 'error'}); it must not exist yet.`,
        );
      }
      io.print(
        io.json
          ? JSON.stringify({ out, name: d.name, sha256: d.sha256 })
          : `Wrote ${d.name} to ${out}.`,
      );
    },
  },
];
