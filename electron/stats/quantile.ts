/**
 * The q-quantile (0 ≤ q ≤ 1) of a list of numbers, by linear interpolation between the two nearest
 * ranks (the method of Excel's PERCENTILE.INC and R's default): the median of [1, 2, 3, 4] is 2.5,
 * its 90th percentile 3.7. Null for an empty list. Does not change its input.
 */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const pos = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
