import { z } from 'zod';
import { FileTarget } from './files';

/**
 * Yearly statistics and the transparency report. Every figure is a count or a duration:
 * no names, numbers, addresses or case references ever cross this boundary.
 *
 * A request belongs to the calendar year (and month) in which it was received, in the vault's time
 * zone (Europe/Amsterdam): 2025-12-31T23:30:00Z is 2026-01-01 00:30 there, so it counts for 2026.
 */

export const STATS_TIME_ZONE = 'Europe/Amsterdam';

/** What became of a request. `open` = no final decision yet. */
export const OUTCOMES = [
  'disclosed',
  'partly_disclosed',
  'no_data',
  'refused',
  'referred',
  'open',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Kinds of identifier asked about; an IPv4 address with a port (CGNAT) is its own kind. */
export const IDENTIFIER_KINDS = ['phone', 'ipv4', 'ipv6', 'ipv4_port'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export const STATS_URGENCIES = ['emergency', 'urgent', 'normal'] as const;
export type StatsUrgency = (typeof STATS_URGENCIES)[number];

/** An emergency request must be answered within this many hours. */
export const EMERGENCY_HOURS = 8;

const count = z.number().int().min(0);
const counts = <K extends readonly [string, ...string[]]>(keys: K) =>
  z.object(Object.fromEntries(keys.map((k) => [k, count])) as { [P in K[number]]: typeof count });

export const HoursSummary = z.object({
  /** Hours, rounded to 0.01; null when no request in the year got that far. */
  median: z.number().nullable(),
  p90: z.number().nullable(),
  /** How many requests the figures are over. */
  count,
});
export type HoursSummary = z.infer<typeof HoursSummary>;

export const OutcomeCounts = counts(OUTCOMES);
export type OutcomeCounts = z.infer<typeof OutcomeCounts>;

export const PeriodSummary = z.object({
  requests: count,
  items: count,
  byOutcome: OutcomeCounts,
  subscribersAffected: count,
});
export type PeriodSummary = z.infer<typeof PeriodSummary>;

export const AverageHours = z.object({
  /** Hours, rounded to 0.01; null when no order in the year got that far. */
  average: z.number().nullable(),
  count,
});
export type AverageHours = z.infer<typeof AverageHours>;

/** The kinds of data an EPOC orders, as Art. 28 counts them (traffic and content are referred). */
export const EPOC_STATS_CATEGORIES = ['subscriber', 'identification', 'traffic_content'] as const;
export type EpocStatsCategory = (typeof EPOC_STATS_CATEGORIES)[number];

/**
 * European Production Orders (Regulation (EU) 2023/1543) received in the year, as Art. 28 asks
 * them to be counted, beside the Dutch figures (which count them too). Preservation orders
 * (EPOC-PR) are not production orders and are not counted here.
 */
export const EpocYearStats = z.object({
  orders: count,
  /** Orders per issuing State (ISO code), largest first. */
  byIssuingState: z.record(z.string(), count),
  /** Orders per kind of data ordered (an order for two kinds counts under both). */
  byCategory: counts(EPOC_STATS_CATEGORIES),
  byUrgency: z.object({ emergency: count, normal: count }),
  /** Data disclosed / not (no data, refused, referred) / no final answer yet. */
  compliance: z.object({ complied: count, notComplied: count, open: count }),
  /**
   * Orders not complied with per Annex III reason of the latest form sent (an order whose form
   * ticks two counts under both); `no_form` when no Annex III form was made.
   */
  notCompliedByReason: z.record(z.string(), count),
  /** Receipt → answer (sent, or the decision taking effect). */
  receiptToAnswerHours: AverageHours,
  /** The certificate's date of issue (start of that day) → answer, for orders that give it. */
  issueToAnswerHours: AverageHours,
});
export type EpocYearStats = z.infer<typeof EpocYearStats>;

export const YearStats = z.object({
  year: z.number().int(),
  timeZone: z.string(),
  /** The moment the figures were computed (open requests and "so far" depend on it). */
  asOf: z.string(),
  requests: count,
  /** Identifiers (phone numbers, IP addresses) asked about. */
  items: count,
  byOutcome: OutcomeCounts,
  /** Requests per legal-basis code (labels in `labels.legalBasis`). */
  byLegalBasis: z.record(z.string(), count),
  /** Requests per authority code (labels in `labels.authority`). */
  byAuthority: z.record(z.string(), count),
  /** Items per kind of identifier. */
  byIdentifierKind: counts(IDENTIFIER_KINDS),
  byUrgency: counts(STATS_URGENCIES),
  /** Requests received per month, January first. */
  byMonth: z.array(count).length(12),
  /** Refused requests per reason code (a request refused for two reasons counts under both). */
  refusalsByReason: z.record(z.string(), count),
  /** Requests whose requester could not be verified. */
  failedVerification: count,
  /** Received → answer sent (or, without a sent record, the decision taking effect). */
  handlingHours: HoursSummary,
  /** Received → decision taking effect (approval of a disclosure). */
  decisionHours: HoursSummary,
  /** Decision taking effect → answer sent. */
  sendingHours: HoursSummary,
  /** Answered by the deadline / after it or still open past it / still open within it. */
  deadlines: z.object({ met: count, missed: count, open: count }),
  /** Emergency requests answered within 8 hours / later or still open past 8 h / still open within 8 h. */
  emergencies: z.object({ total: count, within8h: count, late: count, open: count }),
  /** Distinct customers whose data was disclosed. */
  subscribersAffected: count,
  /** This year so far against the same period of the year before (whole years for a past year). */
  soFar: z.object({
    until: z.string(),
    current: PeriodSummary,
    previous: PeriodSummary,
  }),
  /** The year and the four before it, oldest first. */
  lastFiveYears: z.array(PeriodSummary.extend({ year: z.number().int() })).length(5),
  /** European Production Orders (Art. 28 of Regulation (EU) 2023/1543). */
  epoc: EpocYearStats,
  labels: z.object({
    legalBasis: z.record(z.string(), z.string()),
    authority: z.record(z.string(), z.string()),
  }),
});
export type YearStats = z.infer<typeof YearStats>;

/** A published figure: the count, or `"< 5"` when it is below the suppression threshold. */
export const PublishedCount = z.union([count, z.string().regex(/^< \d+$/)]);
export type PublishedCount = z.infer<typeof PublishedCount>;

export const StatsYearInput = z.object({ year: z.number().int().min(2000).max(2100) });

export const StatsYearsOutput = z.object({
  /** Years with at least one request, newest first; always includes the current year. */
  years: z.array(z.number().int()),
  currentYear: z.number().int(),
  /** Counts below this are shown as "< N" in the published export and report (0 or 1: off). */
  suppressionThreshold: count,
});

export const STATS_EXPORT_FORMATS = ['json', 'csv'] as const;
export const StatsExportInput = StatsYearInput.extend({
  format: z.enum(STATS_EXPORT_FORMATS).default('json'),
  /** Apply small-count suppression (the published figures). Default: on. */
  published: z.boolean().default(true),
  target: FileTarget.default('inline'),
});
export const StatsExportOutput = z.object({
  fileName: z.string(),
  mime: z.string(),
  /** The file for target `inline`; null when it was saved to a file. */
  content: z.string().nullable(),
  published: z.boolean(),
  suppressionThreshold: count,
});
export type StatsExportOutput = z.infer<typeof StatsExportOutput>;

export const StatsReportInput = StatsYearInput.extend({
  language: z.enum(['nl', 'en']).default('nl'),
  target: FileTarget.default('inline'),
});
export const StatsReportOutput = z.object({
  fileName: z.string(),
  mime: z.literal('application/pdf'),
  /** The PDF for target `inline`; null when it was saved to a file. */
  base64: z.string().nullable(),
  sha256: z.string(),
  pages: z.number().int().min(1),
});
export type StatsReportOutput = z.infer<typeof StatsReportOutput>;
