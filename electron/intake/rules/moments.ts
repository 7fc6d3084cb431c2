import { formatOffset, resolveMoment } from '../../../shared/moment';
import type { IntakeWarning } from '../../../shared/schemas/intake';
import type { Span } from '../text/document';
import type { Layout, PlacedDateTime } from '../text/layout';
import { BULLET, listIntro } from '../text/lists';
import { isoDate, localDateTime, parseTimeOnly, type FoundDateTime } from './datetimes';
import type { Candidate } from './identifiers';
import { rowCells } from './tables';
import type { StatedZone } from './time-zones';

/**
 * The moment of each identifier: the date-time in its table row, else the one in its line, else
 * the one stated for the list it belongs to, else the only one in its paragraph. The zone is the
 * one written with the time, else the column header's, else the document's ("alle tijden in
 * UTC"), else Europe/Amsterdam. A local time in the spring gap or the autumn overlap stays as
 * written and is flagged; nothing is guessed.
 */
export const DEFAULT_ZONE = 'Europe/Amsterdam';

/** Words right before a date that make it something other than a moment of use. */
export const NOT_A_MOMENT =
  /(?:uiterlijk|vóór|voor|deadline|termijn|no later than|before|by|binnen|within|datum|date|dated|gedagtekend|ontvangen|received|verzonden|sent|geboren|born|geldig tot|valid until|ingediend|submitted)\s*(?:op|on|de|the)?\s*:?\s*$/i;

export interface MomentChoice {
  moment?: string;
  timeZone?: string;
  momentSource?: Span & { reason: string };
  zoneSource: ({ reason: string } & Partial<Span>) | undefined;
  warnings: IntakeWarning['code'][];
  /** Parameters for the warnings (the date of a date-only moment …). */
  params: Record<string, string>;
}

interface Resolved {
  dt: FoundDateTime;
  span: Span;
  reason: string;
  columnZone?: StatedZone;
}

export interface DocumentZone {
  zone: StatedZone;
  span: Span;
}

/** Whether a date found in the text can be the moment of an identifier. */
export function usableMoment(layout: Layout, d: PlacedDateTime): boolean {
  const zone = layout.zones[d.line]!;
  if (zone !== 'body') return false;
  const page = layout.doc.pages[d.span.page - 1]!.text;
  const lineStart = layout.lines[d.line]!.start;
  return !NOT_A_MOMENT.test(page.slice(Math.max(lineStart, d.span.start - 40), d.span.start));
}

function fromTable(layout: Layout, c: Candidate): Resolved | null {
  if (!c.table) return null;
  const cells = rowCells(c.table.table, c.table.row);
  const line = c.table.row;
  const at = (from: number, to: number): Span => ({
    page: line.page,
    start: line.start + from,
    end: line.start + to,
    text: line.text.slice(from, to),
  });
  const dtCell =
    cells.find((x) => x.column.role === 'datetime') ?? cells.find((x) => x.column.role === 'date');
  if (!dtCell) return null;
  const placed = layout.dateTimes.find(
    (d) =>
      d.line === line.index &&
      d.span.start >= line.start + dtCell.cell.from &&
      d.span.start < line.start + dtCell.cell.to,
  );
  if (!placed) return null;
  let dt = placed.dt;
  let s = placed.span;
  if (!dt.time) {
    const timeCell = cells.find((x) => x.column.role === 'time');
    const t = timeCell ? parseTimeOnly(timeCell.cell.text) : null;
    if (t && timeCell) {
      dt = { ...dt, time: t };
      s = at(dtCell.cell.from, timeCell.cell.to);
      if (!dt.zone && timeCell.column.zone)
        return { dt, span: s, reason: 'table_row', columnZone: timeCell.column.zone };
    }
  }
  const r: Resolved = { dt, span: s, reason: 'table_row' };
  if (dtCell.column.zone) r.columnZone = dtCell.column.zone;
  return r;
}

function fromText(layout: Layout, c: Candidate, offered: Candidate[]): Resolved | 'unclear' | null {
  const usable = layout.dateTimes.filter((d) => usableMoment(layout, d));
  // The sentence, wrapped over lines or not: one moment for all, or one each in order.
  let unclear = false;
  const sentence = sentenceOf(layout, c);
  if (sentence) {
    const onPage = <T extends { span: Span }>(x: T) =>
      x.span.page === c.span.page && x.span.start >= sentence.from && x.span.start < sentence.to;
    const inS = usable.filter(onPage);
    const ids = offered.filter(onPage);
    if (inS.length === 1) {
      return {
        dt: inS[0]!.dt,
        span: inS[0]!.span,
        reason: ids.length > 1 ? 'shared_moment' : 'same_sentence',
      };
    }
    if (inS.length > 1 && inS.length === ids.length) {
      const d = inS[ids.indexOf(c)]!;
      return { dt: d.dt, span: d.span, reason: 'same_sentence' };
    }
    unclear = inS.length > 1;
  }
  // The line (a table-like line without cells, a log line).
  const inLine = usable.filter((d) => d.line === c.line.index);
  const siblings = offered.filter((x) => x.line.index === c.line.index);
  if (inLine.length === 1 && !unclear) {
    return {
      dt: inLine[0]!.dt,
      span: inLine[0]!.span,
      reason: siblings.length > 1 ? 'shared_moment' : 'same_line',
    };
  }
  if (inLine.length > 1 && inLine.length === siblings.length) {
    const d = inLine[siblings.indexOf(c)]!;
    return { dt: d.dt, span: d.span, reason: 'same_line' };
  }
  if (unclear || inLine.length > 1) return 'unclear';
  // A list: the moment stated in the line that opens it applies to each entry.
  if (isListEntry(c, siblings)) {
    const intro = listIntro(layout, c.line, new Set(offered.map((x) => x.line.index)));
    if (intro) {
      const i = intro.index;
      const stated = usable.filter(
        (d) => d.line === i || (d.paragraph === layout.paragraphOf[i] && d.line < i),
      );
      if (stated.length === 1) {
        return { dt: stated[0]!.dt, span: stated[0]!.span, reason: 'list_moment' };
      }
    }
  }
  // The paragraph: one moment for everything in it.
  const para = layout.paragraphOf[c.line.index]!;
  const inPara = usable.filter((d) => d.paragraph === para);
  const distinct = new Set(inPara.map((d) => JSON.stringify({ ...d.dt, from: 0, to: 0 })));
  if (distinct.size === 1)
    return { dt: inPara[0]!.dt, span: inPara[0]!.span, reason: 'paragraph_moment' };
  if (distinct.size > 1) return 'unclear';
  return null;
}

