import type { CliCommand } from '../command';

/** CLI commands of the customers domain. */
export const customersCommands: CliCommand[] = [];
