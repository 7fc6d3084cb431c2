/**
 * Text folded for forgiving comparison — lower case, accents off, every dash (-, –, —), dot,
 * comma, bracket and slash a space, runs of space one — with, for each folded character, its
 * offset in the original, so a match can be given back as an exact span.
 */
export interface Folded {
  text: string;
  /** Original offset of each character of `text`. */
  at: number[];
}

const SEPARATOR = /[\s\-‐‑‒–—―.,;:()[\]{}/\\|'"“”‘’`_]/;

export function fold(original: string): Folded {
  let text = '';
  const at: number[] = [];
  let space = true;
  for (let i = 0; i < original.length; i++) {
    const ch = original[i]!;
    if (SEPARATOR.test(ch)) {
      if (!space) {
        text += ' ';
        at.push(i);
        space = true;
      }
      continue;
    }
    const plain = ch
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    for (const c of plain) {
      text += c;
      at.push(i);
    }
    space = false;
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    at.pop();
  }
  return { text, at };
}

export const foldText = (s: string): string => fold(s).text;

/** Every whole-word occurrence of folded `needle` in `hay`: original [from, to). */
export function findFolded(hay: Folded, needle: string): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  if (!needle) return out;
  for (let i = hay.text.indexOf(needle); i >= 0; i = hay.text.indexOf(needle, i + 1)) {
    const before = i === 0 || hay.text[i - 1] === ' ';
    const after = i + needle.length === hay.text.length || hay.text[i + needle.length] === ' ';
    if (before && after) out.push({ from: hay.at[i]!, to: hay.at[i + needle.length - 1]! + 1 });
  }
  return out;
}