/** The sentence around an identifier, as page offsets: up to `.`, `;`, `!` or `?` before a capital. */
function sentenceOf(layout: Layout, c: Candidate): { from: number; to: number } | null {
  const pi = layout.paragraphOf[c.line.index];
  if (pi === undefined || pi < 0) return null;
  const p = layout.paragraphs[pi]!;
  const text = layout.doc.pages[p.page - 1]!.text.slice(p.start, p.end);
  const at = c.span.start - p.start;
  const END = /[.;!?](?=\s+[A-Z(\-–•]|\s*$)|\n\s*[-–•*]\s/g;
  let from = 0;
  for (let m = END.exec(text); m; m = END.exec(text)) {
    const end = m.index + 1;
    if (end > at) return { from: p.start + from, to: p.start + end };
    from = end;
  }
  return { from: p.start + from, to: p.end };
}

/** A line that is an entry of a list: a bullet, or little besides its identifiers. */
function isListEntry(c: Candidate, siblings: Candidate[]): boolean {
  if (BULLET.test(c.line.text)) return true;
  let rest = c.line.text;
  for (const x of siblings) {
    rest = rest.replace(x.span.text, '');
    if (x.port) rest = rest.replace(x.port.span.text, '');
  }
  return rest.replace(/\W|poort|port|bron|source|en|and|met|with/gi, '').length <= 12;
}

/** The moment (and zone) of an offered identifier, with why, and what to warn about. */
export function chooseMoment(
  layout: Layout,
  c: Candidate,
  offered: Candidate[],
  documentZone: DocumentZone | null,
): MomentChoice {
  const found = fromTable(layout, c) ?? fromText(layout, c, offered);
  const none: MomentChoice = { zoneSource: undefined, warnings: [], params: {} };
  if (found === 'unclear') return { ...none, warnings: ['moment_unclear'] };
  if (!found) return { ...none, warnings: ['missing_moment'] };
  const { dt } = found;
  const momentSource = { ...found.span, reason: found.reason };
  if (!dt.time) {
    return { ...none, momentSource, warnings: ['moment_date_only'], params: { date: isoDate(dt) } };
  }
  const local = localDateTime({ ...dt, time: dt.time });
  const warnings: IntakeWarning['code'][] = [];
  const params: Record<string, string> = {};
  if (dt.approximate) warnings.push('moment_approximate');

  let zone: StatedZone | undefined = dt.zone;
  let zoneSource: MomentChoice['zoneSource'];
  if (zone) zoneSource = { ...found.span, reason: 'stated_with_time' };
  else if (found.columnZone) {
    zone = found.columnZone;
    const h = c.table!.table.header;
    zoneSource = {
      page: h.page,
      start: h.start,
      end: h.end,
      text: h.text,
      reason: 'column_header',
    };
  } else if (documentZone) {
    zone = documentZone.zone;
    zoneSource = { ...documentZone.span, reason: 'document_statement' };
  }

  let moment: string;
  let timeZone: string | undefined;
  if (!zone) {
    moment = local;
    timeZone = DEFAULT_ZONE;
    zoneSource = { reason: 'default_zone' };
  } else if (zone.kind === 'zone') {
    moment = local;
    timeZone = zone.zone;
  } else {
    moment = `${local}${zone.label === 'Z' ? 'Z' : formatOffset(zone.minutes)}`;
    if (/^\(?\s*(?:cet|cest|mez|mesz)\s*\)?$/i.test(zone.label)) {
      const inForce = resolveMoment(local, DEFAULT_ZONE);
      if (inForce.status === 'ok' && inForce.offsetMinutes !== zone.minutes) {
        warnings.push('zone_abbreviation_mismatch');
        params.stated = zone.label.replace(/[()\s]/g, '');
        params.inForce = inForce.offset;
      }
    }
  }
  const check = resolveMoment(moment, timeZone);
  if (check.status === 'invalid_time' || check.status === 'ambiguous_time') {
    warnings.push(check.status);
    params.moment = moment;
    params.zone = timeZone ?? DEFAULT_ZONE;
  }
  const choice: MomentChoice = { moment, momentSource, zoneSource, warnings, params };
  if (timeZone) choice.timeZone = timeZone;
  return choice;
}
