import type { Authority } from '../../../shared/schemas/catalogue';
import type { Span } from '../text/document';
import type { Layout } from '../text/layout';
import { findFolded, fold, foldText } from '../text/normalise';

/**
 * The issuing authority, resolved to the catalogue forgivingly: dashes, en dashes and case do not
 * matter (`Politie Eenheid Noord-Nederland` is `Politie – Eenheid Noord-Nederland`), nor does the
 * short form people write (`Politie Rotterdam`, `Arrondissementsparket Den Haag`, `FIOD`). The
 * sender's own parts of the document (letterhead, signature, mail header) name the issuer first;
 * an intermediary (CIOT) is only taken when nothing else is named.
 */

/** A phrase of a catalogue name → what people also write for it. */
export const NAME_SYNONYMS: [string, string][] = [
  ['om', 'openbaar ministerie'],
  ['koninklijke marechaussee', 'marechaussee'],
];

/** Everything a document may call this authority, folded. */
export function authorityVariants(a: Authority): string[] {
  const v = new Set<string>();
  const name = a.name;
  const bare = name.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  v.add(foldText(name));
  v.add(foldText(bare));
  for (const abbr of name.matchAll(/\(([^)]+)\)/g)) {
    const t = abbr[1]!.trim();
    if (/^[A-Za-z][A-Za-z-]{2,}$/.test(t)) v.add(foldText(t));
  }
  const dash = /\s[–—-]\s/.exec(bare);
  if (dash) {
    const head = bare.slice(0, dash.index);
    const tail = bare.slice(dash.index + dash[0].length);
    v.add(foldText(tail));
    if (/^politie$/i.test(head)) {
      v.add(foldText(`politie ${tail.replace(/^eenheid\s+/i, '')}`));
      v.add(foldText(`politie eenheid ${tail.replace(/^eenheid\s+/i, '')}`));
    }
    if (/^arrondissementsparket\s/i.test(tail))
      v.add(foldText(tail.replace(/^arrondissements/i, '')));
  }
  for (const [phrase, alternative] of NAME_SYNONYMS) {
    for (const x of [...v]) {
      const padded = ` ${x} `;
      if (padded.includes(` ${phrase} `))
        v.add(padded.replace(` ${phrase} `, ` ${alternative} `).trim());
    }
  }
  // Too short or too common on its own to name an authority.
  for (const x of [...v])
    if (x.length < 4 || /^(?:politie|eenheid|parket|om)$/.test(x)) v.delete(x);
  return [...v];
}

export interface AuthorityHit {
  code: string;
  span: Span;
  reason: string;
  authority: Authority;
}

const SENDER_ZONES = ['letterhead', 'signature', 'mail_header', 'contact_block', 'page_header'];

export function findAuthority(
  layout: Layout,
  authorities: Authority[],
): { chosen?: AuthorityHit; others: string[] } {
  const all = authorities.map((a) => ({ a, names: authorityVariants(a) }));
  // A name two authorities share (`inlichtingen en opsporingsdienst`) names neither.
  const count = new Map<string, number>();
  for (const { names } of all) for (const n of names) count.set(n, (count.get(n) ?? 0) + 1);
  const variants = all.map(({ a, names }) => ({
    a,
    names: names.filter((n) => count.get(n) === 1),
  }));
  const hits: (AuthorityHit & { rank: number; length: number })[] = [];
  for (const line of layout.lines) {
    if (!/[a-z]{3}/i.test(line.text)) continue;
    const zone = layout.zones[line.index]!;
    if (zone === 'quoted') continue;
    const folded = fold(line.text);
    const found: (AuthorityHit & { rank: number; length: number })[] = [];
    for (const { a, names } of variants) {
      for (const n of names) {
        for (const m of findFolded(folded, n)) {
          const sender = SENDER_ZONES.includes(zone);
          found.push({
            code: a.code,
            authority: a,
            span: {
              page: line.page,
              start: line.start + m.from,
              end: line.start + m.to,
              text: line.text.slice(m.from, m.to),
            },
            reason: sender ? zone : 'first_mention',
            rank: (a.kind === 'intermediary' ? 2 : 0) + (sender ? 0 : 1),
            length: m.to - m.from,
          });
        }
      }
    }
    // Overlapping names in one line (`Eenheid Amsterdam` inside `Politie Eenheid Amsterdam`): the longest.
    found.sort((x, y) => y.length - x.length);
    for (const f of found) {
      if (
        !hits.some(
          (h) =>
            h.span.page === f.span.page && f.span.start < h.span.end && h.span.start < f.span.end,
        )
      ) {
        hits.push(f);
      }
    }
  }
  if (!hits.length) return { others: [] };
  hits.sort((x, y) => x.rank - y.rank || x.span.page - y.span.page || x.span.start - y.span.start);
  const best = hits[0]!;
  const others = [...new Set(hits.map((h) => h.code))].filter(
    (c) => c !== best.code && hits.find((h) => h.code === c)!.authority.kind !== 'intermediary',
  );
  const { rank: _r, length: _l, ...chosen } = best;
  return { chosen, others };
}
