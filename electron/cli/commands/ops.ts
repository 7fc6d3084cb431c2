import { resolve } from 'node:path';
import { ROLES, type Role } from '../../../shared/roles';
import type { PurgePreview } from '../../../shared/schemas/ops';
import { DeskSession } from '../../core/session';
import { createDemoVault } from '../../demo/seed';
import { dispatch } from '../../api/table';
import { CliFailure, UsageError, type CliCommand, type CliIo } from '../command';
import { textTable } from '../text-table';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const userLine = (u: { name: string; role: string; disabled: boolean }) =>
  `${u.name} (${u.role}${u.disabled ? ', disabled' : ''})`;

function printPreview(io: CliIo, p: PurgePreview): void {
  io.print(`Retention as of ${p.asOf}:`);
  io.print(
    textTable([
      ['CATEGORY', 'DUE', 'ROWS', 'PERIOD', 'CUTOFF', 'NOTE'],
      ...p.categories.map((c) => [
        c.category,
        c.available ? String(c.count) : '-',
        c.available ? String(c.rows) : '-',
        c.period,
        c.cutoff.slice(0, 10),
        c.available ? '' : c.note,
      ]),
    ]),
  );
  // Preservation holds keep their records out of the purge until they end.
  for (const h of p.held) {
    io.print(
      `Held for ${h.registerNo} ${h.until ? `until ${h.until}` : 'until production'}: ${h.held.numberAssignments} number and ${h.held.ipAssignments} IP assignments, ${h.held.customerVersions} NAW versions (${h.customersKept} due customers kept).`,
    );
  }
}

/** The demo vault goes here when --vault is not given (`npm run demo`). */
export const DEFAULT_DEMO_DIR = 'demo-vault';

