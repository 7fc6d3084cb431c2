import type { Db } from '../core/db';
import { readSettings } from '../core/settings';

/** The `suppressionThreshold` setting (Settings page), or its default when it was never set. */
export const suppressionThreshold = (db: Db): number => readSettings(db).suppressionThreshold;
