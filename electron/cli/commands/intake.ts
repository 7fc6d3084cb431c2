import type { OutputOf } from '../../../shared/contract';
import type { CliCommand } from '../command';

type Draft = OutputOf<'intake.extract'>;

const where = (s: Draft['extraction']['fields'][string] | undefined): string => {
  if (!s) return '';
  const at =
    s.page !== undefined ? `p${s.page} "${(s.text ?? '').replace(/\s+/g, ' ').slice(0, 60)}"` : '';
  return `  (${[s.reason, at].filter(Boolean).join(': ')})`;
};

const params = (p: Record<string, string | number>) =>
  Object.entries(p)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');

/** The draft for a person: each field with where it came from, the items, the warning codes. */
function printDraft(print: (t: string) => void, d: Draft): void {
  const f = d.extraction.fields;
  const doc = d.extraction.document;
  print(
    `${doc.kind}, ${doc.pages} page(s)${doc.documentDate ? `, dated ${doc.documentDate}` : ''}`,
  );
  const line = (label: string, value: string | undefined, path: string) =>
    print(`  ${label.padEnd(19)} ${value ?? '-'}${where(f[path])}`);
  line('authority', d.authority, 'authority');
  for (const k of ['name', 'function', 'badge', 'email', 'phone'] as const) {
    line(`requester.${k}`, d.requester?.[k], `requester.${k}`);
  }
  line('legalBasis', d.legalBasis, 'legalBasis');
  line('caseReference', d.caseReference, 'caseReference');
  line('receivedAt', d.receivedAt, 'receivedAt');
  line('channel', d.channel, 'channel');
  line('urgency', d.urgency, 'urgency');
  line('deadline', d.deadline, 'deadline');
  line('categories', d.categories?.join(', '), 'categories');
  print(`  items (${d.items.length}):`);
  d.items.forEach((i, n) => {
    print(
      `    ${n + 1}. ${i.kind} ${i.value}${i.port !== undefined ? ` port ${i.port}` : ''} at ${i.moment ?? '-'}${i.timeZone ? ` ${i.timeZone}` : ''}${where(f[`items.${n}.value`])}`,
    );
  });
  if (d.extraction.ignored.length) {
    print(`  not offered (${d.extraction.ignored.length}):`);
    for (const x of d.extraction.ignored)
      print(`    ${x.kind} "${x.text}" p${x.page}: ${x.reason}`);
  }
  if (d.warnings.length) {
    print('  warnings:');
    for (const w of d.warnings)
      print(`    ${w.code}${Object.keys(w.params).length ? ` ${params(w.params)}` : ''}`);
  }
}

export const intakeCommands: CliCommand[] = [
  {
    path: ['request', 'extract'],
    usage: 'request extract FILE [--json]',
    summary:
      'Read a request document (.eml, .msg, PDF, text or request JSON) into a draft request; --json prints exactly the JSON `request new` accepts, plus the extraction block and warnings (docs/INTAKE.md). Nothing is stored.',
    signIn: true,
    positionals: [1, 1],
    async run(args, io) {
      const draft = await io.call('intake.extract', { file: io.localFile(args.positionals[0]!) });
      if (io.json) io.print(JSON.stringify(draft, null, 2));
      else printDraft(io.print, draft);
    },
  },
];
