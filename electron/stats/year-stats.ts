import { DateTime } from 'luxon';
import { STATS_TIME_ZONE, type YearStats } from '../../shared/schemas/stats';
import type { Db } from '../vault/db';
import { StatsBook } from './compute';
import { readRequestFacts } from './facts';

/** The register's requests placed in calendar years as of `now`. */
export function registerBook(db: Db, now: Date): StatsBook {
  const { facts, labels } = readRequestFacts(db);
  return new StatsBook(facts, { now, timeZone: STATS_TIME_ZONE, labels });
}

/** Every figure of one year, straight from the register. */
export const registerYearStats = (db: Db, year: number, now: Date): YearStats =>
  registerBook(db, now).year(year);

export const currentYear = (now: Date): number =>
  DateTime.fromJSDate(now, { zone: STATS_TIME_ZONE }).year;

/** The organisation name for the report: the letterhead setting, else the vault's name. */
export function reportOrgName(db: Db, vaultOrgName: string): string {
  const row = db.prepare(`SELECT value FROM setting WHERE key = 'organisation'`).get() as
    { value: string } | undefined;
  try {
    const name = row ? (JSON.parse(row.value) as { name?: unknown }).name : undefined;
    if (typeof name === 'string' && name.trim() !== '') return name.trim();
  } catch {
    // a damaged setting falls back to the vault's name
  }
  return vaultOrgName;
}
