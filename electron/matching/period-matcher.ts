import type { IpAddress, IpFamily } from '../../shared/identifiers';
import type { Evidence } from '../../shared/schemas/matching';
import type { Db } from '../core/db';
import { evidenceOf, subscriberOf, type VersionRow } from './evidence';
import {
  coveredPart,
  coversAll,
  firstConflict,
  joinPieces,
  splitByVersion,
  type PeriodHit,
} from './period-pieces';
import { holdingPort, ipIdentifier, rowsByPrefix } from './prefixes';
import { addressWithPort, reasoned } from './reasons';
import {
  ipRowsWhere,
  numberRowsWhere,
  type CoreMatch,
  type IpRow,
  type NumberRow,
  type Span,
} from './rows';
import type { VersionReader } from './versions';

const DURING = 'x.valid_from < @to AND (x.valid_to IS NULL OR x.valid_to > @from)';
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Who held a number or IP address during a period: every assignment that overlaps it, each holder
 * with the part of the period they held it and their NAW data as it was then — one subscriber
 * entry per holder and NAW version, with its own interval (a customer whose data changed during
 * the period appears once per version). Several holders one after another are a match; two
 * customers over the same sub-interval are a conflict (`ambiguous`). A shared (CGNAT) address
 * still needs its source port. The same index probes as at an instant, on a range of valid_from.
 */
export class PeriodMatcher {
  private readonly numberDuring;
  private readonly ipDuring;

  constructor(
    db: Db,
    private readonly versions: VersionReader,
    private readonly lengths: (family: IpFamily) => number[],
  ) {
    this.numberDuring = db.prepare(numberRowsWhere(DURING));
    this.ipDuring = db.prepare(ipRowsWhere(DURING, 'from_ip'));
  }

  matchNumber(e164: string, period: Span, nowMs: number): CoreMatch {
    const rows = this.numberDuring.all({ e164, ...period }) as NumberRow[];
    const hits = rows.map((r) => ({
      row: r,
      service: r.service,
      identifier: r.e164,
      span: coveredPart(r, period)!,
    }));
    return this.conclude(hits, 'number_assignment', e164, period, nowMs);
  }

  matchIp(address: IpAddress, port: number | null, period: Span, nowMs: number): CoreMatch {
    const rows = rowsByPrefix(
      address,
      this.lengths(address.family),
      (from_ip, len) =>
        this.ipDuring.all({ from_ip, family: address.family, len, ...period }) as IpRow[],
    );
    const blocks = rows.filter((r) => r.port_from !== null);
    if (port === null && blocks.length > 0) {
      return {
        status: 'needs_port',
        ...reasoned('matching.periodNeedsPort', {
          address: address.canonical,
          from: iso(period.from),
          to: iso(period.to),
          blocks: blocks.length,
        }),
        subscribers: [],
        evidence: [],
      };
    }
    const hits = holdingPort(rows, port).map((r) => ({
      row: r,
      service: 'internet',
      identifier: ipIdentifier(r),
      span: coveredPart(r, period)!,
    }));
    return this.conclude(
      hits,
      'ip_assignment',
      addressWithPort(address.canonical, port),
      period,
      nowMs,
    );
  }

  private conclude(
    hits: PeriodHit[],
    table: 'number_assignment' | 'ip_assignment',
    identifier: string,
    period: Span,
    nowMs: number,
  ): CoreMatch {
    const shown = { identifier, from: iso(period.from), to: iso(period.to) };
    if (hits.length === 0) {
      return {
        status: 'no_match',
        ...reasoned('matching.periodNoMatch', shown),
        subscribers: [],
        evidence: [],
      };
    }
    const evidence: Evidence[] = hits.map((h) => evidenceOf(table, h.row, h.identifier));
    const pieces = joinPieces(
      hits.flatMap((h) => {
        const c = h.row.customer_id;
        const versions = this.versions.during(c, h.span.from, h.span.to);
        return splitByVersion(
          h,
          versions,
          versions.length ? null : this.versions.asAt(c, h.span.from),
        );
      }),
    );
    const today = new Map<string, VersionRow | null>();
    const seen = new Set<number>();
    const subscribers = pieces.map((p) => {
      if (!today.has(p.customerId)) today.set(p.customerId, this.versions.at(p.customerId, nowMs));
      if (p.version && !seen.has(p.version.id)) {
        seen.add(p.version.id);
        evidence.push(evidenceOf('customer_version', p.version, p.customerId));
      }
      return {
        ...subscriberOf(p.customerId, p.service, p.version, today.get(p.customerId)!),
        interval: { from: iso(p.span.from), to: iso(p.span.to) },
      };
    });
    const holders = new Set(hits.map((h) => h.row.customer_id)).size;
    const conflict = firstConflict(hits);
    if (conflict) {
      return {
        status: 'ambiguous',
        ...reasoned('matching.periodConflict', {
          count: new Set(
            hits.filter((h) => coveredPart(h.row, conflict)).map((h) => h.row.customer_id),
          ).size,
          identifier,
          overlapFrom: iso(conflict.from),
          overlapTo: iso(conflict.to),
        }),
        subscribers,
        evidence,
      };
    }
    return {
      status: 'match',
      ...reasoned(coversAll(hits, period) ? 'matching.periodMatch' : 'matching.periodMatchPartly', {
        holders,
        ...shown,
      }),
      subscribers,
      evidence,
    };
  }
}
