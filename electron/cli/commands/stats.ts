import type { CliCommand } from '../command';

/** CLI commands of the stats domain. */
export const statsCommands: CliCommand[] = [];
