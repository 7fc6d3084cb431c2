import { createHash } from 'node:crypto';
import { chainHead } from '../audit/log';
import { pickSavePath } from '../ops/save-target';
import { writeFileAtomic } from '../vault/atomic-file';
import { statsFile } from './export';
import { renderTransparencyReport } from './report';
import { publishedStats } from './suppress';
import { suppressionThreshold } from './threshold';
import { registerYears } from './facts';
import { currentYear, registerYearStats, reportOrgName } from './year-stats';
import type { HandlerMap } from '../core/context';
import type { statsContract } from '../../shared/contract/stats';

type StatsChannels = keyof typeof statsContract;

/**
 * Yearly statistics. The view is exact; exports and the report are the published
 * figures (small counts suppressed) unless an exact export is asked for. Every export and report
 * is audited with the fingerprint of what left the vault.
 */
export const statsHandlers: HandlerMap<StatsChannels> = {
  'stats.years': (_input, ctx) => {
    const now = ctx.now();
    const thisYear = currentYear(now);
    const years = new Set(registerYears(ctx.db));
    years.add(thisYear);
    return {
      years: [...years].sort((a, b) => b - a),
      currentYear: thisYear,
      suppressionThreshold: suppressionThreshold(ctx.db),
    };
  },

  'stats.year': (input, ctx) => registerYearStats(ctx.db, input.year, ctx.now()),

  'stats.export': async (input, ctx) => {
    const suffix = input.published ? '' : '-internal';
    const path =
      input.target === 'dialog'
        ? await pickSavePath(ctx.session, {
            title: 'Save the statistics',
            defaultName: `naw-desk-statistics-${input.year}${suffix}.${input.format}`,
            extensions: [input.format],
          })
        : null;
    return ctx.db.transaction(() => {
      const threshold = suppressionThreshold(ctx.db);
      const stats = registerYearStats(ctx.db, input.year, ctx.now());
      const file = statsFile(stats, input.format, { published: input.published, threshold });
      if (path) writeFileAtomic(path, file.content);
      ctx.audit('stats.exported', `stats:${input.year}`, {
        format: input.format,
        published: input.published,
        suppressionThreshold: input.published ? threshold : null,
        fileName: file.fileName,
        target: input.target,
        sha256: createHash('sha256').update(file.content).digest('hex'),
      });
      return {
        ...file,
        content: path ? null : file.content,
        published: input.published,
        suppressionThreshold: threshold,
      };
    })();
  },

  'stats.report': async (input, ctx) => {
    const fileName = `transparency-report-${input.year}-${input.language}.pdf`;
    const path =
      input.target === 'dialog'
        ? await pickSavePath(ctx.session, {
            title: 'Save the transparency report',
            defaultName: fileName,
            extensions: ['pdf'],
          })
        : null;
    const threshold = suppressionThreshold(ctx.db);
    const now = ctx.now();
    const stats = registerYearStats(ctx.db, input.year, now);
    const head = chainHead(ctx.db);
    const report = await renderTransparencyReport({
      stats: publishedStats(stats, threshold),
      threshold,
      orgName: reportOrgName(ctx.db, ctx.vault.orgName),
      chainHead: head,
      issuedAt: now,
      language: input.language,
    });
    ctx.db.transaction(() => {
      if (path) writeFileAtomic(path, report.pdf);
      ctx.audit('stats.report', `stats:${input.year}`, {
        language: input.language,
        suppressionThreshold: threshold,
        fileName,
        target: input.target,
        pages: report.pageCount,
        chainHead: head.seq,
        sha256: report.sha256,
      });
    })();
    return {
      fileName,
      mime: 'application/pdf' as const,
      base64: path ? null : report.pdf.toString('base64'),
      sha256: report.sha256,
      pages: report.pageCount,
    };
  },
};
