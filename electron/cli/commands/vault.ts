import { ROLES, type Role } from '../../../shared/roles';
import { UsageError, type CliCommand } from '../command';
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
    usage: 'user add NAME --role officer|approver|admin|auditor|importer [--display-name TEXT]',
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
];
