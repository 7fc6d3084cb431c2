import { Empty } from '../schemas/common';
import {
  StatsExportInput,
  StatsExportOutput,
  StatsReportInput,
  StatsReportOutput,
  StatsYearInput,
  StatsYearsOutput,
  YearStats,
} from '../schemas/stats';
import { spec } from './spec';

/** Yearly statistics and the transparency report (see electron/api/handlers/stats.ts). */
export const statsContract = {
  /** Which years have requests, the current year and the suppression threshold. */
  'stats.years': spec(Empty, StatsYearsOutput, 'stats.read'),
  /** Every figure of a year, exact (the desk's own view; never suppressed). */
  'stats.year': spec(StatsYearInput, YearStats, 'stats.read'),
  /** The figures as a JSON or CSV file; published (suppressed) unless asked otherwise. Audited. */
  'stats.export': spec(StatsExportInput, StatsExportOutput, 'stats.read'),
  /** The transparency report of a year as an A4 PDF (published figures). Audited. */
  'stats.report': spec(StatsReportInput, StatsReportOutput, 'stats.read'),
};
