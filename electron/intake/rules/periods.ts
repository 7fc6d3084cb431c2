import type { Span } from '../text/document';
import type { Layout, PlacedDateTime } from '../text/layout';
import { parseTimeOnly, type FoundDateTime } from './datetimes';
import { zoneAt } from './time-zones';

/**
 * A period written as two ends: `van 1 oktober 2026 00:00 uur tot en met 15 oktober 2026 23:59
 * uur`, `tussen 20-10-2026 10:00 en 12:00 uur (UTC)`, `from October 1, 2026 to October 3, 2026`,
 * `2026-10-01T08:00Z - 2026-10-01T09:00Z`. Only two date-times joined by a range word count, and
 * `en` / `and` only after `tussen` / `between`: two moments named for one identifier stay two.
 */
export interface PeriodEnd {
  dt: FoundDateTime;
  span: Span;
}

export interface FoundPeriod {
  from: PeriodEnd;
  to: PeriodEnd;
  /** `tot en met`, `t/m`, `through`: the end day or minute is part of the period. */
  inclusive: boolean;
}

/** The words between the two ends; a zone written after the first (`10:00 (UTC) tot …`) may sit there. */
const JOIN =
  /^\s*(?:uur|u|h)?\s*(?:\(?\s*[A-Za-z]{1,5}\s*\)?\s*)?(tot\s+en\s+met|t\/m|tot|until|till|through|to|-|–|en|and)\s*$/i;
const TIME_END =
  /^\s*(?:uur|u|h)?\s*(tot\s+en\s+met|t\/m|tot|until|till|through|to|-|–|en|and)\s*(\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*(?:uur|u|h)(?![a-z]))?)/i;
const OPENED_BY =
  /(?:\bvan(?:af)?|\btussen|\bfrom|\bbetween|\bperiode|\bperiod)\s*(?:de\s+|the\s+)?$/i;
const NEEDS_OPENER = /^(?:en|and)$/i;
const INCLUSIVE = /tot\s+en\s+met|t\/m|through/i;

const pageText = (layout: Layout, s: Span) => layout.doc.pages[s.page - 1]!.text;

function opened(layout: Layout, first: PlacedDateTime, join: string): boolean {
  if (!NEEDS_OPENER.test(join.trim())) return true;
  const text = pageText(layout, first.span);
  return OPENED_BY.test(text.slice(Math.max(0, first.span.start - 30), first.span.start));
}

/** Two date-times in this order that are one period's ends. */
export function periodOf(layout: Layout, a: PlacedDateTime, b: PlacedDateTime): FoundPeriod | null {
  if (a.span.page !== b.span.page || b.span.start < a.span.end) return null;
  const between = pageText(layout, a.span).slice(a.span.end, b.span.start);
  const j = JOIN.exec(between);
  if (!j || !opened(layout, a, j[1]!)) return null;
  return {
    from: { dt: a.dt, span: a.span },
    to: { dt: b.dt, span: b.span },
    inclusive: INCLUSIVE.test(j[1]!),
  };
}

/** A date-time followed by the time its period ends on the same day: `tussen 10:00 en 12:00 uur`. */
export function periodToTimeOf(layout: Layout, a: PlacedDateTime): FoundPeriod | null {
  if (!a.dt.time) return null;
  const text = pageText(layout, a.span);
  const after = text.slice(a.span.end, a.span.end + 40);
  const m = TIME_END.exec(after);
  if (!m || !opened(layout, a, m[1]!)) return null;
  const time = parseTimeOnly(m[2]!);
  if (!time) return null;
  const start = a.span.end + m[0].length - m[2]!.length;
  let end = a.span.end + m[0].length;
  // A zone after the end time, on the same line (`12:00 uur (UTC)`), is the period's.
  const lead = /^[ \t]*/.exec(text.slice(end))![0].length;
  const z = zoneAt(text.slice(end + lead));
  const dt: FoundDateTime = { ...a.dt, from: start, to: end, time };
  delete dt.zone;
  if (z) {
    dt.zone = z.zone;
    end += lead + z.length;
  }
  return {
    from: { dt: a.dt, span: a.span },
    to: { dt, span: { page: a.span.page, start, end, text: text.slice(start, end) } },
    inclusive: INCLUSIVE.test(m[1]!),
  };
}

/** The period among these date-times, if they are exactly its two ends (or one end and its time). */
export function periodAmong(layout: Layout, dts: PlacedDateTime[]): FoundPeriod | null {
  if (dts.length === 2) return periodOf(layout, dts[0]!, dts[1]!);
  if (dts.length === 1) return periodToTimeOf(layout, dts[0]!);
  return null;
}
