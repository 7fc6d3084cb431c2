import { createHash } from 'node:crypto';
import type { FileTarget } from '../../shared/schemas/files';
import type { StatsExportOutput, StatsReportOutput } from '../../shared/schemas/stats';
import { chainHead } from '../audit/log';
import type { DeskContext } from '../core/context';
import { FileDelivery } from '../core/deliver';
import { organisationName } from '../core/settings';
import { statsFile, type ExportFormat } from './export';
import { renderTransparencyReport } from './report';
import { publishedStats } from './suppress';
import { suppressionThreshold } from './threshold';
import { registerYearStats } from './year-stats';

/**
 * The figures of a year as a JSON or CSV file: published (small counts suppressed) unless an exact
 * export is asked for. Made, audited with its fingerprint and written in one transaction.
 */
export async function exportStats(
  ctx: DeskContext,
  input: { year: number; format: ExportFormat; published: boolean; target: FileTarget },
): Promise<StatsExportOutput> {
  const suffix = input.published ? '' : '-internal';
  const to = await FileDelivery.choose(ctx, input.target, {
    title: 'Save the statistics',
    fileName: `naw-desk-statistics-${input.year}${suffix}.${input.format}`,
    extensions: [input.format],
  });
  const { file, threshold } = to.write(ctx, () => {
    const threshold = suppressionThreshold(ctx.db);
    const stats = registerYearStats(ctx.db, input.year, ctx.now());
    const file = statsFile(stats, input.format, { published: input.published, threshold });
    ctx.audit('stats.exported', `stats:${input.year}`, {
      format: input.format,
      published: input.published,
      suppressionThreshold: input.published ? threshold : null,
      fileName: file.fileName,
      target: to.target,
      sha256: createHash('sha256').update(file.content).digest('hex'),
    });
    return { content: file.content, file, threshold };
  });
  return {
    ...file,
    content: to.inline(file.content),
    published: input.published,
    suppressionThreshold: threshold,
  };
}

/** The transparency report of a year: an A4 PDF of the published figures. Audited. */
export async function saveTransparencyReport(
  ctx: DeskContext,
  input: { year: number; language: 'nl' | 'en'; target: FileTarget },
): Promise<StatsReportOutput> {
  const fileName = `transparency-report-${input.year}-${input.language}.pdf`;
  const to = await FileDelivery.choose(ctx, input.target, {
    title: 'Save the transparency report',
    fileName,
    extensions: ['pdf'],
  });
  const threshold = suppressionThreshold(ctx.db);
  const now = ctx.now();
  const stats = registerYearStats(ctx.db, input.year, now);
  const head = chainHead(ctx.db);
  const report = await renderTransparencyReport({
    stats: publishedStats(stats, threshold),
    threshold,
    orgName: organisationName(ctx.db, ctx.vault.orgName),
    chainHead: head,
    issuedAt: now,
    language: input.language,
  });
  to.write(ctx, () => {
    ctx.audit('stats.report', `stats:${input.year}`, {
      language: input.language,
      suppressionThreshold: threshold,
      fileName,
      target: to.target,
      pages: report.pageCount,
      chainHead: head.seq,
      sha256: report.sha256,
    });
    return { content: report.pdf };
  });
  return {
    fileName,
    mime: 'application/pdf',
    base64: to.inline(report.pdf.toString('base64')),
    sha256: report.sha256,
    pages: report.pageCount,
  };
}
