import { accessSync, constants } from 'node:fs';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { resolve } from 'node:path';
import type { Channel, InputOf, OutputOf } from '../shared/contract';
import { DeskSession } from './core/session';
import { createDemoVault } from './demo/seed';
import { dispatch } from './api/table';
import {
  CliFailure,
  SilentFailure,
  UsageError,
  type CliArgs,
  type CliCommand,
  type CliIo,
} from './cli/command';
import { auditCommands } from './cli/commands/audit';
import { catalogueCommands } from './cli/commands/catalogue';
import { customersCommands } from './cli/commands/customers';
import { hi1Commands } from './cli/commands/hi1';
import { intakeCommands } from './cli/commands/intake';
import { lettersCommands } from './cli/commands/letters';
import { opsCommands } from './cli/commands/ops';
import { requestAmendCommands } from './cli/commands/request-amend';
import { requestHoldCommands } from './cli/commands/request-hold';
import { requestsCommands } from './cli/commands/requests';
import { statsCommands } from './cli/commands/stats';
import { vaultCommands } from './cli/commands/vault';
import { defaultVaultDir } from './vault/location';

/**
 * The command-line transport: `naw-desk <command> [--vault DIR] [--user NAME] [--json]`.
 * Every command calls the same handler table as the app. Exit 0 ok, 1 refused/failed, 2 bad usage.
 */
export const COMMANDS: CliCommand[] = [
  ...vaultCommands,
  ...auditCommands,
  ...customersCommands,
  ...requestsCommands,
  ...requestAmendCommands,
  ...requestHoldCommands,
  ...intakeCommands,
  ...lettersCommands,
  ...statsCommands,
  ...opsCommands,
  ...catalogueCommands,
  ...hi1Commands,
];

const GLOBAL_FLAGS: Record<string, 'string' | 'boolean'> = {
  vault: 'string',
  user: 'string',
  json: 'boolean',
  help: 'boolean',
};

export interface CliEnvironment {
  env?: NodeJS.ProcessEnv;
  out?: (text: string) => void;
  err?: (text: string) => void;
  /** Overrides for tests (clock, KDF cost). */
  session?: Partial<ConstructorParameters<typeof DeskSession>[0]>;
}

function helpText(): string {
  const lines = [
    'Usage: naw-desk <command> [options]',
    '',
    'Global options: --vault DIR (default: the app data folder or NAW_DESK_VAULT), --user NAME',
    '(or NAW_DESK_USER), --json. Passphrases come from NAW_DESK_PASSPHRASE or a prompt, never a flag.',
    '',
    'Commands:',
  ];
  for (const c of COMMANDS) lines.push(`  ${c.usage}`, `      ${c.summary}`);
  return lines.join('\n');
}

function findCommand(argv: string[]): { command: CliCommand; rest: string[] } | null {
  const words = argv.filter((a) => !a.startsWith('-'));
  let best: CliCommand | null = null;
  for (const c of COMMANDS) {
    if (c.path.every((w, i) => words[i] === w) && (!best || c.path.length > best.path.length))
      best = c;
  }
  if (!best) return null;
  const rest = [...argv];
  for (const w of best.path) rest.splice(rest.indexOf(w), 1);
  return { command: best, rest };
}

export function parseArgs(argv: string[], spec: Record<string, 'string' | 'boolean'>): CliArgs {
  const flags: CliArgs['flags'] = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    const kind = spec[name];
    if (!kind) throw new UsageError(`Unknown option --${name}.`);
    if (kind === 'boolean') {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value.`);
      flags[name] = true;
    } else {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) {
        throw new UsageError(`--${name} needs a value.`);
      }
      flags[name] = value;
    }
  }
  return { positionals, flags };
}

async function promptHidden(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new UsageError(
      `${prompt.trim()} No terminal to ask on: set the environment variable instead.`,
    );
  }
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, cb) {
      if (!muted) process.stderr.write(chunk);
      cb();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  process.stderr.write(prompt);
  muted = true;
  const answer = await new Promise<string>((res) => rl.question('', res));
  rl.close();
  process.stderr.write('\n');
  return answer;
}

export async function runCli(argv: string[], environment: CliEnvironment = {}): Promise<number> {
  const env = environment.env ?? process.env;
  const out = environment.out ?? ((t: string) => process.stdout.write(t + '\n'));
  const errOut = environment.err ?? ((t: string) => process.stderr.write(t + '\n'));
  let session: DeskSession | null = null;
  try {
    if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help') {
      out(helpText());
      return argv.length === 0 ? 2 : 0;
    }
    const found = findCommand(argv);
    if (!found) throw new UsageError(`Unknown command: ${argv.join(' ')}. Run naw-desk help.`);
    const { command, rest } = found;
    const args = parseArgs(rest, { ...GLOBAL_FLAGS, ...command.flags });
    if (args.flags.help) {
      out(`Usage: naw-desk ${command.usage}\n${command.summary}`);
      return 0;
    }
    const [min, max] = command.positionals ?? [0, 0];
    if (args.positionals.length < min || args.positionals.length > max) {
      throw new UsageError(`Usage: naw-desk ${command.usage}`);
    }
    const vaultDir = resolve(
      typeof args.flags.vault === 'string' ? args.flags.vault : defaultVaultDir(env),
    );
    session = new DeskSession({
      vaultDir,
      seedDemo: createDemoVault,
      checkAfterUnlock: false,
      ...environment.session,
    });
    const s = session;
    const io: CliIo = {
      json: args.flags.json === true,
      env,
      vaultDir,
      print: out,
      async call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
        const r = await dispatch(s, channel, input);
        if (!r.ok) throw new CliFailure(`${r.message} [${r.code}]`);
        return r.data as OutputOf<C>;
      },
      async secret(envName, prompt) {
        const v = env[envName];
        if (v !== undefined && v !== '') return v;
        return promptHidden(prompt);
      },
      localFile(path) {
        const absolute = resolve(path);
        try {
          accessSync(absolute, constants.R_OK);
          return s.files.register(absolute).token;
        } catch {
          throw new CliFailure(`Cannot read ${path}: no such file, or no permission.`);
        }
      },
    };
    if (command.signIn) {
      const userName =
        (typeof args.flags.user === 'string' ? args.flags.user : undefined) ?? env.NAW_DESK_USER;
      if (!userName) throw new UsageError('Say who you are: --user NAME or NAW_DESK_USER.');
      const passphrase = await io.secret('NAW_DESK_PASSPHRASE', `Passphrase for ${userName}: `);
      await io.call('vault.unlock', { userName, passphrase });
    }
    await command.run(args, io);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      errOut(`naw-desk: ${e.message}`);
      return 2;
    }
    if (e instanceof SilentFailure) return 1;
    if (e instanceof CliFailure) {
      errOut(`naw-desk: ${e.message}`);
      return 1;
    }
    errOut(`naw-desk: unexpected ${(e as Error)?.name ?? 'error'}; nothing was half-written.`);
    return 1;
  } finally {
    if (session?.vault) session.lock('manual');
  }
}
