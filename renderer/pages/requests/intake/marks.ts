import type { Draft, SourceSpan } from '../../../../shared/schemas/intake';

/** A marked stretch of a page: the fields read from it, or why a number in it was not taken. */
export interface Mark {
  start: number;
  end: number;
  /** Field paths (`authority`, `items.0.value` …) whose value was read here. */
  paths: string[];
  /** Set when this is a number or address deliberately not offered as an identifier. */
  ignored?: string;
}

export interface Segment {
  text: string;
  mark?: Mark;
}

const hasSpan = (
  s: SourceSpan,
): s is Required<Pick<SourceSpan, 'page' | 'start' | 'end'>> & SourceSpan =>
  s.page !== undefined && s.start !== undefined && s.end !== undefined && s.end > s.start;

/** The marks of every page (1-based page → marks in order, never overlapping). */
export function marksOf(draft: Draft): Map<number, Mark[]> {
  const byPage = new Map<number, Mark[]>();
  const add = (page: number, m: Mark) => {
    const list = byPage.get(page) ?? [];
    const same = list.find(
      (x) => x.start === m.start && x.end === m.end && !x.ignored === !m.ignored,
    );
    if (same) same.paths.push(...m.paths);
    else list.push(m);
    byPage.set(page, list);
  };
  for (const [path, s] of Object.entries(draft.extraction.fields)) {
    if (hasSpan(s)) add(s.page, { start: s.start, end: s.end, paths: [path] });
  }
  for (const x of draft.extraction.ignored) {
    if (x.end > x.start) add(x.page, { start: x.start, end: x.end, paths: [], ignored: x.reason });
  }
  for (const [page, list] of byPage) {
    // Where two marks overlap (a moment shared by a line and a list), the first keeps the text.
    list.sort((a, b) => a.start - b.start || b.end - a.end);
    const out: Mark[] = [];
    for (const m of list) {
      const last = out.at(-1);
      if (last && m.start < last.end) {
        if (m.end <= last.end) {
          last.paths.push(...m.paths);
          continue;
        }
        out.push({ ...m, start: last.end });
      } else out.push(m);
    }
    byPage.set(page, out);
  }
  return byPage;
}

/** A page's text cut at its marks. */
export function segments(text: string, marks: Mark[] = []): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const m of marks) {
    const start = Math.min(Math.max(m.start, at), text.length);
    const end = Math.min(m.end, text.length);
    if (end <= start) continue;
    if (start > at) out.push({ text: text.slice(at, start) });
    out.push({ text: text.slice(start, end), mark: m });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** Whether a mark belongs to the field (or item, `items.0.`) the officer is looking at. */
export const isActive = (m: Mark, active: string | null): boolean =>
  active !== null && m.paths.some((p) => p === active || p.startsWith(active));

/**
 * The lines of the document an item's values were read from, each cut at those values, so the
 * item's row can show its source line with the number (and its port and moment) marked.
 */
export function itemSourceLines(
  draft: Draft,
  from: number,
): { page: number; segments: Segment[] }[] {
  const pages = draft.extraction.document.pageTexts ?? [];
  const spans = (['value', 'port', 'moment', 'period.from', 'period.to'] as const)
    .map((f) => ({ path: `items.${from}.${f}`, s: draft.extraction.fields[`items.${from}.${f}`] }))
    .filter(
      (x): x is { path: string; s: SourceSpan & { page: number; start: number; end: number } } =>
        x.s !== undefined && hasSpan(x.s),
    );
  const lines = new Map<string, { page: number; start: number; end: number; marks: Mark[] }>();
  for (const { path, s } of spans) {
    const text = pages[s.page - 1];
    if (text === undefined) continue;
    const start = text.lastIndexOf('\n', s.start - 1) + 1;
    const nl = text.indexOf('\n', s.start);
    const end = nl < 0 ? text.length : nl;
    const key = `${s.page}:${start}`;
    const line = lines.get(key) ?? { page: s.page, start, end, marks: [] };
    line.end = Math.max(line.end, Math.min(s.end, text.length));
    line.marks.push({ start: s.start - start, end: s.end - start, paths: [path] });
    lines.set(key, line);
  }
  return [...lines.values()].map((l) => {
    const text = pages[l.page - 1]!.slice(l.start, l.end);
    const marks = l.marks.sort((a, b) => a.start - b.start);
    const lead = text.length - text.trimStart().length;
    const segs = segments(text, marks);
    if (segs[0] && !segs[0].mark) segs[0] = { text: segs[0].text.slice(lead) };
    return { page: l.page, segments: segs };
  });
}
