import {
  EMERGENCY_HOURS,
  IDENTIFIER_KINDS,
  OUTCOMES,
  STATS_TIME_ZONE,
  STATS_URGENCIES,
  type HoursSummary,
  type IdentifierKind,
  type Outcome,
  type OutcomeCounts,
  type PeriodSummary,
  type StatsUrgency,
  type AverageHours,
  type EpocStatsCategory,
  type EpocYearStats,
  type YearStats,
} from '../../shared/schemas/stats';
import { DateTime } from 'luxon';
import { ZoneCalendar } from './calendar';
import { quantile } from './quantile';

const HOUR = 3_600_000;

/**
 * One request as the statistics see it: plain facts, no personal data. Built from the register by
 * facts.ts; the figures below are a pure function of a list of these and the current moment.
 */
export interface RequestFact {
  /** ISO instant the request was received; decides its year and month. */
  receivedAt: string;
  /** ISO instant the final decision took effect (a disclosure: when it was approved); null when open. */
  decidedAt: string | null;
  /** ISO instant the answer was sent; null when not sent (yet) or not recorded. */
  sentAt: string | null;
  outcome: Outcome;
  legalBasis: string;
  authority: string;
  /** The kind of each identifier asked about. */
  items: readonly IdentifierKind[];
  urgency: StatsUrgency;
  /** ISO instant the answer was due; null when none was set. */
  deadline: string | null;
  /** Reason codes of a refusal (empty for other outcomes). */
  refusalReasons: readonly string[];
  /** The requester could not be verified. */
  verificationFailed: boolean;
  /** Stable ids of the customers whose data was disclosed (only counted, never shown). */
  disclosedCustomers: readonly string[];
  /** The European Production Order it came as; absent for every other request. */
  epoc?: EpocFact;
}

/** What Art. 28 counts of an EPOC: no names, no file references. */
export interface EpocFact {
  issuingState: string;
  categories: readonly EpocStatsCategory[];
  emergency: boolean;
  /** The date of issue the certificate gives (YYYY-MM-DD), or null. */
  issuedOn: string | null;
  /** The reasons ticked on the latest Annex III form (empty: none was made). */
  annex3Reasons: readonly string[];
}

export interface ComputeOptions {
  /** The current moment: decides what is "so far" and which open requests are past their deadline. */
  now: Date;
  /** Default Europe/Amsterdam. */
  timeZone?: string;
  /** Display names of legal-basis and authority codes (catalogue article / name). */
  labels?: YearStats['labels'];
}

interface Prepared {
  fact: RequestFact;
  received: number;
  year: number;
  /** Answer sent, or the decision taking effect; NaN while open. */
  answered: number;
  decided: number;
  sent: number;
  deadline: number;
}

