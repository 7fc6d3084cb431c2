import type { Span } from '../text/document';
import type { Layout } from '../text/layout';
import { isoDate } from './datetimes';
import { requestDateTime } from './when';

/**
 * When the request arrived: the mail's Date line; for the written confirmation of an oral
 * request, the moment of the call; a portal's "ingediend op". The date the letter is dated is
 * not its arrival: it is returned apart (documentDate), and receivedAt is then left for the
 * officer.
 */
const SUBMITTED =
  /(?:ingediend|verzonden|ontvangen|datum indiening|datum ontvangst|submitted|received|sent)\s*(?:op|on|at)?\s*:?\s*$/i;
const ORAL = /(?:telefonisch|mondeling|oral(?:ly)?|by (?:tele)?phone|per telefoon)[^.]{0,80}$/i;
const DOCUMENT_DATE = /(?:^|\s)(?:datum|date|dated|date of issue|gedagtekend)\s*:?\s*$/i;
const PLACE_DATE = /^\s*[A-Z][a-zA-Z' -]{2,30},\s*$/;

export interface WhenFound {
  value: string;
  span: Span;
  reason: string;
}

export function findReceivedAt(layout: Layout, oral: boolean): WhenFound | null {
  const before = (d: (typeof layout.dateTimes)[number], n: number) => {
    const line = layout.lines[d.line]!;
    const page = layout.doc.pages[d.span.page - 1]!.text;
    const from = n > 40 ? layout.paragraphs[d.paragraph]!.start : line.start;
    return page.slice(Math.max(from, d.span.start - n), d.span.start);
  };
  const timed = layout.dateTimes.filter((d) => d.dt.time && layout.zones[d.line] !== 'quoted');
  const header = timed.find(
    (d) =>
      layout.zones[d.line] === 'mail_header' &&
      /^\s*(?:date|datum|verzonden|sent)\s*:/i.test(layout.lines[d.line]!.text),
  );
  const at = (d: (typeof timed)[number], reason: string): WhenFound => ({
    value: requestDateTime({ ...d.dt, time: d.dt.time! }),
    span: d.span,
    reason,
  });
  if (oral) {
    const call = timed.find((d) => layout.zones[d.line] === 'body' && ORAL.test(before(d, 120)));
    if (call) return at(call, 'oral_request_moment');
  }
  if (header) return at(header, 'mail_date');
  const submitted = timed.find(
    (d) => layout.zones[d.line] !== 'mail_header' && SUBMITTED.test(before(d, 40)),
  );
  if (submitted) return at(submitted, 'submitted_label');
  return null;
}

export function findDocumentDate(layout: Layout): { value: string; span: Span } | null {
  for (const d of layout.dateTimes) {
    const zone = layout.zones[d.line];
    if (zone === 'quoted' || zone === 'mail_header') continue;
    const line = layout.lines[d.line]!;
    const head = layout.doc.pages[d.span.page - 1]!.text.slice(line.start, d.span.start);
    if (
      DOCUMENT_DATE.test(head) ||
      PLACE_DATE.test(head) ||
      (zone === 'letterhead' && head.trim() === '')
    ) {
      return { value: isoDate(d.dt), span: d.span };
    }
  }
  return null;
}
