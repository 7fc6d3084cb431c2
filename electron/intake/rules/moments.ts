import { formatOffset, resolveMoment } from '../../../shared/moment';
import type { IntakeWarning } from '../../../shared/schemas/intake';
import type { Span } from '../text/document';
import type { Layout, PlacedDateTime } from '../text/layout';
import { BULLET, listIntro } from '../text/lists';
import {
  isoDate,
  localDateTime,
  parseTimeOnly,
  type FoundDateTime,
  type FoundTime,
} from './datetimes';
import type { Candidate } from './identifiers';
import { periodAmong, type FoundPeriod } from './periods';
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
  /** Instead of a moment: the period the document asks about, half-open `[from, to)`. */
  period?: { from: string; to: string };
  periodSources?: { from: Span & { reason: string }; to: Span & { reason: string } };
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
  period?: FoundPeriod;
}

const asPeriod = (p: FoundPeriod, reason: string): Resolved => ({
  dt: p.from.dt,
  span: p.from.span,
  reason,
  period: p,
});

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
    const range = periodAmong(layout, inS);
    if (range) return asPeriod(range, ids.length > 1 ? 'shared_period' : 'same_sentence');
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
  const lineRange = unclear ? null : periodAmong(layout, inLine);
  if (lineRange) return asPeriod(lineRange, siblings.length > 1 ? 'shared_period' : 'same_line');
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
      const listRange = periodAmong(layout, stated);
      if (listRange) return asPeriod(listRange, 'list_period');
      if (stated.length === 1) {
        return { dt: stated[0]!.dt, span: stated[0]!.span, reason: 'list_moment' };
      }
    }
  }
  // The paragraph: one moment for everything in it.
  const para = layout.paragraphOf[c.line.index]!;
  const inPara = usable.filter((d) => d.paragraph === para);
  const paraRange = periodAmong(layout, inPara);
  if (paraRange) return asPeriod(paraRange, 'paragraph_period');
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
  if (found.period) return choosePeriod(found, found.period, c, documentZone);
  const { dt } = found;
  const momentSource = { ...found.span, reason: found.reason };
  if (!dt.time) {
    return { ...none, momentSource, warnings: ['moment_date_only'], params: { date: isoDate(dt) } };
  }
  const local = localDateTime({ ...dt, time: dt.time });
  const warnings: IntakeWarning['code'][] = [];
  const params: Record<string, string> = {};
  if (dt.approximate) warnings.push('moment_approximate');

  const { zone, zoneSource } = zoneOf(found, dt.zone, c, documentZone);
  const { moment, timeZone } = written(local, zone);
  if (zone && zone.kind !== 'zone' && /^\(?\s*(?:cet|cest|mez|mesz)\s*\)?$/i.test(zone.label)) {
    const inForce = resolveMoment(local, DEFAULT_ZONE);
    if (inForce.status === 'ok' && inForce.offsetMinutes !== zone.minutes) {
      warnings.push('zone_abbreviation_mismatch');
      params.stated = zone.label.replace(/[()\s]/g, '');
      params.inForce = inForce.offset;
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

/** The zone of a moment: written with it, else its column's, else the document's, else none. */
function zoneOf(
  found: Resolved,
  stated: StatedZone | undefined,
  c: Candidate,
  documentZone: DocumentZone | null,
): { zone?: StatedZone; zoneSource: MomentChoice['zoneSource'] } {
  if (stated) return { zone: stated, zoneSource: { ...found.span, reason: 'stated_with_time' } };
  if (found.columnZone) {
    const h = c.table!.table.header;
    return {
      zone: found.columnZone,
      zoneSource: {
        page: h.page,
        start: h.start,
        end: h.end,
        text: h.text,
        reason: 'column_header',
      },
    };
  }
  if (documentZone)
    return {
      zone: documentZone.zone,
      zoneSource: { ...documentZone.span, reason: 'document_statement' },
    };
  return { zoneSource: { reason: 'default_zone' } };
}

/** A local date-time as the request JSON writes it in a zone: local with `timeZone`, or with its offset. */
function written(
  local: string,
  zone: StatedZone | undefined,
): { moment: string; timeZone?: string } {
  if (!zone) return { moment: local, timeZone: DEFAULT_ZONE };
  if (zone.kind === 'zone') return { moment: local, timeZone: zone.zone };
  return { moment: `${local}${zone.label === 'Z' ? 'Z' : formatOffset(zone.minutes)}` };
}

/** A wall-clock date-time moved by whole seconds (calendar arithmetic only, no zone). */
function later(
  d: FoundDateTime,
  time: FoundTime,
  seconds: number,
): FoundDateTime & { time: FoundTime } {
  const t = new Date(
    Date.UTC(d.year, d.month - 1, d.day, time.hour, time.minute, (time.second ?? 0) + seconds),
  );
  const moved: FoundTime = { hour: t.getUTCHours(), minute: t.getUTCMinutes() };
  if (time.second !== undefined) moved.second = t.getUTCSeconds();
  return {
    ...d,
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    time: moved,
  };
}

/**
 * A period's ends as the request JSON writes them, `[from, to)`. A day without a time starts at
 * midnight; an end written inclusively (`tot en met 15 oktober`, `t/m 23:59`) is moved past that
 * day or minute, so the period holds what the document asked for. One zone for both ends: the one
 * written with either (`… en 12:00 uur (UTC)`), else the column's or the document's, else
 * Europe/Amsterdam; two different zones are not guessed between.
 */
function choosePeriod(
  found: Resolved,
  p: FoundPeriod,
  c: Candidate,
  documentZone: DocumentZone | null,
): MomentChoice {
  const none: MomentChoice = { zoneSource: undefined, warnings: [], params: {} };
  const a = p.from.dt;
  const b = p.to.dt;
  if (a.zone && b.zone && a.zone.label.toLowerCase() !== b.zone.label.toLowerCase())
    return { ...none, warnings: ['moment_unclear'] };
  const stated = a.zone ?? b.zone;
  const z = zoneOf({ ...found, span: a.zone ? p.from.span : p.to.span }, stated, c, documentZone);
  const midnight = { hour: 0, minute: 0 };
  const fromLocal = localDateTime({ ...a, time: a.time ?? midnight });
  let toLocal: string;
  let toReason = found.reason;
  const warnings: IntakeWarning['code'][] = [];
  const params: Record<string, string> = {};
  if (!b.time) {
    toLocal = localDateTime(p.inclusive ? later(b, midnight, 86_400) : { ...b, time: midnight });
    if (p.inclusive) toReason = 'period_end_inclusive';
    else {
      // `to 3 October`: whether that day is included is not written; the officer decides.
      warnings.push('period_end_day');
      params.date = isoDate(b);
    }
  } else if (p.inclusive && b.time.minute === 59 && (b.time.second ?? 59) === 59) {
    toLocal = localDateTime(later(b, b.time, b.time.second === undefined ? 60 : 1));
    toReason = 'period_end_inclusive';
  } else toLocal = localDateTime({ ...b, time: b.time });
  const from = written(fromLocal, z.zone);
  const to = written(toLocal, z.zone);
  if (a.approximate || b.approximate) warnings.push('moment_approximate');
  for (const end of [from.moment, to.moment]) {
    const check = resolveMoment(end, from.timeZone);
    if ((check.status === 'invalid_time' || check.status === 'ambiguous_time') && !params.moment) {
      warnings.push(check.status);
      params.moment = end;
      params.zone = from.timeZone ?? DEFAULT_ZONE;
    }
  }
  const choice: MomentChoice = {
    period: { from: from.moment, to: to.moment },
    periodSources: {
      from: { ...p.from.span, reason: found.reason },
      to: { ...p.to.span, reason: toReason },
    },
    zoneSource: z.zoneSource,
    warnings,
    params,
  };
  if (from.timeZone) choice.timeZone = from.timeZone;
  return choice;
}
