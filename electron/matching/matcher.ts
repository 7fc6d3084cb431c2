import { maskIp, type IpAddress, type IpFamily } from '../../shared/identifiers';
import type { Evidence, Subscriber } from '../../shared/schemas/matching';
import type { Db } from '../core/db';
import { evidenceOf, subscriberOf, type SourceRow, type VersionRow } from './evidence';

/** The outcome for one identifier at one instant, before it is stored with its request item. */
export interface CoreMatch {
  status: 'match' | 'no_match' | 'ambiguous' | 'needs_port';
  reason: string;
  subscribers: Subscriber[];
  evidence: Evidence[];
}

interface NumberRow extends SourceRow {
  e164: string;
  service: string | null;
}
interface IpRow extends SourceRow {
  prefix: string;
  port_from: number | null;
  port_to: number | null;
}

const IMPORT_COLUMNS = 'r.file_name, r.file_sha256, r.finished_at';
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
  private readonly versionAt;
  private readonly versionNearest;
  private readonly prefixLengths = new Map<IpFamily, number[]>();

  constructor(private readonly db: Db) {
    this.numberAt = db.prepare(
      `SELECT x.id, x.e164, x.customer_id, x.service, x.valid_from, x.valid_to, x.import_id, ${IMPORT_COLUMNS}
       FROM number_assignment x LEFT JOIN import_run r ON r.id = x.import_id
       WHERE x.e164 = @e164 AND ${AT} ORDER BY x.valid_from, x.id`,
    );
    this.ipAt = db.prepare(
      `SELECT x.id, x.prefix, x.port_from, x.port_to, x.customer_id, x.valid_from, x.valid_to,
              x.import_id, ${IMPORT_COLUMNS}
       FROM ip_assignment x LEFT JOIN import_run r ON r.id = x.import_id
       WHERE x.ip_from = @from AND x.family = @family AND x.prefix_length = @len AND ${AT}
       ORDER BY x.valid_from, x.id`,
    );
    const versionColumns = `x.id, x.customer_id, x.name, x.street, x.house_number, x.house_number_addition,
       x.postcode, x.city, x.country, x.valid_from, x.valid_to, x.import_id, ${IMPORT_COLUMNS}`;
    this.versionAt = db.prepare(
      `SELECT ${versionColumns}
       FROM customer_version x LEFT JOIN import_run r ON r.id = x.import_id
       WHERE x.customer_id = @customer AND ${AT} ORDER BY x.valid_from DESC, x.id DESC LIMIT 1`,
    );
    // When no NAW version covers the moment: the last one before it, else the first after it.
    this.versionNearest = db.prepare(
      `SELECT ${versionColumns}
       FROM customer_version x LEFT JOIN import_run r ON r.id = x.import_id
       WHERE x.customer_id = @customer
       ORDER BY (x.valid_from > @at), abs(x.valid_from - @at) LIMIT 1`,
    );
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
    const shown = `${e164} at ${when(atMs)}`;
    return this.conclude(
      rows.map((r) => ({ row: r, service: r.service, identifier: r.e164 })),
      'number_assignment',
      shown,
      atMs,
      nowMs,
    );
  }

  matchIp(address: IpAddress, port: number | null, atMs: number, nowMs: number): CoreMatch {
    const rows: IpRow[] = [];
    for (const len of this.lengths(address.family)) {
      const from = maskIp(address.bytes, address.family, len);
      rows.push(
        ...(this.ipAt.all({
          from: Buffer.from(from.buffer, from.byteOffset, from.byteLength),
          family: address.family,
          len,
          at: atMs,
        }) as IpRow[]),
      );
    }
    const shown = `${address.canonical}${port === null ? '' : ` port ${port}`} at ${when(atMs)}`;
    const blocks = rows.filter((r) => r.port_from !== null);
    if (port === null && blocks.length > 0) {
      return {
        status: 'needs_port',
        reason: `${address.canonical} was a shared (CGNAT) address at ${when(atMs)}, split into ${blocks.length} port block(s): identification is impossible without the source port. Ask the requester for it.`,
        subscribers: [],
        evidence: [],
      };
    }
    const held = rows.filter(
      (r) => r.port_from === null || (port! >= r.port_from && port! <= r.port_to!),
    );
    return this.conclude(
      held.map((r) => ({
        row: r,
        service: 'internet',
        identifier:
          r.port_from === null ? r.prefix : `${r.prefix} ports ${r.port_from}-${r.port_to}`,
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
    shown: string,
    atMs: number,
    nowMs: number,
  ): CoreMatch {
    if (hits.length === 0) {
      return {
        status: 'no_match',
        reason: `No assignment covers ${shown}.`,
        subscribers: [],
        evidence: [],
      };
    }
    const customers = [...new Set(hits.map((h) => h.row.customer_id))];
    const evidence = hits.map((h) => evidenceOf(table, h.row, h.identifier));
    const subscribers = customers.map((c) => {
      const hit = hits.find((h) => h.row.customer_id === c)!;
      const then =
        (this.versionAt.get({ customer: c, at: atMs }) as VersionRow | undefined) ??
        (this.versionNearest.get({ customer: c, at: atMs }) as VersionRow | undefined) ??
        null;
      const today =
        (this.versionAt.get({ customer: c, at: nowMs }) as VersionRow | undefined) ?? null;
      if (then) evidence.push(evidenceOf('customer_version', then, c));
      return subscriberOf(c, hit.service, then, today);
    });
    if (customers.length > 1) {
      return {
        status: 'ambiguous',
        reason: `${customers.length} different customers held ${shown} (a conflict in the customer data). None is chosen: resolve the data first.`,
        subscribers,
        evidence,
      };
    }
    const s = subscribers[0]!;
    const dated =
      s.versionValidFrom !== null && Date.parse(s.versionValidFrom) > atMs
        ? ' No NAW data was recorded for that moment; shown is the earliest known.'
        : '';
    return {
      status: 'match',
      reason: `Customer ${customers[0]} held ${shown}.${dated}`,
      subscribers,
      evidence,
    };
  }
}
