import { readFileSync } from 'node:fs';
import type { OutputOf } from '../../../shared/contract';
import { REQUEST_STATUSES, type RequestStatus } from '../../../shared/schemas/terms';
import type { ItemView } from '../../../shared/schemas/requests';
import { CliFailure, UsageError, type CliArgs, type CliCommand } from '../command';
import { textTable } from '../text-table';
import { holdLine } from './request-hold';

/** An item's moment, or its period, as given and as resolved to UTC. */
const when = (i: ItemView) =>
  i.period
    ? `from ${i.moment} to ${i.period.to} ${i.timeZone} → [${i.utc ?? i.timeStatus}, ${i.period.toUtc ?? i.period.toTimeStatus})`
    : `at ${i.moment} ${i.timeZone} → ${i.utc ?? i.timeStatus}`;

const str = (args: CliArgs, k: string) =>
  typeof args.flags[k] === 'string' ? (args.flags[k] as string) : undefined;

const no = (args: CliArgs) => args.positionals[0]!;

function readRequestFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CliFailure(`Cannot read ${path}; check the path.`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new CliFailure(
      `${path} is not valid JSON (${(e as Error).message}). See docs/REQUEST-JSON.md.`,
    );
  }
}

type Detail = OutputOf<'requests.get'>;

function printDetail(print: (t: string) => void, r: Detail): void {
  print(`${r.registerNo}  ${r.status}  ${r.urgency}  deadline ${r.deadline} (${r.deadlineState})`);
  print(
    `  received ${r.receivedAt} by ${r.channel}${r.oral ? ` (oral; written confirmation due ${r.writtenConfirmationDue})` : ''}`,
  );
  print(
    `  authority ${r.authorityName} [${r.authorityCode}]${r.authority.legacy ? ' (LEGACY NAME)' : ''}`,
  );
  print(
    `  requester ${r.requester.name}, ${r.requester.function}${r.requester.badge ? `, ${r.requester.badge}` : ''}`,
  );
  print(
    `  basis ${r.legalBasis.article} [${r.legalBasisCode}] (${r.legalBasis.action}); case ${r.caseReference ?? '-'}`,
  );
  print(`  categories ${r.categories.join(', ')}`);
  print(
    `  verified ${r.verification ? `${r.verification.method}${r.verification.channel ? ` on ${r.verification.channel}` : ''} by ${r.verification.by} at ${r.verification.at}` : 'NO'}`,
  );
  for (const i of r.items) {
    const m = r.matches.find((x) => x.index === i.index);
    print(
      `  item ${i.index}: ${i.kind} ${i.value}${i.port !== null ? ` port ${i.port}` : ''} ${when(i)}${m ? `  [${m.status}]` : ''}`,
    );
    for (const s of m?.subscribers ?? []) {
      print(
        `      ${s.customerId}: ${s.name}, ${[s.street, s.houseNumber, s.houseNumberAddition].filter(Boolean).join(' ')}, ${s.postcode ?? ''} ${s.city ?? ''} ${s.country ?? ''}`,
      );
    }
  }
  if (r.check) {
    print(`  checks: ${r.check.outcome}`);
    for (const f of r.check.failures) print(`    FAIL ${f.code}: ${f.message}`);
    for (const w of r.check.warnings) print(`    warn ${w.code}: ${w.message}`);
  }
  for (const d of r.decisions) {
    print(
      `  decision ${d.outcome} by ${d.decidedBy} at ${d.decidedAt} (${d.state})${d.items.length ? ` items ${d.items.join(',')}` : ''}${d.categories.length ? ` categories ${d.categories.join(',')}` : ''}${d.reasons.length ? ` reasons: ${d.reasons.join(' | ')}` : ''}`,
    );
  }
  for (const a of r.approvals) {
    print(
      `  ${a.approved ? 'approved' : 'rejected'} by ${a.by} at ${a.at}${a.onePerson ? ' (ONE-PERSON DESK)' : ''}`,
    );
  }
  if (r.hold) print(`  ${holdLine(r.hold)}`);
  for (const a of r.amendments)
    print(`  amendment ${a.field} = ${a.value} by ${a.by} at ${a.at}: ${a.reason}`);
  print('  timeline:');
  for (const e of r.events) print(`    ${e.at}  ${e.user}  ${e.kind}`);
}

