import { DateTime } from 'luxon';
import { STATS_TIME_ZONE, type YearStats } from '../../shared/schemas/stats';
import type { Db } from '../core/db';
import { StatsBook } from './compute';
import { readRequestFacts, type RegisterFacts } from './facts';

/**
 * The facts last read per database, with the state of the database they were read at: any write
 * on this connection (total_changes) or another one (data_version) reads them again. Switching
 * years on the statistics page then costs only the computation.
 */
const lastRead = new WeakMap<Db, { key: string; facts: RegisterFacts }>();
const stateOf = (db: Db, year: number): string =>
  `${year}:${db.pragma('data_version', { simple: true })}:${db.prepare('SELECT total_changes()').pluck().get()}`;

/** The facts of a year and the four before it (five years side by side; last year for "so far"). */
function factsFor(db: Db, year: number): RegisterFacts {
  const key = stateOf(db, year);
  const cached = lastRead.get(db);
  if (cached?.key === key) return cached.facts;
  const facts = readRequestFacts(db, year - 4, year);
  lastRead.set(db, { key, facts });
  return facts;
}

/** Every figure of one year, straight from the register. */
export function registerYearStats(db: Db, year: number, now: Date): YearStats {
  const { facts, labels } = factsFor(db, year);
  return new StatsBook(facts, { now, timeZone: STATS_TIME_ZONE, labels }).year(year);
}

export const currentYear = (now: Date): number =>
  DateTime.fromJSDate(now, { zone: STATS_TIME_ZONE }).year;
