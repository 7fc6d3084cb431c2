import type { DataCategory } from '../../../shared/schemas/terms';
import type { LegalBasis } from '../../../shared/schemas/catalogue';
import type { Span } from '../text/document';
import type { Layout } from '../text/layout';

/**
 * The legal basis as people write it — `artikel 126na, eerste lid, van het Wetboek van
 * Strafvordering`, `art. 126na lid 1 Sv`, `126n Sv`, `Sv 126na lid 1`, `artikel 56 Wiv 2017`,
 * an EPOC under Regulation (EU) 2023/1543 — resolved to the catalogue by reading each catalogue
 * article the same way. Articles of other laws (Sr, the offence) never match.
 */
export type Law = 'sv' | 'wiv' | 'eu-1543';

export interface ArticleMention {
  law: Law;
  article: string;
  paragraph?: number;
  from: number;
  to: number;
}

const PARAGRAPH_WORDS: Record<string, number> = {
  eerste: 1,
  tweede: 2,
  derde: 3,
  vierde: 4,
  vijfde: 5,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
};

const LAW_WORDS: [Law, RegExp][] = [
  [
    'sv',
    /^(?:sv|wvsv|wetboek van strafvordering|(?:the\s+)?(?:dutch\s+)?code of criminal procedure)\b/i,
  ],
  [
    'wiv',
    /^(?:wiv(?:\s*2017)?|wet op de inlichtingen-? en veiligheidsdiensten(?:\s*2017)?|intelligence and security services act(?:\s*2017)?)\b/i,
  ],
];
const OTHER_LAW =
  /^(?:sr|wvsr|wetboek van strafrecht|tw|telecommunicatiewet|avg|awb|wed|opiumwet|wwm)\b/i;

/** `, eerste lid,` / `lid 1` / `(1)` / `paragraph 2` right after an article number. */
const PARAGRAPH =
  /^\s*(?:,\s*)?(?:(eerste|tweede|derde|vierde|vijfde|first|second|third|fourth)\s+(?:lid|paragraph)|(?:lid|paragraph|para\.?)\s*(\d)|\((\d)\)|(\d)e\s+lid)\s*,?/i;
/** What may stand between the article (and paragraph) and the law: `van het`, `of the`, `,`. */
const LAW_GLUE = /^\s*,?\s*(?:(?:van\s+(?:het|de)|of\s+the|uit\s+het|in)\s+)?/i;

const ARTICLE = /\b(?:artikel|art\.?|article|artt?\.)\s*(\d{1,3}[a-z]{0,4})\b/gi;
const ARTICLE_LAW_AFTER =
  /\b(\d{2,3}[a-z]{1,4})((?:\s*(?:,\s*)?(?:lid\s*\d|\w+\s+lid|\(\d\)))?)\s*,?\s*(Sv|WvSv)\b/g;
const LAW_BEFORE = /\b(Sv|WvSv|Wiv(?:\s*2017)?)\s*(?:art(?:ikel)?\.?\s*)?(\d{2,3}[a-z]{0,4})\b/gi;
const EPOC =
  /(?:regulation|verordening|reg\.)\s*\(eu\)\s*(?:nr\.?\s*|no\.?\s*)?2023\/1543|\bEPOC\b|european production order|europees verstrekkingsbevel/gi;

function paragraphAt(text: string): { n: number; length: number } | null {
  const m = PARAGRAPH.exec(text);
  if (!m) return null;
  const n = m[1] ? PARAGRAPH_WORDS[m[1].toLowerCase()]! : Number(m[2] ?? m[3] ?? m[4]);
  return { n, length: m[0].length };
}

/** Every article mention of the Sv, the Wiv 2017 or the EPOC regulation in `text`. */
export function findArticles(text: string): ArticleMention[] {
  const out: ArticleMention[] = [];
  const add = (m: ArticleMention) => {
    if (!out.some((o) => m.from < o.to && o.from < m.to)) out.push(m);
  };
  LAW_BEFORE.lastIndex = 0;
  for (let m = LAW_BEFORE.exec(text); m; m = LAW_BEFORE.exec(text)) {
    const law: Law = /^wiv/i.test(m[1]!) ? 'wiv' : 'sv';
    const end = m.index + m[0].length;
    const p = paragraphAt(text.slice(end));
    const mention: ArticleMention = {
      law,
      article: m[2]!.toLowerCase(),
      from: m.index,
      to: end + (p?.length ?? 0),
    };
    if (p) mention.paragraph = p.n;
    add(mention);
  }
  ARTICLE_LAW_AFTER.lastIndex = 0;
  for (let m = ARTICLE_LAW_AFTER.exec(text); m; m = ARTICLE_LAW_AFTER.exec(text)) {
    if (/(?:artikel|art\.?|article)\s*$/i.test(text.slice(Math.max(0, m.index - 10), m.index)))
      continue;
    const p = m[2] ? paragraphAt(m[2]) : null;
    const mention: ArticleMention = {
      law: 'sv',
      article: m[1]!.toLowerCase(),
      from: m.index,
      to: m.index + m[0].length,
    };
    if (p) mention.paragraph = p.n;
    add(mention);
  }
  ARTICLE.lastIndex = 0;
  for (let m = ARTICLE.exec(text); m; m = ARTICLE.exec(text)) {
    let end = m.index + m[0].length;
    const p = paragraphAt(text.slice(end));
    if (p) end += p.length;
    const glue = LAW_GLUE.exec(text.slice(end))!;
    const rest = text.slice(end + glue[0].length);
    if (OTHER_LAW.test(rest)) continue;
    let law: Law | undefined;
    for (const [l, re] of LAW_WORDS) {
      const w = re.exec(rest);
      if (w) {
        law = l;
        end += glue[0].length + w[0].length;
        break;
      }
    }
    // An article of the 126 series without a law named is the Sv's.
    if (!law && /^126[a-z]{1,3}$/i.test(m[1]!)) law = 'sv';
    if (!law) continue;
    const mention: ArticleMention = { law, article: m[1]!.toLowerCase(), from: m.index, to: end };
    if (p) mention.paragraph = p.n;
    add(mention);
  }
  EPOC.lastIndex = 0;
  for (let m = EPOC.exec(text); m; m = EPOC.exec(text)) {
    add({ law: 'eu-1543', article: '2023/1543', from: m.index, to: m.index + m[0].length });
  }
  return out.sort((a, b) => a.from - b.from);
}

