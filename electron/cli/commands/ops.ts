import type { CliCommand } from '../command';

/** CLI commands of the ops domain. */
export const opsCommands: CliCommand[] = [];
