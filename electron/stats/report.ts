import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import {
  EPOC_STATS_CATEGORIES,
  IDENTIFIER_KINDS,
  OUTCOMES,
  STATS_URGENCIES,
  type PublishedCount,
} from '../../shared/schemas/stats';
import type { ChainHead } from '../../shared/schemas/audit';
import { PAGE, PdfWriter, type PageOps } from '../letters/pdf';
import { REPORT_TEXTS, type ReportTexts } from './report-texts';
import type { PublishedYearStats } from './suppress';

export interface ReportInput {
  stats: PublishedYearStats;
  /** Counts below this are shown as "< n" in `stats` (0 or 1: not suppressed). */
  threshold: number;
  orgName: string;
  chainHead: ChainHead;
  /** The moment of issue (the PDF's creation date). */
  issuedAt: Date;
  language: 'nl' | 'en';
}

export interface RenderedReport {
  pdf: Buffer;
  sha256: string;
  pageCount: number;
  pages: PageOps[];
}

const cell = (v: PublishedCount): string => String(v);

/**
 * The transparency report of one year as an A4 PDF, through the letters' PDF helpers (embedded
 * fonts, tables, running footer with page numbers and the audit chain head). Only published
 * (suppressed) figures go in; the report has no personal data because the figures have none.
 */
export async function renderTransparencyReport(input: ReportInput): Promise<RenderedReport> {
  const t = REPORT_TEXTS[input.language];
  const s = input.stats;
  const zone = s.timeZone;
  const local = (iso: string) =>
    DateTime.fromISO(iso, { zone }).setLocale(t.locale).toFormat('d MMMM yyyy HH:mm');
  const day = (iso: string) =>
    DateTime.fromISO(iso, { zone }).setLocale(t.locale).toFormat('d MMMM yyyy');
  const hours = (v: number | null) =>
    v === null ? '–' : new Intl.NumberFormat(t.locale, { maximumFractionDigits: 1 }).format(v);

  const w = new PdfWriter({
    title: `${t.title(s.year)} — ${input.orgName}`,
    author: input.orgName,
    subject: t.title(s.year),
    issuedAt: input.issuedAt,
    language: input.language,
  });

  w.paragraph(t.title(s.year), { font: 'bold', size: 20, gapAfter: 4 });
  w.paragraph(input.orgName, { size: 12, gapAfter: 10 });
  w.paragraph(t.intro(s.year, zone));
  w.paragraph(t.asOf(local(s.asOf)));
  w.paragraph(input.threshold > 1 ? t.suppression(input.threshold) : t.noSuppression);
  w.paragraph(t.noPersonalData, { gapAfter: 12 });

  /** A section heading kept on the page of the table under it (`rows` rows, with header). */
  const heading = (text: string, rows = 3) => {
    const table = (rows + 1) * (w.lineHeight(9) + 8);
    const room = w.bottom - PAGE.top;
    w.ensure(w.lineHeight(12.5) + 4 + (table <= room / 2 ? table : 3 * (w.lineHeight(9) + 8)));
    w.paragraph(text, { font: 'bold', size: 12.5, gapAfter: 4 });
  };
  const countTable = (label: string, rows: [string, PublishedCount | string][]) => {
    w.table({
      columns: [
        { header: label, share: 4 },
        { header: t.number, share: 1 },
      ],
      rows: rows.map(([k, v]) => [k, cell(v as PublishedCount)]),
    });
  };

  heading(t.headline, 13);
  countTable(t.figure, [
    [t.requests, s.requests],
    [t.items, s.items],
    [t.subscribersAffected, s.subscribersAffected],
    [t.failedVerification, s.failedVerification],
    [t.handlingMedian, hours(s.handlingHours.median)],
    [t.handlingP90, hours(s.handlingHours.p90)],
    [t.decisionMedian, hours(s.decisionHours.median)],
    [t.deadlinesMet, s.deadlines.met],
    [t.deadlinesMissed, s.deadlines.missed],
    [t.deadlinesOpen, s.deadlines.open],
    [t.emergenciesTotal, s.emergencies.total],
    [t.emergenciesWithin, s.emergencies.within8h],
    [t.emergenciesLate, s.emergencies.late],
  ]);

  heading(t.byOutcome, OUTCOMES.length);
  countTable(
    t.byOutcome,
    OUTCOMES.map((o) => [t.outcome[o], s.byOutcome[o]]),
  );

  const labelled = (counts: Record<string, PublishedCount>, labels: Record<string, string>) =>
    Object.entries(counts).map(([code, n]): [string, PublishedCount] => [labels[code] ?? code, n]);
  heading(t.byLegalBasis, Object.keys(s.byLegalBasis).length);
  if (Object.keys(s.byLegalBasis).length === 0) w.paragraph(t.none);
  else countTable(t.byLegalBasis, labelled(s.byLegalBasis, s.labels.legalBasis));
  heading(t.byAuthority, Object.keys(s.byAuthority).length);
  if (Object.keys(s.byAuthority).length === 0) w.paragraph(t.none);
  else countTable(t.byAuthority, labelled(s.byAuthority, s.labels.authority));

  heading(t.byIdentifierKind, IDENTIFIER_KINDS.length);
  countTable(
    t.byIdentifierKind,
    IDENTIFIER_KINDS.map((k) => [t.kind[k], s.byIdentifierKind[k]]),
  );
  heading(t.byUrgency, STATS_URGENCIES.length);
  countTable(
    t.byUrgency,
    STATS_URGENCIES.map((u) => [t.urgency[u], s.byUrgency[u]]),
  );
  heading(t.byMonth, 12);
  countTable(
    t.byMonth,
    s.byMonth.map((n, i) => [`${t.months[i]} ${s.year}`, n]),
  );

  const reasons = Object.entries(s.refusalsByReason);
  heading(t.refusals, reasons.length);
  if (reasons.length === 0) w.paragraph(t.none);
  else
    countTable(
      t.refusals,
      reasons.map(([code, n]) => [t.reason(code), n]),
    );

  epocSection(w, t, s, heading, countTable, hours);

  const current = DateTime.fromISO(s.asOf, { zone }).year === s.year;
  if (current) {
    heading(t.soFar(day(s.soFar.until)), OUTCOMES.length + 3);
    w.table({
      columns: [
        { header: t.figure, share: 3 },
        { header: String(s.year), share: 1 },
        { header: t.previousYear(s.year - 1), share: 1.4 },
      ],
      rows: [
        [t.requests, cell(s.soFar.current.requests), cell(s.soFar.previous.requests)],
        [t.items, cell(s.soFar.current.items), cell(s.soFar.previous.items)],
        ...OUTCOMES.map((o) => [
          t.outcome[o],
          cell(s.soFar.current.byOutcome[o]),
          cell(s.soFar.previous.byOutcome[o]),
        ]),
        [
          t.subscribersAffected,
          cell(s.soFar.current.subscribersAffected),
          cell(s.soFar.previous.subscribersAffected),
        ],
      ],
    });
  }

  heading(t.lastFiveYears, OUTCOMES.length + 3);
  w.table({
    columns: [
      { header: t.figure, share: 3 },
      ...s.lastFiveYears.map((y) => ({ header: String(y.year), share: 1 })),
    ],
    rows: [
      [t.requests, ...s.lastFiveYears.map((y) => cell(y.requests))],
      [t.items, ...s.lastFiveYears.map((y) => cell(y.items))],
      ...OUTCOMES.map((o) => [t.outcome[o], ...s.lastFiveYears.map((y) => cell(y.byOutcome[o]))]),
      [t.subscribersAffected, ...s.lastFiveYears.map((y) => cell(y.subscribersAffected))],
    ],
  });

  const issued = local(input.issuedAt.toISOString());
  const { pdf, pages } = await w.finish({
    header: (p, n) => footerLine(t, input.orgName, s.year, p, n),
    footer: (p, n) => [
      footerLine(t, input.orgName, s.year, p, n),
      t.issuedLine(issued),
      t.chainLine(input.chainHead.seq, input.chainHead.hash),
    ],
  });
  return {
    pdf,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    pageCount: pages.length,
    pages,
  };
}

