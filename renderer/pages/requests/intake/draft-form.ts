import type { Draft } from '../../../../shared/schemas/intake';
import type { IntakeRecord } from '../../../../shared/schemas/requests';
import {
  CategoryList,
  IssuerFunction,
  RequestChannel,
  Urgency,
} from '../../../../shared/schemas/terms';
import { DEFAULT_TIME_ZONE } from '../../../../shared/moment';
import { initialDraft, newItem, type ItemDraft, type RequestDraft } from '../draft/request-draft';
import { epocFromDraft } from '../draft/epoc-draft';

/**
 * A draft read from a document, as the logging form: every value the document gave filled in,
 * the rest as a new request starts. Nothing is invented here either: a field the draft lacks
 * stays empty (required ones are then asked for) or keeps the form's ordinary default.
 */

/** What the form was filled from: a picked or uploaded file, or pasted text (by its hash). */
export type IntakeSource = { file: { token: string; name: string } } | { textSha256: string };

const MOMENT_OFFSET = /^(.*?\d)(Z|[+-]\d{2}:?\d{2})$/i;

/** A moment as the form holds it: local date-time and its zone; `Z` and `+02:00` become the zone. */
export function splitMoment(
  moment: string | undefined,
  timeZone: string | undefined,
): { moment: string; timeZone: string } {
  if (!moment) return { moment: '', timeZone: timeZone ?? DEFAULT_TIME_ZONE };
  const m = MOMENT_OFFSET.exec(moment.trim());
  if (!m)
    return { moment: moment.trim().replace(' ', 'T'), timeZone: timeZone ?? DEFAULT_TIME_ZONE };
  const offset =
    m[2]!.toUpperCase() === 'Z' ? 'UTC' : m[2]!.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  return { moment: m[1]!.replace(' ', 'T'), timeZone: offset };
}

/** A period read from the document: both ends in the item's zone (an offset on each end, or none). */
function periodOf(
  p: { from: string; to: string },
  timeZone: string | undefined,
): Pick<ItemDraft, 'moment' | 'timing' | 'periodTo' | 'timeZone'> {
  const from = splitMoment(p.from, timeZone);
  const to = splitMoment(p.to, timeZone);
  return { timing: 'period', moment: from.moment, periodTo: to.moment, timeZone: from.timeZone };
}

