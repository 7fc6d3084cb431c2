import { DateTime } from 'luxon';

/**
 * Calendar years and months of a time zone as UTC instants, computed once per year with luxon and
 * then compared as numbers: placing 20,000 requests costs a few comparisons each, not a zone
 * conversion each.
 */
export class ZoneCalendar {
  private readonly months = new Map<number, number[]>();

  constructor(readonly zone: string) {
    if (!DateTime.local().setZone(zone).isValid) throw new Error(`Unknown time zone ${zone}`);
  }

  /** UTC ms of the 13 month starts of a year: 1 January … 1 January of the next year. */
  monthStarts(year: number): number[] {
    let starts = this.months.get(year);
    if (!starts) {
      starts = [];
      for (let m = 0; m <= 12; m++) {
        starts.push(
          DateTime.fromObject({ year, month: 1, day: 1 }, { zone: this.zone })
            .plus({ months: m })
            .toMillis(),
        );
      }
      this.months.set(year, starts);
    }
    return starts;
  }

  yearStart(year: number): number {
    return this.monthStarts(year)[0]!;
  }

  /** The calendar year of an instant in this zone. */
  yearOf(ms: number): number {
    let year = new Date(ms).getUTCFullYear();
    // At most one step either way: zones are within ±14 h of UTC.
    if (ms < this.yearStart(year)) year--;
    else if (ms >= this.yearStart(year + 1)) year++;
    return year;
  }

  /** Month 0–11 of an instant that lies in `year`. */
  monthOf(ms: number, year: number): number {
    const starts = this.monthStarts(year);
    let m = 11;
    while (m > 0 && ms < starts[m]!) m--;
    return m;
  }

  /** The same wall-clock moment one year earlier (29 February → 28 February), as UTC ms. */
  sameMomentYearBefore(ms: number): number {
    return DateTime.fromMillis(ms, { zone: this.zone }).minus({ years: 1 }).toMillis();
  }

  /** Local ISO date-time (with offset) of an instant, for labels such as "so far until". */
  localIso(ms: number): string {
    return DateTime.fromMillis(ms, { zone: this.zone }).toISO({ suppressMilliseconds: true })!;
  }
}
