import type { Line } from './document';
import type { Layout } from './layout';

/** A list entry's mark: `-`, `•`, `*`, `1.`, `2)`, `a.`. */
export const BULLET = /^\s*(?:[-–•*·▪]|\d{1,3}[.)]|[a-z][.)])\s+/i;

/**
 * The line that introduces the list `line` belongs to: walking up past the other entries (lines
 * with identifiers, or with a bullet) and at most one blank line, within the same part of the
 * document. Null when there is none within 60 lines.
 */
export function listIntro(layout: Layout, line: Line, entryLines: Set<number>): Line | null {
  for (let i = line.index - 1, blanks = 0; i >= 0 && line.index - i < 60; i--) {
    const l = layout.lines[i]!;
    if (l.part !== line.part) return null;
    if (l.text.trim() === '') {
      if (++blanks > 1) return null;
      continue;
    }
    if (entryLines.has(i) || BULLET.test(l.text)) continue;
    return l;
  }
  return null;
}
