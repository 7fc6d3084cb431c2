import { createHash } from 'node:crypto';
import { LETTER_FIELDS, type LetterField, type LetterItem, type LetterModel } from './model';
import { CONTENT_WIDTH, PAGE, PdfWriter, type PageOps, type TableSpec } from './pdf';
import { svgLogoToOps } from './svg-logo';
import { LETTER_TEXTS, formatDate, formatMoment, type LetterTexts } from './texts';

export interface RenderedLetter {
  pdf: Buffer;
  sha256: string;
  pageCount: number;
  /** The same layout as drawing operations, for page images in the app (svg.ts). */
  pages: PageOps[];
}

const GREY = '#555555';
const ACCENT = '#8a1c1c';

/**
 * Lays out a letter (disclosure, no data, refusal) on A4 and returns the PDF bytes. Deterministic:
 * the same model gives the same bytes (and SHA-256).
 */
export async function renderLetter(model: LetterModel): Promise<RenderedLetter> {
  const t = LETTER_TEXTS[model.language];
  const title = t.title[model.kind];
  const lh = model.letterhead;
  const w = new PdfWriter({
    title: `${title} — ${model.registerNo}`,
    author: lh.orgName,
    subject: title,
    issuedAt: new Date(model.issuedAt),
    language: model.language,
  });

  letterheadBlock(w, model, t);
  addressAndReferences(w, model, t, title);
  body(w, model, t);
  signature(w, model, t);

  const issued = formatMoment(t, model.issuedAt, model.timeZone);
  const { pdf, pages } = await w.finish({
    header: (p, n) => `${lh.orgName} · ${t.refLine(model.registerNo)} · ${t.page(p, n)}`,
    footer: (p, n) => [
      `${t.confidential} · ${lh.orgName} · ${t.refLine(model.registerNo)} · ${t.page(p, n)}`,
      t.chainLine(model.chainHead.seq, model.chainHead.hash, issued),
    ],
  });
  return {
    pdf,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    pageCount: pages.length,
    pages,
  };
}

function letterheadBlock(w: PdfWriter, model: LetterModel, t: LetterTexts): void {
  const lh = model.letterhead;
  const right = PAGE.width - PAGE.right;
  let logoDrawn = false;
  if (lh.logo) {
    try {
      if (lh.logo.mime === 'image/svg+xml') {
        logoDrawn = svgLogoToOps(w, lh.logo.bytes, PAGE.left, PAGE.top, 170, 56);
      } else {
        w.drawImage(lh.logo.bytes, lh.logo.mime, PAGE.left, PAGE.top, 170, 56);
        logoDrawn = true;
      }
    } catch {
      logoDrawn = false; // an unreadable logo never stops a letter: the name is printed instead
    }
  }
  if (!logoDrawn) {
    const lines = w.wrap(lh.orgName, 250, 'bold', 15);
    lines
      .slice(0, 3)
      .forEach((l, i) => w.drawText(l, PAGE.left, PAGE.top + i * 19, { font: 'bold', size: 15 }));
  }
  const block = [
    lh.address,
    [lh.postcode, lh.city].filter(Boolean).join('  ') || null,
    lh.email,
    lh.phone,
    lh.kvk ? `${t.kvk} ${lh.kvk}` : null,
  ].filter((x): x is string => !!x);
  let y = PAGE.top;
  // The name heads the contact block on the right; alone (no logo, no contact details) it would
  // only repeat the name printed large on the left.
  const nameOnRight = logoDrawn || block.length > 0;
  for (const l of nameOnRight ? w.wrap(lh.orgName, 200, 'bold', 8.5) : []) {
    w.drawTextRight(l, right, y, { font: 'bold', size: 8.5 });
    y += 11.5;
  }
  for (const item of block) {
    for (const l of w.wrap(item, 200, 'regular', 8.5)) {
      w.drawTextRight(l, right, y, { size: 8.5, color: GREY });
      y += 11.5;
    }
  }
  w.y = Math.max(y, PAGE.top + 70) + 10;
}

