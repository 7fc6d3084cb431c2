import type { OutputOf } from '../../../shared/contract';
import { UsageError, type CliArgs, type CliCommand } from '../command';

const str = (args: CliArgs, k: string) =>
  typeof args.flags[k] === 'string' ? (args.flags[k] as string) : undefined;

type Hold = NonNullable<OutputOf<'requests.get'>['hold']>;

/** One line on a hold: its state, until when, and what it keeps (counts, never NAW data). */
export const holdLine = (h: Hold): string =>
  `hold ${h.state}${h.state === 'converted' ? ` until production ${h.productionRegisterNo}` : ` until ${h.until}`}${h.daysLeft !== null ? ` (${h.daysLeft} days left)` : ''}: ${h.held.numberAssignments} number and ${h.held.ipAssignments} IP assignments, ${h.held.customerVersions} NAW versions of ${h.held.customers} customers`;

export const requestHoldCommands: CliCommand[] = [
  {
    path: ['request', 'hold'],
    usage: 'request hold NO extend|convert --production NO|release --reason TEXT [--note TEXT]',
    summary:
      "A preservation order's hold: extend it once (Annex VI), keep it until the production request NO is decided (convert, Annex V), or release it; audited.",
    signIn: true,
    positionals: [2, 2],
    flags: { production: 'string', reason: 'string', note: 'string' },
    async run(args, io) {
      const [registerNo, action] = args.positionals as [string, string];
      const note = str(args, 'note');
      let r: OutputOf<'requests.get'>;
      if (action === 'extend') {
        r = await io.call('requests.extendHold', { registerNo, ...(note ? { note } : {}) });
      } else if (action === 'convert') {
        const production = str(args, 'production');
        if (!production) {
          throw new UsageError(
            'request hold NO convert needs --production NO (the production request).',
          );
        }
        r = await io.call('requests.convertHold', {
          registerNo,
          production,
          ...(note ? { note } : {}),
        });
      } else if (action === 'release') {
        const reason = str(args, 'reason');
        if (!reason) throw new UsageError('request hold NO release needs --reason TEXT.');
        r = await io.call('requests.releaseHold', { registerNo, reason });
      } else {
        throw new UsageError(
          'request hold takes extend, convert --production NO or release --reason TEXT.',
        );
      }
      io.print(
        io.json
          ? JSON.stringify({ registerNo, hold: r.hold })
          : `${registerNo}: ${holdLine(r.hold!)}.`,
      );
    },
  },
];
