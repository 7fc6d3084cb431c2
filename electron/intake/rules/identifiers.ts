import type { Line, Span } from '../text/document';
import { span } from '../text/document';
import type { Layout } from '../text/layout';
import { BULLET, listIntro } from '../text/lists';
import { contactReason, IDENTIFIER_CUE, isDestination } from './contact-context';
import { findIps, portAfter } from './ips';
import { blockedReason, notIdentifierSpans } from './not-identifiers';
import { findPhones, SERVICE_NUMBER_TYPES } from './phones';
import { rowCells, type Table } from './tables';

/**
 * Phone numbers and IP addresses in the document, each either offered as an identifier or
 * ignored with a reason. Precision before recall: only numbers in the body of the request, with
 * a word or a moment showing they are asked about (or in a table of identifiers), are offered.
 */
export interface Candidate {
  kind: 'phone' | 'ip';
  line: Line;
  span: Span;
  /** E.164 for a valid phone number, the canonical address for IP, else the text as written. */
  value: string;
  e164?: string;
  valid: boolean;
  /** libphonenumber's type of a phone number (mobile, fixed_line, toll_free …). */
  type?: string;
  nonPublic?: string;
  port?: { value: number; span: Span };
  table?: { table: Table; row: Line };
  ignored?: string;
}

export interface IdentifierContext {
  /** The provider's own numbers (E.164) from the settings. */
  ownNumbers: string[];
}

/** Where a number is the sender's or the provider's own: the same number elsewhere is too. */
const SENDER_REASONS = [
  'letterhead',
  'signature',
  'contact_block',
  'mail_header',
  'page_header',
  'fax',
  'contact_label',
  'requester_details',
  'contact_context',
  'provider_number',
];

export function findIdentifiers(layout: Layout, ctx: IdentifierContext): Candidate[] {
  const rowTable = new Map<number, Table>();
  for (const t of layout.tables) for (const r of t.rows) rowTable.set(r.index, t);
  const dateSpans = new Map<number, { from: number; to: number }[]>();
  for (const d of layout.dateTimes) {
    // A date may run over lines; block it on every line it touches.
    for (const l of layout.lines) {
      if (l.page !== d.span.page || l.end < d.span.start || l.start > d.span.end) continue;
      const list = dateSpans.get(l.index) ?? [];
      list.push({ from: Math.max(0, d.span.start - l.start), to: d.span.end - l.start });
      dateSpans.set(l.index, list);
    }
  }

  const out: Candidate[] = [];
  for (const line of layout.lines) {
    const text = line.text;
    if (!/\d/.test(text)) continue;
    const blocked = notIdentifierSpans(text);
    const dates = dateSpans.get(line.index) ?? [];
    const inDate = (from: number, to: number) => dates.some((d) => from < d.to && d.from < to);
    const table = rowTable.get(line.index);
    const cells = table ? rowCells(table, line) : [];
    const cellRole = (from: number) =>
      cells.find((c) => c.cell.from <= from && from < c.cell.to)?.column.role;

    const ips = findIps(text);
    for (const ip of ips) {
      if (inDate(ip.from, ip.to)) continue;
      const c: Candidate = {
        kind: 'ip',
        line,
        span: span(line, ip.from, ip.to),
        value: ip.canonical,
        valid: true,
      };
      if (ip.nonPublic) c.nonPublic = ip.nonPublic;
      if (ip.port) c.port = { value: ip.port.value, span: span(line, ip.port.from, ip.port.to) };
      else {
        // `… 203.0.113.45,` / `source port 51234 …`: the port on the next line of the paragraph.
        const next = layout.lines[line.index + 1];
        if (
          next &&
          layout.paragraphOf[next.index] === layout.paragraphOf[line.index] &&
          !/\S/.test(text.slice(ip.to).replace(/^[,;]/, ''))
        ) {
          const rest = text.slice(ip.to);
          const p = portAfter(`${rest}\n${next.text}`, 0);
          if (p && p.from > rest.length) {
            const at = p.from - rest.length - 1;
            c.port = { value: p.value, span: span(next, at, at + (p.to - p.from)) };
          }
        }
      }
      if (table) {
        c.table = { table, row: line };
        const portCell = cells.find((x) => x.column.role === 'port');
        if (
          !c.port &&
          portCell &&
          /^\d{1,5}$/.test(portCell.cell.text) &&
          +portCell.cell.text <= 65535
        ) {
          c.port = {
            value: +portCell.cell.text,
            span: span(line, portCell.cell.from, portCell.cell.to),
          };
        }
      }
      const r =
        ignoreReason(layout, c, blocked) ?? (isDestination(text, ip.from) ? 'destination' : null);
      if (r) c.ignored = r;
      out.push(c);
    }
    // A list's numbering (`1. 06 - 7788 9900`) is not part of the number: blanked, offsets kept.
    const bullet = BULLET.exec(text);
    const phoneText = bullet ? ' '.repeat(bullet[0].length) + text.slice(bullet[0].length) : text;
    for (const p of findPhones(phoneText)) {
      if (inDate(p.from, p.to) || ips.some((i) => p.from < i.to && i.from < p.to)) continue;
      if (table && cellRole(p.from) === 'port') continue;
      const c: Candidate = {
        kind: 'phone',
        line,
        span: span(line, p.from, p.to),
        value: p.valid ? p.e164 : p.text.replace(/\s+/g, ' '),
        e164: p.e164,
        valid: p.valid,
        type: p.type,
      };
      if (table) c.table = { table, row: line };
      let r = ignoreReason(layout, c, blocked);
      if (!r) {
        if (!table) r = contactReason(text, p.from);
        if (!r && ctx.ownNumbers.includes(p.e164)) r = 'provider_number';
        if (!r && !table && SERVICE_NUMBER_TYPES.includes(p.type)) r = 'service_number';
      }
      if (r) c.ignored = r;
      out.push(c);
    }
  }
  out.sort((a, b) => a.line.index - b.line.index || a.span.start - b.span.start);

  // A number that is also the sender's (letterhead, signature, contact block) is never offered.
  const senders = new Set(
    out
      .filter((c) => c.ignored && SENDER_REASONS.includes(c.ignored))
      .map((c) => c.e164 ?? c.value),
  );
  for (const c of out) {
    if (c.ignored) continue;
    if (senders.has(c.e164 ?? c.value)) c.ignored = 'sender_number';
    else if (!c.table && !hasIdentifierCue(layout, c, out)) c.ignored = 'no_identifier_context';
  }
  return out;
}

function ignoreReason(
  layout: Layout,
  c: Candidate,
  blocked: ReturnType<typeof notIdentifierSpans>,
): string | null {
  const from = c.span.start - c.line.start;
  const other = blockedReason(blocked, from, from + c.span.text.length);
  if (other) return other;
  const zone = layout.zones[c.line.index]!;
  return zone !== 'body' ? zone : null;
}

/** A cue word in the line, a date-time in the line, or a cue in the line that opens the list. */
function hasIdentifierCue(layout: Layout, c: Candidate, all: Candidate[]): boolean {
  const text = c.line.text;
  const from = c.span.start - c.line.start;
  const rest = text.slice(0, from) + ' ' + text.slice(from + c.span.text.length);
  if (IDENTIFIER_CUE.test(rest)) return true;
  if (layout.dateTimes.some((d) => d.line === c.line.index && d.dt.time)) return true;
  // In a list: the line that introduces the entries.
  const idLines = new Set(all.filter((x) => !x.ignored || x === c).map((x) => x.line.index));
  const intro = listIntro(layout, c.line, idLines);
  return intro !== null && IDENTIFIER_CUE.test(intro.text);
}