function addressAndReferences(
  w: PdfWriter,
  model: LetterModel,
  t: LetterTexts,
  title: string,
): void {
  // The address sits where a Dutch window envelope shows it (≈ 50 mm from the top).
  w.y = Math.max(w.y, 135);
  w.paragraph(t.confidential, { font: 'bold', size: 8.5, color: ACCENT, gapAfter: 2 });
  w.paragraph(model.recipient.authorityName, { font: 'bold', width: 280, gapAfter: 0 });
  w.paragraph(t.attn(model.recipient.officialName, model.recipient.officialFunction), {
    width: 280,
    gapAfter: 18,
  });

  const refs: [string, string][] = [
    [t.ourRef, model.registerNo],
    [t.yourRef, model.request.caseReference ?? t.noRef],
    [t.date, formatDate(t, model.issuedAt, model.timeZone)],
    [t.subject, title],
  ];
  const labelW = 95;
  for (const [label, value] of refs) {
    const lines = w.wrap(value, CONTENT_WIDTH - labelW, 'regular', 9.5);
    w.ensure(lines.length * w.lineHeight(9.5));
    w.drawText(label, PAGE.left, w.y, { font: 'bold', size: 9.5 });
    for (const l of lines) {
      w.drawText(l, PAGE.left + labelW, w.y, { size: 9.5 });
      w.y += w.lineHeight(9.5);
    }
  }
  w.spacer(12);
  w.paragraph(title, { font: 'bold', size: 13, gapAfter: 8 });
}

function itemHeading(t: LetterTexts, item: LetterItem): string {
  const moment = (utc: string | null, given: string) =>
    utc ? formatMoment(t, utc, item.timeZone) : t.momentUnresolved(given, item.timeZone);
  const at = item.periodTo
    ? t.periodLine(moment(item.utc, item.moment), moment(item.periodTo.utc, item.periodTo.moment))
    : moment(item.utc, item.moment);
  return `${item.index}. ${t.itemLine({ kind: t.itemKind[item.kind], value: item.value, port: item.port, at })}`;
}

function body(w: PdfWriter, model: LetterModel, t: LetterTexts): void {
  w.paragraph(t.salutation, { gapAfter: 6 });
  w.paragraph(
    t.intro({
      received: formatDate(t, model.request.receivedAt, model.timeZone),
      article: model.request.legalBasisArticle,
      basisName: model.request.legalBasisName,
    }),
    { gapAfter: 4 },
  );
  w.paragraph(t.lead[model.kind], { gapAfter: 10 });

  if (model.kind === 'refusal') {
    w.paragraph(t.reasonsHeading, { font: 'bold', size: 11, keepWithNext: 14 });
    for (const r of model.reasons) w.bullet(r);
    w.spacer(6);
    w.paragraph(t.refusalNext, { gapAfter: 10 });
  }

  w.paragraph(t.itemsHeading[model.kind], { font: 'bold', size: 11, keepWithNext: 30 });
  for (const item of model.items) {
    const heading = itemHeading(t, item);
    const headingStyle = { font: 'bold', size: 9.5, gapAfter: 2 } as const;
    if (model.kind === 'refusal') {
      w.paragraph(heading, { ...headingStyle, keepWithNext: 28 });
      w.spacer(4);
      continue;
    }
    const disclosed = item.outcome === 'disclosed' && item.subscribers.length > 0;
    const shown = disclosed ? 'disclosed' : item.outcome === 'disclosed' ? 'no_data' : item.outcome;
    const outcome = (item.periodTo && t.periodOutcome[shown]) || t.outcome[shown];
    const outcomeStyle = { indent: 14, size: 9.5, gapAfter: disclosed ? 3 : 8 } as const;
    const tables = disclosed
      ? item.subscribers.map((s, i) => subscriberTable(t, item, s, i, item.subscribers.length))
      : [];
    // The item's heading, its outcome line and the start of its first table go on one page: a
    // heading never ends a page with its table on the next.
    w.ensure(
      paragraphHeight(w, heading, headingStyle) +
        paragraphHeight(w, outcome, outcomeStyle) +
        (tables[0] ? w.tableStart(tables[0]) : 0),
    );
    w.paragraph(heading, headingStyle);
    w.paragraph(outcome, outcomeStyle);
    for (const table of tables) w.table(table);
    if (disclosed) w.spacer(4);
  }

  if (model.kind !== 'refusal' && model.reasons.length > 0) {
    w.paragraph(t.remarksHeading, { font: 'bold', size: 11, keepWithNext: 14 });
    for (const r of model.reasons) w.bullet(r);
    w.spacer(6);
  }
  if (model.kind === 'disclosure') w.paragraph(t.minimal, { gapAfter: 8 });
  w.rule(4);
  w.paragraph(t.confidentiality, { size: 9, gapAfter: 8 });
  // The contact line, the closing and the signature stay together on one page.
  const contact = t.contact({
    registerNo: model.registerNo,
    email: model.letterhead.email,
    phone: model.letterhead.phone,
  });
  w.ensure(paragraphHeight(w, contact, { size: 10, gapAfter: 14 }) + signatureHeight(w, model, t));
  w.paragraph(contact, { gapAfter: 14 });
}

