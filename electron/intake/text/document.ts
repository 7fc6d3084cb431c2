import type { DocumentKind, SourceSpan } from '../../../shared/schemas/intake';

/** A document read to text: one string per page, and where each page came from. */
export interface IntakeDocument {
  kind: DocumentKind;
  pages: { text: string; origin?: string }[];
}

/** A line of a page, with its offsets in that page's text (end exclusive, without the newline). */
export interface Line {
  /** 1-based page number. */
  page: number;
  /** Index of the part (mail body, each attachment) the page belongs to. */
  part: number;
  /** Index of the line in the whole document. */
  index: number;
  start: number;
  end: number;
  text: string;
}

/** A piece of text found on a page. */
export interface Span {
  page: number;
  start: number;
  end: number;
  text: string;
}

export const span = (line: Line, from: number, to: number): Span => ({
  page: line.page,
  start: line.start + from,
  end: line.start + to,
  text: line.text.slice(from, to),
});

export const source = (s: Span, reason?: string): SourceSpan =>
  reason ? { page: s.page, start: s.start, end: s.end, text: s.text, reason } : { ...s };

/** Every line of every page, numbered through; pages of the same origin form one part. */
export function documentLines(doc: IntakeDocument): Line[] {
  const lines: Line[] = [];
  let part = -1;
  let lastOrigin: string | undefined | null = null;
  doc.pages.forEach((p, i) => {
    const origin = p.origin ?? 'body';
    if (origin !== lastOrigin) {
      part++;
      lastOrigin = origin;
    }
    let start = 0;
    for (const raw of p.text.split('\n')) {
      const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      lines.push({ page: i + 1, part, index: lines.length, start, end: start + text.length, text });
      start += raw.length + 1;
    }
  });
  return lines;
}

export const isBlank = (l: Line): boolean => l.text.trim() === '';
