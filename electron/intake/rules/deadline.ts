import type { Span } from '../text/document';
import type { Layout } from '../text/layout';
import { isoDate } from './datetimes';
import { requestDateTime } from './when';

/**
 * The deadline, when the request states one: `uiterlijk 30 oktober 2026 om 12:00 uur`, `vóór
 * 30-10-2026`, `no later than 3 November 2026`. A date without a time is the end of that day
 * (`uiterlijk`) or its start (`vóór`, `before`). A relative term (`binnen 24 uur`) is not turned
 * into a date here; it is flagged, and the desk's default deadline applies.
 */
export const DEADLINE_BEFORE =
  /(?:uiterlijk|deadline|termijn|no later than|at the latest|by|vóór|voor|before)\s*(?:op|on|de|the)?\s*:?\s*$/i;
const BEFORE_WORD = /(?:vóór|voor|before)\s*(?:op|on|de|the)?\s*:?\s*$/i;
const WEAK_WORD = /(?:\bvoor|\bby|\bbefore)\s*(?:op|on|de|the)?\s*:?\s*$/i;
const DELIVERY_VERB =
  /time limit|termijn|deadline|verstrek|antwoord|reactie|reageer|reageren|aanlever|toezend|stuur|ontvang|respond|reply|provide|answer|deliver|return|send/i;
export const RELATIVE_DEADLINE =
  /\b(?:binnen|within)\s+(?:\d+|een|één|twee|drie|vier|vijf|acht|tien|one|two|three|four|five|eight|ten)\s+(?:uur|uren|dagen|werkdagen|hours?|days?|working days|business days)\b/i;

export interface DeadlineFound {
  value?: string;
  span: Span;
  reason: string;
  relative?: boolean;
}

export function findDeadline(layout: Layout): DeadlineFound | null {
  for (const d of layout.dateTimes) {
    const zone = layout.zones[d.line];
    if (zone === 'quoted' || zone === 'mail_header') continue;
    const line = layout.lines[d.line]!;
    const page = layout.doc.pages[d.span.page - 1]!.text;
    const before = page.slice(Math.max(line.start, d.span.start - 40), d.span.start);
    if (!DEADLINE_BEFORE.test(before)) continue;
    if (WEAK_WORD.test(before) && !DELIVERY_VERB.test(line.text)) continue;
    if (d.dt.time)
      return {
        value: requestDateTime({ ...d.dt, time: d.dt.time }),
        span: d.span,
        reason: 'stated',
      };
    const before0 = BEFORE_WORD.test(before);
    return {
      value: `${isoDate(d.dt)}T${before0 ? '00:00' : '23:59'}`,
      span: d.span,
      reason: before0 ? 'before_date_start_of_day' : 'date_only_end_of_day',
    };
  }
  for (const l of layout.lines) {
    if (layout.zones[l.index] !== 'body') continue;
    const m = RELATIVE_DEADLINE.exec(l.text);
    if (m && DELIVERY_VERB.test(l.text)) {
      return {
        span: {
          page: l.page,
          start: l.start + m.index,
          end: l.start + m.index + m[0].length,
          text: m[0],
        },
        reason: 'relative',
        relative: true,
      };
    }
  }
  return null;
}