/**
 * The height of the closing, the room to sign, the name block and the four-eyes line, measured
 * as signature() writes them, so none of it is left alone at the top of a last page.
 */
function signatureHeight(w: PdfWriter, model: LetterModel, t: LetterTexts): number {
  const line = (text: string, gapAfter: number, size = 10) =>
    paragraphHeight(w, text, { size, gapAfter });
  return (
    line(t.closing, 30) +
    line(model.signatory.name, 0) +
    line(model.signatory.function, 0) +
    line(model.letterhead.orgName, 10) +
    (model.approver ? line(t.approvedBy(model.approver.name, model.approver.function), 0, 8.5) : 0)
  );
}

function paragraphHeight(
  w: PdfWriter,
  text: string,
  style: { font?: 'regular' | 'bold'; size: number; indent?: number; gapAfter: number },
): number {
  const lines = w.wrap(
    text,
    CONTENT_WIDTH - (style.indent ?? 0),
    style.font ?? 'regular',
    style.size,
  );
  return lines.length * w.lineHeight(style.size) + style.gapAfter;
}

/** One subscriber's disclosed data; the identifier's row is labelled by its kind. */
function subscriberTable(
  t: LetterTexts,
  item: LetterItem,
  s: LetterItem['subscribers'][number],
  i: number,
  of: number,
): TableSpec {
  const label = (f: LetterField) => (f === 'number' ? t.itemKind[item.kind] : t.fields[f]);
  const value = (f: LetterField, v: string) => (f === 'service_type' ? t.serviceType(v) : v);
  const rows = LETTER_FIELDS.filter((f) => s[f] !== undefined).map((f) => [
    label(f),
    value(f, s[f]!),
  ]);
  // A period item: first the part of the period this holder (with these data) covers.
  const held = item.intervals?.[i];
  if (held) {
    const at = (iso: string) => formatMoment(t, iso, item.timeZone);
    rows.unshift([t.periodRow, t.periodLine(at(held.from), at(held.to))]);
  }
  return {
    indent: 14,
    size: 9.5,
    ...(of > 1 ? { caption: t.subscriber(i + 1, of) } : {}),
    columns: [
      { header: t.fieldColumn, share: 1, font: 'bold' },
      { header: t.valueColumn, share: 3 },
    ],
    rows,
  };
}

function signature(w: PdfWriter, model: LetterModel, t: LetterTexts): void {
  // Keep the closing, room for a signature, the name block and the four-eyes line together.
  w.ensure(signatureHeight(w, model, t));
  w.paragraph(t.closing, { gapAfter: 30 });
  w.paragraph(model.signatory.name, { font: 'bold', gapAfter: 0 });
  w.paragraph(model.signatory.function, { gapAfter: 0 });
  w.paragraph(model.letterhead.orgName, { gapAfter: 10 });
  if (model.approver) {
    w.paragraph(t.approvedBy(model.approver.name, model.approver.function), {
      size: 8.5,
      color: GREY,
    });
  }
}
