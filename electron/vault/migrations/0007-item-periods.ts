import type { Migration } from './types';

/**
 * Items that ask for a period, and match reasons worded by key.
 * - request_item: a period item keeps its start in `moment` / `time_status` / `utc_ms` /
 *   `time_candidates` (as a moment item does) and its end in the new `period_to` columns; a
 *   moment item leaves them NULL. Each end is resolved on its own, so either can fall in the
 *   spring gap or the repeated autumn hour and be resolved apart.
 * - match_result: the reason as a message key and its parameters (shared/messages), so the
 *   request page and the letter word it in their language; the English `reason` stays for the
 *   CLI. Results matched before this migration keep only their English reason.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'item periods, worded match reasons',
  up(db) {
    db.exec(`
      ALTER TABLE request_item ADD COLUMN period_to TEXT;
      ALTER TABLE request_item ADD COLUMN period_to_status TEXT
        CHECK (period_to_status IS NULL OR period_to_status IN ('ok','invalid_input','invalid_time','ambiguous_time'));
      ALTER TABLE request_item ADD COLUMN period_to_utc_ms INTEGER;
      ALTER TABLE request_item ADD COLUMN period_to_candidates TEXT;
      ALTER TABLE match_result ADD COLUMN reason_key TEXT;
      ALTER TABLE match_result ADD COLUMN reason_params TEXT;
    `);
  },
};
