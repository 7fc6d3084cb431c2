import type { InputOf, OutputOf } from '../../../shared/contract';
import { UsageError, type CliArgs, type CliCommand, type CliIo } from '../command';
import { textTable } from '../text-table';

// The catalogue over the command line, so that a desk can be set up by a script: the same
// channels as Settings, checked and audited by the core exactly as there.

const str = (args: CliArgs, k: string) =>
  typeof args.flags[k] === 'string' ? (args.flags[k] as string) : undefined;

const need = (args: CliArgs, k: string, usage: string): string => {
  const v = str(args, k);
  if (v === undefined) throw new UsageError(`${usage} needs --${k}.`);
  return v;
};

const list = (v: string | undefined) =>
  v === undefined
    ? undefined
    : v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);

/** `--active true|false`: a yes/no flag that can also switch something off. */
function yesNo(args: CliArgs, k: string): boolean | undefined {
  const v = str(args, k);
  if (v === undefined) return undefined;
  if (v === 'true' || v === 'yes') return true;
  if (v === 'false' || v === 'no') return false;
  throw new UsageError(`--${k} is true or false.`);
}

/** Leaves out what was not given, so an update touches only the named fields. */
const given = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

type View = OutputOf<'catalogue.view'>;

function printView(io: CliIo, view: View): void {
  io.print('Authorities:');
  io.print(
    textTable([
      ['code', 'name', 'kind', 'active', 'verified channels'],
      ...view.authorities.map((a) => [
        a.code,
        a.name + (a.legacy ? ' (legacy name)' : ''),
        a.kind,
        a.active ? 'yes' : 'no',
        a.contacts.map((c) => `${c.id} ${c.kind} ${c.value}`).join('; ') || '-',
      ]),
    ]),
  );
  io.print('');
  io.print('Legal bases:');
  io.print(
    textTable([
      ['code', 'article', 'action', 'issuers', 'categories', 'active'],
      ...view.legalBases.map((b) => [
        b.code,
        b.article,
        b.action,
        b.issuers.join(','),
        b.categories.join(','),
        b.active ? 'yes' : 'no',
      ]),
    ]),
  );
}

function printAuthority(io: CliIo, a: OutputOf<'catalogue.addAuthority'>): void {
  if (io.json) return io.print(JSON.stringify(a));
  io.print(`${a.code}  ${a.name}  (${a.kind}${a.active ? '' : ', inactive'})`);
  for (const c of a.contacts) {
    io.print(`  ${c.id}  ${c.kind} ${c.value}  verified ${c.verifiedAt} by ${c.verifiedBy}`);
  }
}

function printBasis(io: CliIo, b: OutputOf<'catalogue.addLegalBasis'>): void {
  if (io.json) return io.print(JSON.stringify(b));
  io.print(`${b.code}  ${b.article}  ${b.action}${b.active ? '' : ' (inactive)'}`);
}

const BASIS_FLAGS = {
  article: 'string',
  'short-name': 'string',
  issuers: 'string',
  categories: 'string',
  action: 'string',
  'version-date': 'string',
  'valid-from': 'string',
  'valid-until': 'string',
  rc: 'string',
  unverified: 'string',
  note: 'string',
} as const;

/** The basis fields named on the command line (undefined where not given). */
function basisFields(args: CliArgs) {
  return {
    article: str(args, 'article'),
    shortName: str(args, 'short-name'),
    issuers: list(str(args, 'issuers')),
    categories: list(str(args, 'categories')),
    action: str(args, 'action'),
    versionDate: str(args, 'version-date'),
    validFrom: str(args, 'valid-from'),
    validUntil: str(args, 'valid-until'),
    requiresRcAuthorisation: yesNo(args, 'rc'),
    unverified: yesNo(args, 'unverified'),
    note: str(args, 'note'),
  };
}

const code = (args: CliArgs) => args.positionals[0]!;