/** CLI commands of the ops domain. */
export const opsCommands: CliCommand[] = [
  {
    path: ['user', 'disable'],
    usage: 'user disable NAME',
    summary: 'Disable a user: kept for the audit log, key slot removed (cannot sign in).',
    signIn: true,
    positionals: [1, 1],
    async run(args, io) {
      const u = await io.call('users.disable', { name: args.positionals[0]! });
      io.print(io.json ? JSON.stringify(u) : `User ${userLine(u)}; their key slot was removed.`);
    },
  },
  {
    path: ['user', 'enable'],
    usage: 'user enable NAME',
    summary: 'Enable a disabled user with a new passphrase (NAW_DESK_NEW_PASSPHRASE or a prompt).',
    signIn: true,
    positionals: [1, 1],
    async run(args, io) {
      const name = args.positionals[0]!;
      const passphrase = await io.secret('NAW_DESK_NEW_PASSPHRASE', `New passphrase for ${name}: `);
      const u = await io.call('users.enable', { name, passphrase });
      io.print(io.json ? JSON.stringify(u) : `User ${userLine(u)} can sign in again.`);
    },
  },
  {
    path: ['user', 'role'],
    usage: 'user role NAME officer|approver|admin|auditor|importer',
    summary: 'Change a user’s role.',
    signIn: true,
    positionals: [2, 2],
    async run(args, io) {
      const [name, role] = args.positionals as [string, string];
      if (!(ROLES as readonly string[]).includes(role)) {
        throw new UsageError(`The role is one of: ${ROLES.join(', ')}.`);
      }
      const before = (await io.call('users.list', {})).find((u) => u.name === name);
      const u = await io.call('users.changeRole', { name, role: role as Role });
      io.print(
        io.json ? JSON.stringify(u) : `User ${u.name}: role ${before?.role ?? '?'} → ${u.role}.`,
      );
    },
  },
  {
    path: ['user', 'reset-passphrase'],
    usage: 'user reset-passphrase NAME',
    summary:
      'Give a user a new passphrase (from NAW_DESK_NEW_PASSPHRASE or a prompt); tell them in person.',
    signIn: true,
    positionals: [1, 1],
    async run(args, io) {
      const name = args.positionals[0]!;
      const passphrase = await io.secret('NAW_DESK_NEW_PASSPHRASE', `New passphrase for ${name}: `);
      const u = await io.call('users.resetPassphrase', { name, passphrase });
      io.print(io.json ? JSON.stringify(u) : `The passphrase of ${u.name} was reset.`);
    },
  },
  {
    path: ['backup'],
    usage: 'backup FILE',
    summary:
      'Write a verified, encrypted backup of the vault (database + key slots) to FILE (a new file).',
    signIn: true,
    positionals: [1, 1],
    async run(args, io) {
      const r = await io.call('ops.backup', {
        target: { path: resolve(args.positionals[0]!) },
      });
      if (io.json) return io.print(JSON.stringify({ ...r, base64: undefined }));
      io.print(`Backup written to ${r.savedTo} (${r.bytes} bytes), verified:`);
      io.print(
        `  schema version ${r.schemaVersion}, audit chain intact (${r.auditEvents} events, head #${r.auditHead.seq})`,
      );
      io.print(`  SHA-256 ${r.sha256}`);
      io.print('It opens with the recovery key or a passphrase valid at this moment.');
    },
  },
  {
    path: ['restore'],
    usage: 'restore FILE --vault DIR [--user NAME]',
    summary:
      'Restore a backup into a NEW vault folder DIR, with the recovery key (NAW_DESK_RECOVERY_KEY or a prompt) or the passphrase of --user.',
    signIn: false,
    positionals: [1, 1],
    async run(args, io) {
      if (typeof args.flags.vault !== 'string') {
        throw new UsageError(
          'restore needs --vault DIR: a new, empty folder for the restored vault.',
        );
      }
      const userName = str(args.flags.user);
      const from = { kind: 'path' as const, path: resolve(args.positionals[0]!) };
      const r = userName
        ? await io.call('ops.restore', {
            from,
            userName,
            passphrase: await io.secret('NAW_DESK_PASSPHRASE', `Passphrase for ${userName}: `),
          })
        : await io.call('ops.restore', {
            from,
            recoveryKey: await io.secret('NAW_DESK_RECOVERY_KEY', 'Recovery key: '),
          });
      if (io.json) return io.print(JSON.stringify({ vault: io.vaultDir, ...r }));
      io.print(`Restored ${r.orgName}${r.demo ? ' (DEMO)' : ''} into ${io.vaultDir}:`);
      io.print(`  backup of ${r.backupCreatedAt}, schema version ${r.schemaVersion}`);
      io.print(`  audit chain intact (${r.auditEvents} events in the backup)`);
      io.print('Sign in with a passphrase that was valid when the backup was made.');
    },
  },
  {
    path: ['purge'],
    usage: 'purge [--dry-run]',
    summary:
      'Delete what is past its retention period (closed requests, former customers), leaving a tombstone in the audit log; --dry-run only shows what would go.',
    signIn: true,
    flags: { 'dry-run': 'boolean' },
    async run(args, io) {
      const preview = await io.call('ops.purgePreview', {});
      if (args.flags['dry-run']) {
        if (io.json) return io.print(JSON.stringify(preview));
        printPreview(io, preview);
        io.print(
          preview.total === 0
            ? 'Nothing is due.'
            : `${preview.total} records would be purged (dry run: nothing was deleted).`,
        );
        return;
      }
      const expect = Object.fromEntries(
        preview.categories.filter((c) => c.available).map((c) => [c.category, c.count]),
      );
      const r = await io.call('ops.purge', { expect });
      if (io.json) return io.print(JSON.stringify(r));
      printPreview(io, preview);
      if (r.total === 0) io.print('Nothing was due; nothing was deleted.');
      else {
        for (const p of r.purged) io.print(`Purged ${p.count} ${p.category} (${p.rows} rows).`);
        io.print(`Vacuumed: ${r.vacuumed ? 'yes' : 'no'}. Audit head #${r.auditHead.seq}.`);
      }
    },
  },
  {
    path: ['demo'],
    usage: 'demo [--vault DIR]',
    summary: `Create a demo vault with synthetic data (default folder ./${DEFAULT_DEMO_DIR}); prints how to open it.`,
    signIn: false,
    flags: { years: 'string' },
    async run(args, io) {
      const years = str(args.flags.years) ? Number(args.flags.years) : 3;
      if (!Number.isInteger(years) || years < 1 || years > 10)
        throw new UsageError('--years takes a whole number from 1 to 10.');
      // `npm run demo` passes no --vault: use ./demo-vault, never the real vault of the app.
      const dir = typeof args.flags.vault === 'string' ? io.vaultDir : resolve(DEFAULT_DEMO_DIR);
      let r;
      if (dir === io.vaultDir) r = await io.call('ops.createDemo', { years });
      else {
        const session = new DeskSession({ vaultDir: dir, seedDemo: createDemoVault });
        try {
          const res = await dispatch(session, 'ops.createDemo', { years });
          if (!res.ok) throw new CliFailure(`${res.message} [${res.code}]`);
          r = res.data as Awaited<ReturnType<typeof io.call<'ops.createDemo'>>>;
        } finally {
          if (session.vault) session.lock('manual');
        }
      }
      if (io.json) return io.print(JSON.stringify({ vault: dir, ...r }));
      io.print(`DEMO vault created in ${dir} for "${r.orgName}" (synthetic data only).`);
      for (const [k, v] of Object.entries(r.counts)) io.print(`  ${k}: ${v}`);
      io.print('');
      io.print(`Users (all with passphrase "${r.passphrase}"):`);
      for (const u of r.users) io.print(`  ${u.name} (${u.role})`);
      io.print(`Recovery key: ${r.recoveryKey}`);
      io.print('');
      io.print('Open it:');
      io.print(`  app:      NAW_DESK_VAULT=${dir} npm start`);
      io.print(`  browser:  npm run preview -- --vault ${dir}`);
      io.print(
        `  CLI:      NAW_DESK_PASSPHRASE='${r.passphrase}' npx naw-desk status --vault ${dir} --user ${r.users[0]?.name ?? 'demo-admin'}`,
      );
    },
  },
];
