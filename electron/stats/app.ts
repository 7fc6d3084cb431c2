import { exportStats, saveTransparencyReport } from './files';
import { suppressionThreshold } from './threshold';
import { registerYears } from './facts';
import { currentYear, registerYearStats } from './year-stats';
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

  'stats.export': (input, ctx) => exportStats(ctx, input),
  'stats.report': (input, ctx) => saveTransparencyReport(ctx, input),
};