/** CLI commands of the catalogue domain (reading for every user; editing for admins). */
export const catalogueCommands: CliCommand[] = [
  {
    path: ['catalogue', 'list'],
    usage: 'catalogue list [--json]',
    summary:
      'The authorities with their verified contact channels and the legal bases, active or not.',
    signIn: true,
    async run(_args, io) {
      const view = await io.call('catalogue.view', {});
      if (io.json) io.print(JSON.stringify(view));
      else printView(io, view);
    },
  },
  {
    path: ['catalogue', 'authority', 'add'],
    usage: 'catalogue authority add CODE --name NAME --kind KIND [--legacy] [--note TEXT]',
    summary:
      'Add an authority (kind: police, kmar, bod, om, intelligence, intermediary, foreign, other). Admins; audited.',
    signIn: true,
    positionals: [1, 1],
    flags: { name: 'string', kind: 'string', legacy: 'boolean', note: 'string' },
    async run(args, io) {
      const usage = 'catalogue authority add';
      const input = {
        code: code(args),
        name: need(args, 'name', usage),
        kind: need(args, 'kind', usage),
        legacy: args.flags.legacy === true,
        note: str(args, 'note') ?? '',
      } as InputOf<'catalogue.addAuthority'>;
      printAuthority(io, await io.call('catalogue.addAuthority', input));
    },
  },
  {
    path: ['catalogue', 'authority', 'update'],
    usage:
      'catalogue authority update CODE [--name NAME] [--kind KIND] [--active true|false] [--legacy true|false] [--replaced-by CODE,CODE] [--note TEXT]',
    summary:
      'Change an authority; --active false deactivates one that requests refer to. Admins; audited.',
    signIn: true,
    positionals: [1, 1],
    flags: {
      name: 'string',
      kind: 'string',
      active: 'string',
      legacy: 'string',
      'replaced-by': 'string',
      note: 'string',
    },
    async run(args, io) {
      const input = given({
        code: code(args),
        name: str(args, 'name'),
        kind: str(args, 'kind'),
        active: yesNo(args, 'active'),
        legacy: yesNo(args, 'legacy'),
        replacedBy: list(str(args, 'replaced-by')),
        note: str(args, 'note'),
      }) as InputOf<'catalogue.updateAuthority'>;
      printAuthority(io, await io.call('catalogue.updateAuthority', input));
    },
  },
  {
    path: ['catalogue', 'authority', 'remove'],
    usage: 'catalogue authority remove CODE',
    summary: 'Remove an authority no request refers to (otherwise deactivate it). Admins; audited.',
    signIn: true,
    positionals: [1, 1],
    async run(args, io) {
      await io.call('catalogue.removeAuthority', { code: code(args) });
      io.print(io.json ? JSON.stringify({ removed: code(args) }) : `${code(args)} removed.`);
    },
  },
  {
    path: ['catalogue', 'channel', 'add'],
    usage:
      'catalogue channel add AUTHORITY --kind phone|email|portal|address --value VALUE --verified-by NAME --verified-at YYYY-MM-DD --how TEXT --independent [--note TEXT]',
    summary:
      'Add a contact channel you verified independently (never one taken from a request); call-backs must use one. Admins; audited.',
    signIn: true,
    positionals: [1, 1],
    flags: {
      kind: 'string',
      value: 'string',
      'verified-by': 'string',
      'verified-at': 'string',
      how: 'string',
      independent: 'boolean',
      note: 'string',
    },
    async run(args, io) {
      const usage = 'catalogue channel add';
      const input = {
        authority: code(args),
        kind: need(args, 'kind', usage),
        value: need(args, 'value', usage),
        verifiedBy: need(args, 'verified-by', usage),
        verifiedAt: need(args, 'verified-at', usage),
        verifiedHow: need(args, 'how', usage),
        note: str(args, 'note') ?? '',
        // Left for the core to refuse (with its worded reason) when the flag is missing.
        independent: args.flags.independent === true,
      } as InputOf<'catalogue.addContact'>;
      printAuthority(io, await io.call('catalogue.addContact', input));
    },
  },
  {
    path: ['catalogue', 'channel', 'remove'],
    usage: 'catalogue channel remove AUTHORITY CHANNEL-ID --reason TEXT',
    summary: 'Remove a verified contact channel (its id from catalogue list). Admins; audited.',
    signIn: true,
    positionals: [2, 2],
    flags: { reason: 'string' },
    async run(args, io) {
      const authority = await io.call('catalogue.removeContact', {
        authority: code(args),
        contactId: args.positionals[1]!,
        reason: need(args, 'reason', 'catalogue channel remove'),
      });
      printAuthority(io, authority);
    },
  },
  {
    path: ['catalogue', 'basis', 'add'],
    usage:
      'catalogue basis add CODE --article TEXT --short-name TEXT --issuers F,F --categories C,C --action HANDLE|REFER|REFUSE --version-date YYYY-MM-DD [--valid-from D] [--valid-until D] [--rc true|false] [--unverified true|false] [--note TEXT]',
    summary: 'Add a legal basis to the catalogue. Admins; audited.',
    signIn: true,
    positionals: [1, 1],
    flags: BASIS_FLAGS,
    async run(args, io) {
      const usage = 'catalogue basis add';
      for (const k of ['article', 'short-name', 'issuers', 'categories', 'action', 'version-date'])
        need(args, k, usage);
      const input = given({ code: code(args), ...basisFields(args) });
      printBasis(
        io,
        await io.call('catalogue.addLegalBasis', input as InputOf<'catalogue.addLegalBasis'>),
      );
    },
  },
  {
    path: ['catalogue', 'basis', 'update'],
    usage:
      'catalogue basis update CODE [--article TEXT] [--short-name TEXT] [--issuers F,F] [--categories C,C] [--action A] [--version-date D] [--valid-from D] [--valid-until D] [--rc true|false] [--unverified true|false] [--note TEXT] [--active true|false]',
    summary: 'Change a legal basis; --active false deactivates it. Admins; audited.',
    signIn: true,
    positionals: [1, 1],
    flags: { ...BASIS_FLAGS, active: 'string' },
    async run(args, io) {
      const input = given({
        code: code(args),
        ...basisFields(args),
        active: yesNo(args, 'active'),
      });
      printBasis(
        io,
        await io.call('catalogue.updateLegalBasis', input as InputOf<'catalogue.updateLegalBasis'>),
      );
    },
  },
  {
    path: ['catalogue', 'basis', 'remove'],
    usage: 'catalogue basis remove CODE',
    summary:
      'Remove a legal basis no request refers to (otherwise deactivate it). Admins; audited.',
    signIn: true,
    positionals: [1, 1],
    async run(args, io) {
      await io.call('catalogue.removeLegalBasis', { code: code(args) });
      io.print(io.json ? JSON.stringify({ removed: code(args) }) : `${code(args)} removed.`);
    },
  },
];