const ms = (iso: string | null): number => (iso === null ? NaN : Date.parse(iso));
const hours = (v: number | null): number | null => (v === null ? null : Math.round(v * 100) / 100);
const zeroCounts = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
/** Keys by count, largest first (then alphabetically), for stable tables and charts. */
const sortedRecord = (m: Map<string, number>): Record<string, number> =>
  Object.fromEntries(
    [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
  );
const bump = (m: Map<string, number>, key: string, by = 1) => m.set(key, (m.get(key) ?? 0) + by);

function summarise(durationsMs: number[]): HoursSummary {
  const h = durationsMs.map((d) => d / HOUR);
  return { median: hours(quantile(h, 0.5)), p90: hours(quantile(h, 0.9)), count: h.length };
}

function average(durationsMs: number[]): AverageHours {
  if (durationsMs.length === 0) return { average: null, count: 0 };
  const mean = durationsMs.reduce((a, b) => a + b, 0) / durationsMs.length / HOUR;
  return { average: hours(mean), count: durationsMs.length };
}

const COMPLIED: readonly Outcome[] = ['disclosed', 'partly_disclosed'];

/**
 * The EPOC figures of a year (Art. 28): orders per issuing State, kind of data and urgency,
 * complied with or not (with the Annex III reasons), and the average times to the answer.
 */
function epocFigures(list: readonly Prepared[], zone: string): EpocYearStats {
  const byState = new Map<string, number>();
  const reasons = new Map<string, number>();
  const byCategory = { subscriber: 0, identification: 0, traffic_content: 0 };
  const byUrgency = { emergency: 0, normal: 0 };
  const compliance = { complied: 0, notComplied: 0, open: 0 };
  const fromReceipt: number[] = [];
  const fromIssue: number[] = [];
  let orders = 0;
  for (const p of list) {
    const e = p.fact.epoc;
    if (!e) continue;
    orders++;
    bump(byState, e.issuingState);
    for (const c of new Set(e.categories)) byCategory[c]++;
    byUrgency[e.emergency ? 'emergency' : 'normal']++;
    const outcome = p.fact.outcome;
    if (outcome === 'open') compliance.open++;
    else if (COMPLIED.includes(outcome)) compliance.complied++;
    else {
      compliance.notComplied++;
      if (e.annex3Reasons.length === 0) bump(reasons, 'no_form');
      for (const r of new Set(e.annex3Reasons)) bump(reasons, r);
    }
    if (outcome === 'open' || Number.isNaN(p.answered)) continue;
    fromReceipt.push(p.answered - p.received);
    if (e.issuedOn) {
      const issued = DateTime.fromISO(e.issuedOn, { zone }).toMillis();
      if (!Number.isNaN(issued)) fromIssue.push(p.answered - issued);
    }
  }
  return {
    orders,
    byIssuingState: sortedRecord(byState),
    byCategory,
    byUrgency,
    compliance,
    notCompliedByReason: sortedRecord(reasons),
    receiptToAnswerHours: average(fromReceipt),
    issueToAnswerHours: average(fromIssue),
  };
}

function period(list: readonly Prepared[]): PeriodSummary {
  const byOutcome = zeroCounts(OUTCOMES) as OutcomeCounts;
  const customers = new Set<string>();
  let items = 0;
  for (const p of list) {
    byOutcome[p.fact.outcome]++;
    items += p.fact.items.length;
    for (const c of p.fact.disclosedCustomers) customers.add(c);
  }
  return { requests: list.length, items, byOutcome, subscribersAffected: customers.size };
}

/** The requests, placed in the calendar years of the zone once; figures for any year from there. */
export class StatsBook {
  readonly calendar: ZoneCalendar;
  private readonly byYear = new Map<number, Prepared[]>();

  constructor(
    facts: readonly RequestFact[],
    private readonly options: ComputeOptions,
  ) {
    this.calendar = new ZoneCalendar(options.timeZone ?? STATS_TIME_ZONE);
    for (const fact of facts) {
      const received = ms(fact.receivedAt);
      if (Number.isNaN(received)) continue;
      const decided = ms(fact.decidedAt);
      const sent = ms(fact.sentAt);
      const year = this.calendar.yearOf(received);
      const p: Prepared = {
        fact,
        received,
        year,
        decided,
        sent,
        answered: fact.outcome === 'open' ? NaN : Number.isNaN(sent) ? decided : sent,
        deadline: ms(fact.deadline),
      };
      let list = this.byYear.get(year);
      if (!list) this.byYear.set(year, (list = []));
      list.push(p);
    }
  }

  /** Years with at least one request, newest first. */
  years(): number[] {
    return [...this.byYear.keys()].sort((a, b) => b - a);
  }

  private list(year: number): Prepared[] {
    return this.byYear.get(year) ?? [];
  }

  /** Every figure of the yearly statistics for one calendar year. */
  year(year: number): YearStats {
    const now = this.options.now.getTime();
    const list = this.list(year);
    const starts = this.calendar.monthStarts(year);

    const byOutcome = zeroCounts(OUTCOMES) as OutcomeCounts;
    const byIdentifierKind = zeroCounts(IDENTIFIER_KINDS);
    const byUrgency = zeroCounts(STATS_URGENCIES);
    const byMonth = new Array<number>(12).fill(0);
    const byBasis = new Map<string, number>();
    const byAuthority = new Map<string, number>();
    const refusals = new Map<string, number>();
    const customers = new Set<string>();
    const handling: number[] = [];
    const deciding: number[] = [];
    const sending: number[] = [];
    const deadlines = { met: 0, missed: 0, open: 0 };
    const emergencies = { total: 0, within8h: 0, late: 0, open: 0 };
    let items = 0;
    let failedVerification = 0;

    for (const p of list) {
      const f = p.fact;
      byOutcome[f.outcome]++;
      byUrgency[f.urgency]++;
      byMonth[this.calendar.monthOf(p.received, year)]!++;
      bump(byBasis, f.legalBasis);
      bump(byAuthority, f.authority);
      items += f.items.length;
      for (const k of f.items) byIdentifierKind[k]++;
      for (const c of f.disclosedCustomers) customers.add(c);
      if (f.verificationFailed) failedVerification++;
      if (f.outcome === 'refused') {
        if (f.refusalReasons.length === 0) bump(refusals, 'unspecified');
        for (const r of new Set(f.refusalReasons)) bump(refusals, r);
      }

      const open = f.outcome === 'open';
      if (!open && !Number.isNaN(p.answered)) handling.push(p.answered - p.received);
      if (!open && !Number.isNaN(p.decided)) {
        deciding.push(p.decided - p.received);
        if (!Number.isNaN(p.sent)) sending.push(p.sent - p.decided);
      }

      // Still open, or answered at an unknown time: measured against now.
      const doneAt = open || Number.isNaN(p.answered) ? null : p.answered;
      if (!Number.isNaN(p.deadline)) {
        if (doneAt !== null) deadlines[doneAt <= p.deadline ? 'met' : 'missed']++;
        else deadlines[now > p.deadline ? 'missed' : 'open']++;
      }
      if (f.urgency === 'emergency') {
        emergencies.total++;
        const limit = p.received + EMERGENCY_HOURS * HOUR;
        if (doneAt !== null) emergencies[doneAt <= limit ? 'within8h' : 'late']++;
        else emergencies[now > limit ? 'late' : 'open']++;
      }
    }

    const until = Math.min(Math.max(now, starts[0]!), starts[12]!);
    const previousUntil = this.calendar.sameMomentYearBefore(until);
    const lastFiveYears = [4, 3, 2, 1, 0].map((back) => ({
      year: year - back,
      ...period(this.list(year - back)),
    }));

    return {
      year,
      timeZone: this.calendar.zone,
      asOf: new Date(now).toISOString(),
      requests: list.length,
      items,
      byOutcome,
      byLegalBasis: sortedRecord(byBasis),
      byAuthority: sortedRecord(byAuthority),
      byIdentifierKind,
      byUrgency,
      byMonth,
      refusalsByReason: sortedRecord(refusals),
      failedVerification,
      handlingHours: summarise(handling),
      decisionHours: summarise(deciding),
      sendingHours: summarise(sending),
      deadlines,
      emergencies,
      subscribersAffected: customers.size,
      soFar: {
        until: this.calendar.localIso(until),
        current: period(list.filter((p) => p.received < until)),
        previous: period(this.list(year - 1).filter((p) => p.received < previousUntil)),
      },
      lastFiveYears,
      epoc: epocFigures(list, this.calendar.zone),
      labels: this.labelsFor(byBasis, byAuthority),
    };
  }

  private labelsFor(
    byBasis: Map<string, number>,
    byAuthority: Map<string, number>,
  ): YearStats['labels'] {
    const pick = (all: Record<string, string> | undefined, codes: Iterable<string>) =>
      Object.fromEntries([...codes].map((c) => [c, all?.[c] ?? c]));
    return {
      legalBasis: pick(this.options.labels?.legalBasis, byBasis.keys()),
      authority: pick(this.options.labels?.authority, byAuthority.keys()),
    };
  }
}

/** Every figure for one year from a list of request facts (see StatsBook). */
export function computeYearStats(
  facts: readonly RequestFact[],
  year: number,
  options: ComputeOptions,
): YearStats {
  return new StatsBook(facts, options).year(year);
}
