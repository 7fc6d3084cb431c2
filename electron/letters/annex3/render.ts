import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import {
  ANNEX3_LETTER,
  ANNEX3_REASONS,
  type Annex3Language,
  type Annex3Outcome,
  type Annex3Reason,
} from '../../../shared/schemas/annex3';
import type { EpocAuthority } from '../../../shared/schemas/epoc';
import type { Letterhead } from '../model';
import { CONTENT_WIDTH, PAGE, PdfWriter, type PageOps } from '../pdf';
import { ANNEX3_TEXTS, type Annex3Texts } from './texts';

/** The Annex III form as plain data: everything render prints, nothing it has to look up. */
export interface Annex3Model {
  language: Annex3Language;
  registerNo: string;
  /** The moment of issue (ISO instant): the date on the form and the PDF creation date. */
  issuedAt: string;
  timeZone: string;
  outcome: Annex3Outcome;
  reasons: Annex3Reason[];
  explanation: string | null;
  clarification: string | null;
  preserved: boolean;
  addressee: string;
  issuingState: string;
  issuingAuthority: EpocAuthority;
  validatingAuthority: EpocAuthority | null;
  noValidationReason: 'not_required' | 'emergency_pending_validation' | null;
  /** The date of issue the certificate gives (YYYY-MM-DD), or null. */
  issuedOn: string | null;
  receivedAt: string;
  provider: Omit<Letterhead, 'logo'>;
  contact: { name: string; function: string };
  chainHead: { seq: number; hash: string };
}

export interface RenderedForm {
  pdf: Buffer;
  sha256: string;
  pageCount: number;
  pages: PageOps[];
}

const GREY = '#555555';
const TICKED = '☒';
/** The label–value tables: small type and little padding, so the form fits one page. */
const PAIR_SIZE = 8.5;
const PAIR_PAD = 2;
const UNTICKED = '☐';

/**
 * Lays out the Annex III form on A4, section by section as the Regulation's annex has them, with
 * every reason (a) … (g) printed and the applicable ones ticked. Deterministic: the same model
 * gives the same bytes.
 */
export async function renderAnnex3(m: Annex3Model): Promise<RenderedForm> {
  const t = ANNEX3_TEXTS[m.language];
  const day = (iso: string) =>
    DateTime.fromISO(iso, { zone: m.timeZone }).setLocale(t.locale).toFormat(t.dateFormat);
  const moment = (iso: string) =>
    DateTime.fromISO(iso, { zone: m.timeZone })
      .setLocale(t.locale)
      .toFormat(`${t.dateFormat}, HH:mm (ZZZZ)`);
  const w = new PdfWriter({
    title: `${t.annex} — ${m.registerNo}`,
    author: m.provider.orgName,
    subject: t.title,
    issuedAt: new Date(m.issuedAt),
    language: m.language,
  });

  // The Regulation beside the annex's number, not under it: the form has to fit one page in
  // German too, whose labels wrap more than the Dutch and English ones.
  w.drawTextRight(t.regulation, PAGE.width - PAGE.right, w.y + 5, { size: 9, color: GREY });
  w.paragraph(t.annex, { font: 'bold', size: 15, gapAfter: 2 });
  w.paragraph(t.title, { font: 'bold', size: 10, gapAfter: 4 });
  w.paragraph(t.intro, { size: 8.5, gapAfter: 4 });

  const section = (title: string) => {
    w.spacer(1);
    w.paragraph(title, { font: 'bold', size: 10, gapAfter: 2, keepWithNext: 40 });
  };
  const pairs = (rows: [string, string][]) =>
    w.table({
      columns: [
        { header: '', share: 9, font: 'bold' },
        { header: '', share: 11 },
      ],
      rows,
      header: false,
      size: PAIR_SIZE,
      keepTogether: false,
      padY: PAIR_PAD,
    });

  section(t.sectionA);
  pairs([[t.addressee, m.addressee]]);

  section(t.sectionB);
  const authority = (a: EpocAuthority) => `${a.name} (${t.functions[a.function]})`;
  const v = m.validatingAuthority;
  pairs([
    [t.issuingState, m.issuingState],
    [t.issuingAuthority, authority(m.issuingAuthority)],
    [t.issuingReference, m.issuingAuthority.fileReference],
    [
      t.validatingAuthority,
      v ? authority(v) : m.noValidationReason ? t.noValidation[m.noValidationReason] : '–',
    ],
    [t.validatingReference, v ? v.fileReference : '–'],
    [t.dateOfIssue, m.issuedOn ? day(`${m.issuedOn}T12:00:00Z`) : t.notGiven],
    [t.dateOfReceipt, moment(m.receivedAt)],
    [t.ourReference, m.registerNo],
  ]);

  section(t.sectionC);
  pairs([[t.status, t.statusOf[m.outcome]]]);
  w.spacer(2);
  w.paragraph(t.reasonsIntro, { size: 8.5, gapAfter: 3 });
  const ticked = new Set(m.reasons);
  for (const r of ANNEX3_REASONS) {
    const size = 8.5;
    const lh = w.lineHeight(size);
    const label = `(${ANNEX3_LETTER[r]}) ${t.reasons[r]}`;
    w.ensure(lh);
    w.drawText(ticked.has(r) ? TICKED : UNTICKED, PAGE.left + 4, w.y, {
      size: 10,
      font: ticked.has(r) ? 'bold' : 'regular',
    });
    w.paragraph(label, {
      size,
      indent: 22,
      width: CONTENT_WIDTH - 22,
      font: ticked.has(r) ? 'bold' : 'regular',
      gapAfter: 0.5,
    });
  }
  w.spacer(2);
  const note = (label: string, text: string) => {
    w.paragraph(label, { font: 'bold', size: 8.5, gapAfter: 0.5, keepWithNext: 12 });
    w.paragraph(text, { size: 8.5, gapAfter: 2 });
  };
  note(t.explanation, m.explanation ?? '–');
  note(t.clarification, m.clarification ?? t.clarificationNone);
  note(t.preservation, m.preserved ? t.preservedYes : t.preservedNo);

  section(t.sectionD);
  const p = m.provider;
  const address = [p.address, [p.postcode, p.city].filter(Boolean).join('  ')]
    .filter((x) => x && x.trim() !== '')
    .join(', ');
  pairs([
    [t.provider, p.orgName],
    ...(address ? [[t.address, address] as [string, string]] : []),
    ...(p.email ? [[t.email, p.email] as [string, string]] : []),
    ...(p.phone ? [[t.phone, p.phone] as [string, string]] : []),
    ...(p.kvk ? [[t.kvk, p.kvk] as [string, string]] : []),
    [t.contactPerson, `${m.contact.name}, ${m.contact.function}`],
    [t.date, day(m.issuedAt)],
  ]);

  const issued = moment(m.issuedAt);
  const { pdf, pages } = await w.finish({
    header: (pg, n) => `${p.orgName} · ${t.refLine(m.registerNo)} · ${t.page(pg, n)}`,
    footer: (pg, n) => [
      `${t.annex} · ${p.orgName} · ${t.refLine(m.registerNo)} · ${t.page(pg, n)}`,
      t.chainLine(m.chainHead.seq, m.chainHead.hash, issued),
    ],
  });
  return {
    pdf,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    pageCount: pages.length,
    pages,
  };
}

export type { Annex3Texts };
