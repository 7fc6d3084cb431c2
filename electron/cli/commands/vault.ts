import { ROLES, type Role } from '../../../shared/roles';
import { SilentFailure, UsageError, type CliCommand } from '../command';
import { textTable } from '../text-table';

export const vaultCommands: CliCommand[] = [
  {
    path: ['init'],
    usage: 'init --user NAME --org NAME',
    summary:
      'Create a vault and its first admin (passphrase from NAW_DESK_PASSPHRASE or a prompt).',
    signIn: false,
    flags: { org: 'string' },
    async run(args, io) {
      const user = args.flags.user;
      const org = args.flags.org;
      if (typeof user !== 'string' || typeof org !== 'string') {
        throw new UsageError('init needs --user NAME and --org NAME.');
      }
      const passphrase = await io.secret('NAW_DESK_PASSPHRASE', `New passphrase for ${user}: `);
      const out = await io.call('vault.create', { orgName: org, adminName: user, passphrase });
      if (io.json) io.print(JSON.stringify({ vault: io.vaultDir, recoveryKey: out.recoveryKey }));
      else {
        io.print(`Vault created in ${io.vaultDir} for ${org}; admin: ${user}.`);
        io.print('');
        io.print('RECOVERY KEY (shown once; write it down and keep it in a safe):');
        io.print(`  ${out.recoveryKey}`);
        io.print('');
        io.print('Without a passphrase or this key, the data cannot be recovered by anyone.');
      }
    },
  },
  {
    path: ['status'],
    usage: 'status',
    summary: 'What the vault holds: counts per kind of data, schema version, users.',
    signIn: true,
    async run(_args, io) {
      const s = await io.call('vault.summary', {});
      if (io.json) {
        io.print(
          JSON.stringify({
            vault: io.vaultDir,
            orgName: s.orgName,
            demo: s.demo,
            schemaVersion: s.schemaVersion,
            ...s.counts,
            users: s.users,
          }),
        );
        return;
      }
      io.print(
        `Vault ${io.vaultDir}${s.demo ? ' (DEMO)' : ''}: ${s.orgName}, schema version ${s.schemaVersion}`,
      );
      for (const [k, v] of Object.entries(s.counts)) io.print(`  ${k}: ${v}`);
      io.print(
        `  users: ${s.users.map((u) => `${u.name} (${u.role}${u.disabled ? ', disabled' : ''})`).join(', ')}`,
      );
    },
  },
  {
    path: ['user', 'add'],
    usage: 'user add NAME --role officer|approver|admin|auditor [--display-name TEXT]',
    summary: 'Add a user (their passphrase from NAW_DESK_NEW_PASSPHRASE or a prompt).',
    signIn: true,
    positionals: [1, 1],
    flags: { role: 'string', 'display-name': 'string' },
    async run(args, io) {
      const role = args.flags.role;
      if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
        throw new UsageError(`user add needs --role, one of: ${ROLES.join(', ')}.`);
      }
      const name = args.positionals[0]!;
      const passphrase = await io.secret('NAW_DESK_NEW_PASSPHRASE', `New passphrase for ${name}: `);
      const displayName = args.flags['display-name'];
      const u = await io.call('users.add', {
        name,
        role: role as Role,
        passphrase,
        ...(typeof displayName === 'string' ? { displayName } : {}),
      });
      io.print(io.json ? JSON.stringify(u) : `User ${u.name} added with role ${u.role}.`);
    },
  },
  {
    path: ['user', 'list'],
    usage: 'user list',
    summary: 'List the users and their roles.',
    signIn: true,
    async run(_args, io) {
      const users = await io.call('users.list', {});
      if (io.json) return io.print(JSON.stringify(users));
      io.print(
        textTable([
          ['NAME', 'ROLE', 'DISPLAY NAME', 'STATUS'],
          ...users.map((u) => [u.name, u.role, u.displayName, u.disabled ? 'disabled' : 'active']),
        ]),
      );
    },
  },
  {
    path: ['audit', 'verify'],
    usage: 'audit verify',
    summary: 'Walk the hash chain of the audit log and report the first broken link.',
    signIn: true,
    async run(_args, io) {
      const v = await io.call('audit.verify', {});
      if (io.json) io.print(JSON.stringify(v));
      else if (v.intact)
        io.print(`Audit chain intact: ${v.checked} events, head #${v.head.seq} ${v.head.hash}`);
      else io.print(`Audit chain BROKEN at event #${v.brokenAt!.seq}: ${v.brokenAt!.reason}`);
      if (!v.intact) throw new SilentFailure();
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
      const str = (k: string) =>
        typeof args.flags[k] === 'string' ? (args.flags[k] as string) : undefined;
      const list = await io.call('audit.list', {
        limit,
        ...(str('action') ? { action: str('action') } : {}),
        ...(str('subject') ? { subject: str('subject') } : {}),
        ...(str('by') ? { user: str('by') } : {}),
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
];