export const requestsCommands: CliCommand[] = [
  {
    path: ['request', 'new'],
    usage: 'request new FILE.json',
    summary:
      'Log a request from a request JSON file (docs/REQUEST-JSON.md); prints its register number.',
    signIn: true,
    positionals: [1, 1],
    async run(args, io) {
      const input = readRequestFile(args.positionals[0]!);
      const r = await io.call('requests.create', input as never);
      io.print(
        io.json ? JSON.stringify({ registerNo: r.registerNo }) : `Logged as ${r.registerNo}.`,
      );
    },
  },
  {
    path: ['request', 'list'],
    usage: 'request list [--year Y] [--status S] [--search TEXT] [--open]',
    summary: 'The register, newest first (--open: open requests by deadline).',
    signIn: true,
    flags: { year: 'string', status: 'string', search: 'string', open: 'boolean' },
    async run(args, io) {
      const year = str(args, 'year');
      if (year !== undefined && !/^\d{4}$/.test(year))
        throw new UsageError('--year takes a year, e.g. 2026.');
      const status = str(args, 'status');
      if (status !== undefined && !(REQUEST_STATUSES as readonly string[]).includes(status)) {
        throw new UsageError(`--status is one of ${REQUEST_STATUSES.join(', ')}.`);
      }
      const search = str(args, 'search');
      const list = await io.call('requests.list', {
        ...(year ? { year: Number(year) } : {}),
        ...(status ? { status: status as RequestStatus } : {}),
        ...(search ? { search } : {}),
        ...(args.flags.open ? { openOnly: true } : {}),
      });
      if (io.json) return io.print(JSON.stringify(list));
      io.print(
        textTable([
          ['NO', 'STATUS', 'URGENCY', 'DEADLINE', '', 'AUTHORITY', 'BASIS', 'CASE'],
          ...list.map((r) => [
            r.registerNo,
            r.status,
            r.urgency,
            r.deadline.slice(0, 16).replace('T', ' '),
            r.deadlineState === 'overdue'
              ? 'OVERDUE'
              : r.deadlineState === 'due_soon'
                ? '<24h'
                : '',
            r.authorityCode,
            r.legalBasisCode,
            r.caseReference ?? '',
          ]),
        ]),
      );
      io.print(`(${list.length})`);
    },
  },
  {
    path: ['request', 'show'],
    usage: 'request show NO',
    summary:
      'A request with its items, checks, matches, decisions and timeline (viewing NAW data is audited).',
    signIn: true,
    positionals: [1, 1],
    async run(args, io) {
      const r = await io.call('requests.get', { registerNo: no(args) });
      if (io.json) io.print(JSON.stringify(r));
      else printDetail(io.print, r);
    },
  },
  {
    path: ['request', 'check'],
    usage: 'request check NO',
    summary: 'Run the checks (basis, categories, issuer, required fields, verification).',
    signIn: true,
    positionals: [1, 1],
    async run(args, io) {
      const c = await io.call('requests.check', { registerNo: no(args) });
      if (io.json) return io.print(JSON.stringify(c));
      io.print(`Checks: ${c.outcome}`);
      for (const f of c.failures) io.print(`  FAIL ${f.code}: ${f.message}`);
      for (const w of c.warnings) io.print(`  warn ${w.code}: ${w.message}`);
    },
  },
  {
    path: ['request', 'verify'],
    usage:
      'request verify NO --method callback|known_portal|signed_document --by NAME --at TIME [--channel CATALOGUE-CHANNEL] [--note TEXT]',
    summary: 'Record how the requester was verified (then the checks run again).',
    signIn: true,
    positionals: [1, 1],
    flags: { method: 'string', by: 'string', at: 'string', channel: 'string', note: 'string' },
    async run(args, io) {
      const [method, by, at, note, channel] = ['method', 'by', 'at', 'note', 'channel'].map((k) =>
        str(args, k),
      );
      if (!method || !by || !at)
        throw new UsageError('request verify needs --method, --by and --at.');
      const r = await io.call('requests.verify', {
        registerNo: no(args),
        verification: {
          method: method as 'callback',
          by,
          at,
          ...(note ? { note } : {}),
          ...(channel ? { channel } : {}),
        },
      });
      io.print(
        io.json
          ? JSON.stringify({ registerNo: r.registerNo, check: r.check })
          : `Verified; checks: ${r.check?.outcome}.`,
      );
    },
  },
  {
    path: ['request', 'resolve-time'],
    usage: 'request resolve-time NO --item N --offset +01:00 [--end from|to]',
    summary:
      'Choose the offset of an item whose local time occurred twice (autumn clock change); for a period, of its start (--end from, the default) or its end (--end to).',
    signIn: true,
    positionals: [1, 1],
    flags: { item: 'string', offset: 'string', end: 'string' },
    async run(args, io) {
      const item = Number(str(args, 'item'));
      const offset = str(args, 'offset');
      const end = str(args, 'end');
      if (!Number.isInteger(item) || item < 1 || !offset) {
        throw new UsageError('request resolve-time needs --item N and --offset, e.g. +01:00.');
      }
      if (end !== undefined && end !== 'from' && end !== 'to') {
        throw new UsageError('--end is from (the start of the period) or to (its end).');
      }
      await io.call('requests.resolveTime', {
        registerNo: no(args),
        index: item,
        offset,
        ...(end ? { end } : {}),
      });
      io.print(io.json ? JSON.stringify({ done: true }) : `Item ${item} is at offset ${offset}.`);
    },
  },
  {
    path: ['request', 'match'],
    usage: 'request match NO',
    summary:
      'Match every item against the assignment history at its moment or over its period (audited).',
    signIn: true,
    positionals: [1, 1],
    async run(args, io) {
      const m = await io.call('requests.match', { registerNo: no(args) });
      if (io.json) return io.print(JSON.stringify({ items: m.items }));
      for (const i of m.items) {
        io.print(`item ${i.index}: ${i.status} — ${i.reason}`);
        for (const s of i.subscribers) {
          if (s.interval) io.print(`    [${s.interval.from}, ${s.interval.to}):`);
          io.print(
            `    ${s.customerId}: ${s.name}, ${[s.street, s.houseNumber, s.houseNumberAddition].filter(Boolean).join(' ')}, ${s.postcode ?? ''} ${s.city ?? ''} ${s.country ?? ''}`,
          );
          if (s.current)
            io.print(
              `      today: ${s.current.street ?? ''} ${s.current.houseNumber ?? ''}, ${s.current.city ?? ''}`,
            );
        }
        for (const e of i.evidence) {
          io.print(
            `    evidence ${e.table}#${e.id} ${e.identifier} [${e.validFrom}, ${e.validTo ?? 'open'}) from ${e.importFile ?? '?'}`,
          );
        }
      }
    },
  },
  {
    path: ['request', 'decide'],
    usage:
      'request decide NO --disclose CATEGORIES [--items 1,2] | --no-data | --refuse REASON | --refer [REASON]',
    summary:
      'Decide: a disclosure waits for approval by a different approver; the others take effect at once.',
    signIn: true,
    positionals: [1, 1],
    flags: {
      disclose: 'string',
      items: 'string',
      'no-data': 'boolean',
      refuse: 'string',
      refer: 'boolean',
      reason: 'string',
      note: 'string',
    },
    async run(args, io) {
      const chosen = [
        args.flags.disclose !== undefined,
        args.flags['no-data'] === true,
        args.flags.refuse !== undefined,
        args.flags.refer === true,
      ].filter(Boolean).length;
      if (chosen !== 1)
        throw new UsageError('Give exactly one of --disclose, --no-data, --refuse, --refer.');
      const registerNo = no(args);
      const note = str(args, 'note');
      const common = { registerNo, ...(note ? { note } : {}) };
      let r: Detail;
      if (args.flags.disclose !== undefined) {
        const itemsText = str(args, 'items');
        const items = itemsText?.split(',').map((x) => Number(x.trim()));
        if (items?.some((i) => !Number.isInteger(i) || i < 1))
          throw new UsageError('--items takes item numbers, e.g. 1,2.');
        r = await io.call('requests.decide', {
          ...common,
          outcome: 'disclose',
          categories: str(args, 'disclose')!,
          ...(items ? { items } : {}),
        });
      } else if (args.flags['no-data']) {
        r = await io.call('requests.decide', { ...common, outcome: 'no_data' });
      } else if (args.flags.refuse !== undefined) {
        r = await io.call('requests.decide', {
          ...common,
          outcome: 'refuse',
          reasons: [str(args, 'refuse')!],
        });
      } else {
        const reason = str(args, 'reason');
        r = await io.call('requests.decide', {
          ...common,
          outcome: 'referred',
          ...(reason ? { reasons: [reason] } : {}),
        });
      }
      const d = r.decisions.at(-1)!;
      if (io.json) io.print(JSON.stringify({ registerNo, status: r.status, decision: d }));
      else
        io.print(
          `${registerNo}: ${d.outcome} → ${r.status}${r.status === 'awaiting_approval' ? ' (a different approver must approve)' : ''}.`,
        );
    },
  },
  {
    path: ['request', 'approve'],
    usage: 'request approve NO [--reject] [--note TEXT]',
    summary:
      'Approve (or reject) the pending disclosure, as a different user with the approver role.',
    signIn: true,
    positionals: [1, 1],
    flags: { reject: 'boolean', note: 'string' },
    async run(args, io) {
      const note = str(args, 'note');
      const r = await io.call('requests.approve', {
        registerNo: no(args),
        approve: args.flags.reject !== true,
        ...(note ? { note } : {}),
      });
      const a = r.approvals.at(-1)!;
      if (io.json)
        io.print(JSON.stringify({ registerNo: r.registerNo, status: r.status, approval: a }));
      else
        io.print(
          `${r.registerNo}: ${a.approved ? 'approved' : 'rejected'} → ${r.status}${a.onePerson ? ' (one-person desk)' : ''}.`,
        );
    },
  },
];
