import type { Evidence, Subscriber } from '../../shared/schemas/matching';
import type { SourceRow } from './evidence';
import type { Reasoned } from './reasons';

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
