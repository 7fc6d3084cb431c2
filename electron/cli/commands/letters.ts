import type { CliCommand } from '../command';

/** CLI commands of the letters domain. */
export const lettersCommands: CliCommand[] = [];
