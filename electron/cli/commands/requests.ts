import type { CliCommand } from '../command';

/** CLI commands of the requests domain. */
export const requestsCommands: CliCommand[] = [];
