import type { Channel, InputOf, OutputOf } from '../../shared/contract';

/** Thrown for bad usage (exit 2) — unknown flag, missing argument. */
export class UsageError extends Error {}
/** Thrown when an operation is refused or fails (exit 1); the message goes to stderr. */
export class CliFailure extends Error {}
/** Exit 1 without a further message (the command already printed why). */
export class SilentFailure extends Error {}

export interface CliArgs {
  positionals: string[];
  flags: Record<string, string | boolean | undefined>;
}

export interface CliIo {
  /** Calls a channel of the handler table; throws CliFailure with the reason when it is refused. */
  call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
  /** Prints a line (or pretty JSON with --json). */
  print(text: string): void;
  json: boolean;
  env: NodeJS.ProcessEnv;
  /** Reads a secret from an environment variable or a hidden TTY prompt; never from a flag. */
  secret(envName: string, prompt: string): Promise<string>;
  /**
   * Registers a file named on the command line in the session's file registry and returns its
   * token, for channels that take a picked file; CliFailure when it cannot be read.
   */
  localFile(path: string): string;
  vaultDir: string;
}

export interface CliCommand {
  /** Words that name the command, e.g. ['user', 'add']. */
  path: string[];
  usage: string;
  summary: string;
  /** Sign in (with --user and a passphrase) before running. */
  signIn: boolean;
  /** Flags this command accepts (besides the global ones): name → kind. */
  flags?: Record<string, 'string' | 'boolean'>;
  /** Number of positional arguments after the command words: [min, max]. */
  positionals?: [number, number];
  run(args: CliArgs, io: CliIo): Promise<void>;
}