/** European Production Orders as Art. 28 counts them; a line saying none when there were none. */
function epocSection(
  w: PdfWriter,
  t: ReportTexts,
  s: PublishedYearStats,
  heading: (text: string, rows?: number) => void,
  countTable: (label: string, rows: [string, PublishedCount | string][]) => void,
  hours: (v: number | null) => string,
): void {
  const e = s.epoc;
  const te = t.epoc;
  heading(te.heading, 10);
  w.paragraph(te.intro);
  if (e.orders === 0) {
    w.paragraph(t.none);
    return;
  }
  countTable(t.figure, [
    [te.orders, e.orders],
    [te.emergency, e.byUrgency.emergency],
    [te.normal, e.byUrgency.normal],
    [te.complied, e.compliance.complied],
    [te.notComplied, e.compliance.notComplied],
    [te.open, e.compliance.open],
    [te.receiptToAnswer, hours(e.receiptToAnswerHours.average)],
    [te.issueToAnswer, hours(e.issueToAnswerHours.average)],
  ]);
  const states = Object.entries(e.byIssuingState);
  heading(te.byState, states.length);
  countTable(te.state, states);
  heading(te.byCategory, EPOC_STATS_CATEGORIES.length);
  countTable(
    te.byCategory,
    EPOC_STATS_CATEGORIES.map((c) => [te.category[c], e.byCategory[c]]),
  );
  const reasons = Object.entries(e.notCompliedByReason);
  heading(te.reasons, reasons.length);
  if (reasons.length === 0) w.paragraph(t.none);
  else
    countTable(
      te.reasons,
      reasons.map(([code, n]) => [te.reason[code] ?? code, n]),
    );
}

const footerLine = (t: ReportTexts, org: string, year: number, p: number, n: number) =>
  t.footer(org, year, p, n);
