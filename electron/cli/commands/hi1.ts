import { UsageError, type CliCommand } from '../command';

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** CLI commands of the ETSI TS 103 120 (HI-1) exchange (docs/HI1.md). */
export const hi1Commands: CliCommand[] = [
  {
    path: ['hi1', 'import'],
    usage: 'hi1 import FILE.xml [--json]',
    summary:
      'Logs the order in an HI-1 message (HI1Message creating an AuthorisationObject and LDTaskObjects) as a request, the message as its document; hostile XML is refused before it is read.',
    signIn: true,
    positionals: [1, 1],
    async run(args, io) {
      const r = await io.call('hi1.import', { file: io.localFile(args.positionals[0]!) });
      if (io.json) return io.print(JSON.stringify(r, null, 2));
      const s = `${r.sender.countryCode} ${r.sender.uniqueIdentifier}`;
      io.print(`${r.registerNo}: ${r.status}, HI-1 transaction ${r.transactionId} from ${s}`);
      for (const t of r.tasks)
        io.print(`  task ${t.ldid} (${t.type}): item(s) ${t.items.join(', ')}`);
      if (!r.senderLinked)
        io.print(
          `  sender ${s} is not linked to an authority: nothing can be disclosed until an admin runs 'naw-desk hi1 link ${r.sender.countryCode} ${r.sender.uniqueIdentifier} --authority CODE'`,
        );
      for (const x of r.ignored) io.print(`  not acted on: ${x}`);
    },
  },
  {
    path: ['hi1', 'export'],
    usage: 'hi1 export NO --out FILE.xml',
    summary:
      'Writes the answer to a decided HI-1 order (a disclosure once approved) as an HI1Message to a new FILE.xml: per task a DELIVER of the data (or DataExistence false) and an UPDATE of its status.',
    signIn: true,
    positionals: [1, 1],
    flags: { out: 'string' },
    async run(args, io) {
      const out = str(args.flags.out);
      if (!out) throw new UsageError('Say where to write the answer: --out FILE.xml');
      const r = await io.call('hi1.export', {
        registerNo: args.positionals[0]!,
        target: { path: out },
      });
      if (io.json) return io.print(JSON.stringify(r, null, 2));
      io.print(`${args.positionals[0]}: HI-1 answer, sha256 ${r.sha256} → ${out}`);
      for (const t of r.tasks) io.print(`  task ${t.ldid}: ${t.status}`);
    },
  },
  {
    path: ['hi1', 'senders'],
    usage: 'hi1 senders [--json]',
    summary: 'Lists the HI-1 senders linked to catalogue authorities.',
    signIn: true,
    positionals: [0, 0],
    async run(_args, io) {
      const list = await io.call('hi1.senders', {});
      if (io.json) return io.print(JSON.stringify(list, null, 2));
      if (!list.length) return io.print('No HI-1 sender is linked.');
      for (const s of list)
        io.print(
          `${s.countryCode} ${s.uniqueIdentifier} → ${s.authorityCode} (${s.authorityName}), linked by ${s.linkedBy} at ${s.linkedAt}`,
        );
    },
  },
  {
    path: ['hi1', 'link'],
    usage: 'hi1 link COUNTRY IDENTIFIER --authority CODE',
    summary:
      'Admin: links an HI-1 sender (country code and unique identifier, as its messages name it) to a catalogue authority; its undecided orders are checked again.',
    signIn: true,
    positionals: [2, 2],
    flags: { authority: 'string' },
    async run(args, io) {
      const authority = str(args.flags.authority);
      if (!authority) throw new UsageError('Name the authority: --authority CODE');
      const s = await io.call('hi1.linkSender', {
        countryCode: args.positionals[0]!,
        uniqueIdentifier: args.positionals[1]!,
        authority,
      });
      if (io.json) return io.print(JSON.stringify(s, null, 2));
      io.print(`${s.countryCode} ${s.uniqueIdentifier} → ${s.authorityCode} (${s.authorityName})`);
    },
  },
  {
    path: ['hi1', 'unlink'],
    usage: 'hi1 unlink COUNTRY IDENTIFIER',
    summary:
      'Admin: removes a sender link; its undecided orders fail the checks again until it is linked.',
    signIn: true,
    positionals: [2, 2],
    async run(args, io) {
      await io.call('hi1.unlinkSender', {
        countryCode: args.positionals[0]!,
        uniqueIdentifier: args.positionals[1]!,
      });
      io.print(`${args.positionals[0]} ${args.positionals[1]}: unlinked`);
    },
  },
];
