import { overlap } from '../../shared/period';
import type { SourceRow, VersionRow } from './evidence';
import type { Span } from './rows';

/** An assignment that overlaps the period, with the part of the period it covers. */
export interface PeriodHit {
  row: SourceRow;
  service: string | null;
  identifier: string;
  span: Span;
}

/** One holder with one version of their NAW data, over the part of the period both held. */
export interface Piece {
  customerId: string;
  service: string | null;
  version: VersionRow | null;
  span: Span;
}

/** The part of the period an assignment `[valid_from, valid_to)` covers, or null. */
export const coveredPart = (row: SourceRow, period: Span): Span | null =>
  overlap(period, { from: row.valid_from, to: row.valid_to ?? Number.POSITIVE_INFINITY });

/**
 * Two different customers holding it over the same sub-interval: a conflict in the customer data
 * (the first such sub-interval), or null. One customer after another is not a conflict.
 */
export function firstConflict(hits: PeriodHit[]): Span | null {
  let found: Span | null = null;
  for (let i = 0; i < hits.length; i++) {
    for (let j = i + 1; j < hits.length; j++) {
      if (hits[i]!.row.customer_id === hits[j]!.row.customer_id) continue;
      const both = overlap(hits[i]!.span, hits[j]!.span);
      if (both && (!found || both.from < found.from)) found = both;
    }
  }
  return found;
}

/** Does the union of the hits cover the whole period? */
export function coversAll(hits: PeriodHit[], period: Span): boolean {
  let reached = period.from;
  for (const h of [...hits].sort((a, b) => a.span.from - b.span.from)) {
    if (h.span.from > reached) return false;
    reached = Math.max(reached, h.span.to);
  }
  return reached >= period.to;
}

/**
 * A holder's assignment split by the NAW versions in force during it: each version gets the part
 * from its start to the next version's start. The part before the first version recorded in the
 * span goes with that first version (the earliest known, as for a moment), a gap between versions
 * with the one before it. `versions` are sorted by valid_from; `fallback` is used when none falls
 * in the span.
 */
export function splitByVersion(
  hit: PeriodHit,
  versions: VersionRow[],
  fallback: VersionRow | null,
): Piece[] {
  const base = { customerId: hit.row.customer_id, service: hit.service };
  if (versions.length === 0) return [{ ...base, version: fallback, span: hit.span }];
  const out: Piece[] = [];
  versions.forEach((v, k) => {
    const from = k === 0 ? hit.span.from : Math.max(hit.span.from, v.valid_from);
    const next = versions[k + 1];
    const to = next ? Math.min(hit.span.to, next.valid_from) : hit.span.to;
    if (from < to) out.push({ ...base, version: v, span: { from, to } });
  });
  return out;
}

/**
 * The pieces in time order, with touching pieces of the same holder and the same NAW version
 * joined (an assignment re-imported as two records is one stretch of holding).
 */
export function joinPieces(pieces: Piece[]): Piece[] {
  const sorted = [...pieces].sort(
    (a, b) => a.span.from - b.span.from || a.customerId.localeCompare(b.customerId),
  );
  const out: Piece[] = [];
  const last = new Map<string, Piece>();
  for (const p of sorted) {
    const prev = last.get(p.customerId);
    if (prev && prev.version?.id === p.version?.id && prev.span.to >= p.span.from) {
      prev.span = { from: prev.span.from, to: Math.max(prev.span.to, p.span.to) };
      continue;
    }
    const copy = { ...p, span: { ...p.span } };
    out.push(copy);
    last.set(p.customerId, copy);
  }
  return out;
}
