import type { Evidence, Subscriber } from '../../shared/schemas/matching';
import type { SourceRow } from './evidence';
import type { Reasoned } from './reasons';
import { IMPORT_COLUMNS } from './versions';

/** The outcome for one identifier at an instant or over a period, before it is stored. */
export interface CoreMatch extends Reasoned {
  status: 'match' | 'no_match' | 'ambiguous' | 'needs_port';
  subscribers: Subscriber[];
  evidence: Evidence[];
}

export interface NumberRow extends SourceRow {
  e164: string;
  service: string | null;
}
export interface IpRow extends SourceRow {
  prefix: string;
  port_from: number | null;
  port_to: number | null;
}

/** A period of interest in epoch ms, half-open `[from, to)`. */
export interface Span {
  from: number;
  to: number;
}

/**
 * The assignments of a number, or of an address block (one prefix length), whose validity meets
 * `time` (a condition on x.valid_from / x.valid_to), with the import each came from: one query
 * for a moment and for a period, differing only in that condition.
 */
export const numberRowsWhere = (time: string) =>
  `SELECT x.id, x.e164, x.customer_id, x.service, x.valid_from, x.valid_to, x.import_id, ${IMPORT_COLUMNS}
   FROM number_assignment x LEFT JOIN import_run r ON r.id = x.import_id
   WHERE x.e164 = @e164 AND ${time} ORDER BY x.valid_from, x.id`;

/** `address` names the parameter that holds the block's first address. */
export const ipRowsWhere = (time: string, address: string) =>
  `SELECT x.id, x.prefix, x.port_from, x.port_to, x.customer_id, x.valid_from, x.valid_to,
          x.import_id, ${IMPORT_COLUMNS}
   FROM ip_assignment x LEFT JOIN import_run r ON r.id = x.import_id
   WHERE x.ip_from = @${address} AND x.family = @family AND x.prefix_length = @len AND ${time}
   ORDER BY x.valid_from, x.id`;