const AMSTERDAM = new Intl.DateTimeFormat('sv-SE', {
  timeZone: DEFAULT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * A moment of the request itself (received, deadline) for a datetime-local input: a local time
 * as it is, one with an offset as the wall-clock time in Europe/Amsterdam (how the register
 * reads a time without offset). Seconds only when there are any.
 */
export function localInput(value: string | undefined): string {
  if (!value) return '';
  const text = value.trim();
  const local = MOMENT_OFFSET.exec(text)
    ? AMSTERDAM.format(new Date(text)).replace(' ', 'T')
    : text;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(local)) return '';
  return local.replace(/^(.{16}):00(?:\.0+)?$/, '$1');
}

const parsed = <T>(
  schema: { safeParse(v: unknown): { success: boolean; data?: T } },
  v: unknown,
) => {
  if (v === undefined) return undefined;
  const r = schema.safeParse(v);
  return r.success ? r.data : undefined;
};

/** What names an authority or a legal basis in the catalogue (request JSON may give either). */
export interface CatalogueNames {
  authorities: { code: string; name: string }[];
  bases: { code: string; article: string }[];
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A request JSON's authority or basis as its catalogue code, where the catalogue knows it. */
function catalogueCodes(d: Draft, catalogue: CatalogueNames | null) {
  const a = d.authority?.trim().toLowerCase();
  const b = d.legalBasis?.trim();
  const authority =
    a === undefined
      ? undefined
      : (catalogue?.authorities.find((x) => x.code === a || x.name.toLowerCase() === a)?.code ??
        (catalogue ? '' : d.authority));
  const basis =
    b === undefined
      ? undefined
      : (catalogue?.bases.find((x) => x.code === b.toLowerCase() || squash(x.article) === squash(b))
          ?.code ?? b);
  return { authority, basis };
}

/**
 * The form filled from the draft; `source` is the file it was read from, or the pasted text. An
 * authority the catalogue does not hold is left for the officer to choose.
 */
export function formFromDraft(
  d: Draft,
  userName: string,
  source: IntakeSource,
  catalogue: CatalogueNames | null = null,
): RequestDraft {
  const start = initialDraft(userName);
  const codes = catalogueCodes(d, catalogue);
  const r = d.requester ?? {};
  const items: ItemDraft[] = d.items.map((it, i) => ({
    ...newItem(),
    kind: it.kind,
    value: it.value,
    port: it.port === undefined ? '' : String(it.port),
    ...(it.period ? periodOf(it.period, it.timeZone) : splitMoment(it.moment, it.timeZone)),
    from: i,
    confirmed: false,
  }));
  return {
    ...start,
    authority: codes.authority ?? '',
    basis: codes.basis ?? start.basis,
    caseReference: d.caseReference ?? '',
    receivedAt: localInput(d.receivedAt),
    channel: parsed(RequestChannel, d.channel) ?? start.channel,
    urgency: parsed(Urgency, d.urgency) ?? start.urgency,
    deadline: localInput(d.deadline),
    categories: parsed(CategoryList, d.categories) ?? [],
    requester: {
      name: r.name ?? '',
      function: parsed(IssuerFunction, r.function) ?? start.requester.function,
      badge: r.badge ?? '',
      email: r.email ?? '',
      phone: r.phone ?? '',
    },
    items: items.length ? items : [newItem()],
    document: 'file' in source ? source.file : null,
    epoc: epocFromDraft(d.epoc),
  };
}

/** The request's fields by their path in the request JSON, as the form holds them. */
function fieldValues(d: RequestDraft): Map<string, string> {
  const m = new Map<string, string>([
    ['authority', d.authority],
    ['legalBasis', d.basis],
    ['caseReference', d.caseReference.trim()],
    ['receivedAt', d.receivedAt],
    ['channel', d.channel],
    ['urgency', d.urgency],
    ['deadline', d.deadline],
    ['categories', [...d.categories].sort().join(',')],
    ['requester.name', d.requester.name.trim()],
    ['requester.function', d.requester.function],
    ['requester.badge', d.requester.badge.trim()],
    ['requester.email', d.requester.email.trim()],
    ['requester.phone', d.requester.phone.trim()],
  ]);
  return m;
}

const ITEM_FIELDS = ['kind', 'value', 'port', 'moment', 'timeZone', 'timing', 'periodTo'] as const;
const itemValue = (it: ItemDraft, f: (typeof ITEM_FIELDS)[number]) =>
  f === 'port' && it.kind !== 'ip' ? '' : (it[f] ?? '').trim();
/** The draft's name of an item field: a period's end is `period.to`. */
const itemPath = (f: (typeof ITEM_FIELDS)[number]) => (f === 'periodTo' ? 'period.to' : f);

/**
 * For the audit log: the fields the document gave and those the officer changed — names, never
 * values. Items are numbered as the draft numbered them; `items.N` alone is one the officer
 * removed, `items.added.N` one they added.
 */
export function intakeRecord(
  draft: Draft,
  original: RequestDraft,
  current: RequestDraft,
  source: IntakeSource,
): IntakeRecord {
  const extracted = Object.keys(draft.extraction.fields).filter((path) =>
    /^[a-zA-Z]+(?:\.(?:[a-zA-Z]+|\d{1,3}))*$/.test(path),
  );
  const changed: string[] = [];
  const before = fieldValues(original);
  const after = fieldValues(current);
  for (const [path, value] of before) if (after.get(path) !== value) changed.push(path);
  const kept = new Set<number>();
  let added = 0;
  for (const it of current.items) {
    const from = it.from;
    if (from === undefined) {
      if (it.value.trim() || it.moment) changed.push(`items.added.${added++}`);
      continue;
    }
    kept.add(from);
    const was = original.items.find((o) => o.from === from)!;
    for (const f of ITEM_FIELDS)
      if (itemValue(was, f) !== itemValue(it, f)) changed.push(`items.${from}.${itemPath(f)}`);
  }
  for (const o of original.items)
    if (o.from !== undefined && !kept.has(o.from)) changed.push(`items.${o.from}`);
  return {
    ...('textSha256' in source ? { textSha256: source.textSha256 } : {}),
    extracted,
    changed,
  };
}

/** SHA-256 (hex) of pasted text as UTF-8, for the audit log. */
export async function textSha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
