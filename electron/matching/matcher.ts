import type { IpAddress, IpFamily } from '../../shared/identifiers';
import type { Db } from '../core/db';
import { evidenceOf, subscriberOf, type SourceRow } from './evidence';
import { PeriodMatcher } from './period-matcher';
import { holdingPort, ipIdentifier, rowsByPrefix } from './prefixes';
import { reasoned, withPort } from './reasons';
import {
  ipRowsWhere,
  numberRowsWhere,
  type CoreMatch,
  type IpRow,
  type NumberRow,
  type Span,
} from './rows';
import { VersionReader } from './versions';

export type { CoreMatch } from './rows';

/** What a reason names of the look-up: the identifier, its source port, the instant. */
interface Shown {
  identifier: string;
  port: number | null;
  at: string;
}
const shownParams = (s: Shown) => ({
  identifier: s.identifier,
  ...(s.port === null ? {} : { port: s.port }),
  at: s.at,
});

const AT = 'x.valid_from <= @at AND (x.valid_to IS NULL OR x.valid_to > @at)';

const when = (ms: number) => new Date(ms).toISOString();

/**
 * Who held a number or IP address at an instant, against the assignment history of the customer
 * tables (migration 0002). Every look-up is a handful of index probes:
 * - number: number_assignment_lookup (e164, valid_from);
 * - IP: for each prefix length in use, the address masked to that length must equal ip_from
 *   (prefixes are CIDR-aligned), on ip_assignment_lookup (ip_from, valid_from); CGNAT blocks also
 *   by source port.
 * One matcher per connection; its prepared statements are reused for every item.
 */
export class Matcher {
  private readonly numberAt;
  private readonly ipAt;
  private readonly versions: VersionReader;
  private readonly prefixLengths = new Map<IpFamily, number[]>();
  private periods: PeriodMatcher | null = null;

  constructor(private readonly db: Db) {
    this.numberAt = db.prepare(numberRowsWhere(AT));
    this.ipAt = db.prepare(ipRowsWhere(AT, 'from'));
    this.versions = new VersionReader(db);
  }

  /** Who held a number or address during a period (prepared on first use). */
  private during(): PeriodMatcher {
    return (this.periods ??= new PeriodMatcher(this.db, this.versions, (f) => this.lengths(f)));
  }

  matchNumberDuring(e164: string, span: Span, nowMs: number): CoreMatch {
    return this.during().matchNumber(e164, span, nowMs);
  }

  matchIpDuring(address: IpAddress, port: number | null, span: Span, nowMs: number): CoreMatch {
    return this.during().matchIp(address, port, span, nowMs);
  }

  private lengths(family: IpFamily): number[] {
    let l = this.prefixLengths.get(family);
    if (!l) {
      l = (
        this.db
          .prepare(
            'SELECT prefix_length FROM ip_prefix_length WHERE family = ? ORDER BY prefix_length DESC',
          )
          .all(family) as { prefix_length: number }[]
      ).map((r) => r.prefix_length);
      this.prefixLengths.set(family, l);
    }
    return l;
  }

  matchNumber(e164: string, atMs: number, nowMs: number): CoreMatch {
    const rows = this.numberAt.all({ e164, at: atMs }) as NumberRow[];
    const shown = { identifier: e164, port: null, at: when(atMs) };
    return this.conclude(
      rows.map((r) => ({ row: r, service: r.service, identifier: r.e164 })),
      'number_assignment',
      shown,
      atMs,
      nowMs,
    );
  }

  matchIp(address: IpAddress, port: number | null, atMs: number, nowMs: number): CoreMatch {
    const rows = rowsByPrefix(
      address,
      this.lengths(address.family),
      (from, len) => this.ipAt.all({ from, family: address.family, len, at: atMs }) as IpRow[],
    );
    const shown = { identifier: address.canonical, port, at: when(atMs) };
    const blocks = rows.filter((r) => r.port_from !== null);
    if (port === null && blocks.length > 0) {
      return {
        status: 'needs_port',
        ...reasoned('matching.needsPort', {
          address: address.canonical,
          at: when(atMs),
          blocks: blocks.length,
        }),
        subscribers: [],
        evidence: [],
      };
    }
    return this.conclude(
      holdingPort(rows, port).map((r) => ({
        row: r,
        service: 'internet',
        identifier: ipIdentifier(r),
      })),
      'ip_assignment',
      shown,
      atMs,
      nowMs,
    );
  }

  private conclude(
    hits: { row: SourceRow; service: string | null; identifier: string }[],
    table: 'number_assignment' | 'ip_assignment',
    shown: Shown,
    atMs: number,
    nowMs: number,
  ): CoreMatch {
    if (hits.length === 0) {
      return {
        status: 'no_match',
        ...reasoned(withPort('matching.noMatch', shown.port), shownParams(shown)),
        subscribers: [],
        evidence: [],
      };
    }
    const customers = [...new Set(hits.map((h) => h.row.customer_id))];
    const evidence = hits.map((h) => evidenceOf(table, h.row, h.identifier));
    const subscribers = customers.map((c) => {
      const hit = hits.find((h) => h.row.customer_id === c)!;
      const then = this.versions.asAt(c, atMs);
      const today = this.versions.at(c, nowMs);
      if (then) evidence.push(evidenceOf('customer_version', then, c));
      return subscriberOf(c, hit.service, then, today);
    });
    if (customers.length > 1) {
      return {
        status: 'ambiguous',
        ...reasoned(withPort('matching.ambiguous', shown.port), {
          count: customers.length,
          ...shownParams(shown),
        }),
        subscribers,
        evidence,
      };
    }
    const s = subscribers[0]!;
    const dated = s.versionValidFrom !== null && Date.parse(s.versionValidFrom) > atMs;
    return {
      status: 'match',
      ...reasoned(withPort(dated ? 'matching.matchEarliest' : 'matching.match', shown.port), {
        customer: customers[0]!,
        ...shownParams(shown),
      }),
      subscribers,
      evidence,
    };
  }
}
