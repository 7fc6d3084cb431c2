import type { Db } from '../core/db';
import { DEFAULT_SUPPRESSION_THRESHOLD } from './suppress';

/** The `suppressionThreshold` setting (Settings page), or 5 when it was never set. */
export function suppressionThreshold(db: Db): number {
  const row = db.prepare(`SELECT value FROM setting WHERE key = 'suppressionThreshold'`).get() as
    { value: string } | undefined;
  if (!row) return DEFAULT_SUPPRESSION_THRESHOLD;
  try {
    const v: unknown = JSON.parse(row.value);
    return typeof v === 'number' && Number.isInteger(v) && v >= 0
      ? v
      : DEFAULT_SUPPRESSION_THRESHOLD;
  } catch {
    return DEFAULT_SUPPRESSION_THRESHOLD;
  }
}
