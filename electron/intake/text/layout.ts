import { findDateTimes, type FoundDateTime } from '../rules/datetimes';
import { findTables, type Table } from '../rules/tables';
import { lineZones, type Zone } from '../rules/zones';
import { documentLines, isBlank, type IntakeDocument, type Line, type Span } from './document';

/** A run of non-blank lines on one page. */
export interface Paragraph {
  lines: Line[];
  page: number;
  start: number;
  end: number;
}

/** A date or date-time found in a paragraph, with its exact place on the page. */
export interface PlacedDateTime {
  dt: FoundDateTime;
  span: Span;
  /** Index of the line it starts on. */
  line: number;
  paragraph: number;
}

/** The document taken apart once: lines and their zones, paragraphs, dates, tables. */
export interface Layout {
  doc: IntakeDocument;
  lines: Line[];
  zones: Zone[];
  paragraphs: Paragraph[];
  /** Paragraph index by line index (-1 for a blank line). */
  paragraphOf: number[];
  dateTimes: PlacedDateTime[];
  tables: Table[];
}

export function layoutOf(doc: IntakeDocument): Layout {
  const lines = documentLines(doc);
  const zones = lineZones(lines);
  const paragraphs: Paragraph[] = [];
  const paragraphOf = lines.map(() => -1);
  let current: Line[] = [];
  const close = () => {
    if (!current.length) return;
    const first = current[0]!;
    const last = current.at(-1)!;
    for (const l of current) paragraphOf[l.index] = paragraphs.length;
    paragraphs.push({ lines: current, page: first.page, start: first.start, end: last.end });
    current = [];
  };
  for (const l of lines) {
    if (isBlank(l) || (current.length && current[0]!.page !== l.page)) close();
    if (!isBlank(l)) current.push(l);
  }
  close();

  const dateTimes: PlacedDateTime[] = [];
  paragraphs.forEach((p, pi) => {
    const text = doc.pages[p.page - 1]!.text.slice(p.start, p.end);
    for (const dt of findDateTimes(text)) {
      const start = p.start + dt.from;
      const line = p.lines.findLast((l) => l.start <= start) ?? p.lines[0]!;
      dateTimes.push({
        dt,
        span: { page: p.page, start, end: p.start + dt.to, text: text.slice(dt.from, dt.to) },
        line: line.index,
        paragraph: pi,
      });
    }
  });
  return { doc, lines, zones, paragraphs, paragraphOf, dateTimes, tables: findTables(lines) };
}

/** The text of a line's page from `start` to `end` (page offsets). */
export const pageText = (layout: Layout, page: number, start: number, end: number): string =>
  layout.doc.pages[page - 1]!.text.slice(start, end);

/**
 * Every match of `re` in the body paragraphs whose clause has no negation before it (`geen`,
 * `not`): paragraphs, not lines, so a sentence wrapped over lines still reads as one.
 */
export function affirmedMatches(
  layout: Layout,
  re: RegExp,
  negation: RegExp,
  zones: readonly string[] = ['body'],
): Span[] {
  const out: Span[] = [];
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  for (const p of layout.paragraphs) {
    if (!zones.includes(layout.zones[p.lines[0]!.index]!)) continue;
    // Newlines as spaces (same length): a phrase wrapped over two lines still matches.
    const original = layout.doc.pages[p.page - 1]!.text.slice(p.start, p.end);
    const text = original.replace(/\n/g, ' ');
    g.lastIndex = 0;
    for (let m = g.exec(text); m; m = g.exec(text)) {
      const clause =
        text
          .slice(0, m.index)
          .split(/[.;:!?](?:\s|$)/)
          .at(-1) ?? '';
      if (negation.test(clause.replace(/\s+/g, ' '))) continue;
      out.push({
        page: p.page,
        start: p.start + m.index,
        end: p.start + m.index + m[0].length,
        text: original.slice(m.index, m.index + m[0].length),
      });
    }
  }
  return out;
}