/** Words before a mention that make it the basis of this request. */
export const BASIS_CONTEXT =
  /(?:op grond van|ingevolge|krachtens|bevoegdheid|vordering\s+(?:ex|o\.g\.v\.|op grond van)|\bex\b|grondslag|legal basis|on the basis of|pursuant to|under|in accordance with|conform|title|titel)\s*(?:de|het|the)?\s*:?\s*$/i;

/** `geen vordering ex 126n Sv`, `not under article …`: the article is named to rule it out. */
const NEGATED = /\b(?:geen|niet|not|no)\b[^.;]{0,30}$/i;

export interface BasisChoice {
  basis: LegalBasis;
  span: Span;
  reason: string;
  /** The paragraph was not stated; the catalogue's first was taken. */
  assumed: boolean;
}

/** The catalogue bases an article mention can be. */
function candidatesFor(m: ArticleMention, bases: LegalBasis[]): LegalBasis[] {
  return bases.filter((b) => {
    const parsed = findArticles(b.article)[0];
    return parsed && parsed.law === m.law && parsed.article === m.article;
  });
}

const NON_NAW: DataCategory[] = ['traffic', 'location', 'content', 'identifying', 'sensitive'];

export function findLegalBasis(
  layout: Layout,
  bases: LegalBasis[],
  categories: DataCategory[],
): { chosen?: BasisChoice; others: string[]; unknown: Span[] } {
  const choices: (BasisChoice & { context: boolean })[] = [];
  const unknown: Span[] = [];
  for (const line of layout.lines) {
    if (layout.zones[line.index] === 'quoted') continue;
    for (const m of findArticles(line.text)) {
      const s: Span = {
        page: line.page,
        start: line.start + m.from,
        end: line.start + m.to,
        text: line.text.slice(m.from, m.to),
      };
      const before = line.text.slice(0, m.from);
      if (NEGATED.test(before)) continue;
      const context = BASIS_CONTEXT.test(before);
      let cands = candidatesFor(m, bases);
      let reason = 'article_named';
      let assumed = false;
      if (m.law === 'eu-1543' && cands.length > 1) {
        const wantsMore = categories.some((c) => NON_NAW.includes(c));
        cands = cands.filter((b) => b.categories.some((c) => NON_NAW.includes(c)) === wantsMore);
        reason = 'epoc_by_categories';
      } else if (cands.length > 1) {
        const withParagraph = cands.filter(
          (b) => findArticles(b.article)[0]?.paragraph === m.paragraph,
        );
        if (m.paragraph !== undefined) cands = withParagraph;
        else {
          cands = [...cands].sort(
            (a, b) =>
              (findArticles(a.article)[0]?.paragraph ?? 0) -
              (findArticles(b.article)[0]?.paragraph ?? 0),
          );
          reason = 'paragraph_not_stated';
          assumed = true;
        }
      } else if (cands.length === 1 && m.paragraph !== undefined) {
        const p = findArticles(cands[0]!.article)[0]?.paragraph;
        if (p !== undefined && p !== m.paragraph) cands = [];
      }
      if (!cands.length) {
        if (context || m.law !== 'sv' || /^126/.test(m.article)) unknown.push(s);
        continue;
      }
      choices.push({
        basis: cands[0]!,
        span: s,
        reason: context ? `${reason}_in_basis_context` : reason,
        assumed,
        context,
      });
    }
  }
  if (!choices.length) return { others: [], unknown };
  const best = choices.find((c) => c.context) ?? choices[0]!;
  const others = [...new Set(choices.map((c) => c.basis.code))].filter(
    (c) => c !== best.basis.code,
  );
  const { context: _c, ...chosen } = best;
  return { chosen, others, unknown };
}
