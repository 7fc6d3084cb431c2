import type { Migration } from './types';

const HELD_TABLES = ['number_assignment', 'ip_assignment', 'customer_version'] as const;

/**
 * Preservation orders: a European Preservation Order (EPOC-PR, Regulation (EU) 2023/1543,
 * Annex II) and a Dutch order to preserve (Sv 126ni) are requests whose outcome is a hold on the
 * records that answer them, not a disclosure.
 * - request_epoc.kind: whether the certificate is a production order (Annex I) or a preservation
 *   order (Annex II); every certificate logged before this migration was a production order.
 * - preservation_hold: one per preservation request, placed when it is matched; it ends on its
 *   `until` (extended once, Annex VI), is kept until production once a production order follows
 *   (converted, Annex V: the production request's number), or is released. While `active` or
 *   `converted` it protects its records from retention and purge.
 * - preservation_hold_record: exactly the records the match rests on (its evidence): the number
 *   and IP assignments and the NAW versions, by table and id, with the customer they belong to.
 *   A trigger on each of those tables refuses deleting a record a hold protects, so no purge
 *   path, present or future, can remove it by mistake.
 * - the catalogue: Sv 126ni is handled (preserved) instead of referred, for the NAW data too.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'preservation holds',
  up(db) {
    db.exec(`
      ALTER TABLE request_epoc ADD COLUMN kind TEXT NOT NULL DEFAULT 'production'
        CHECK (kind IN ('production','preservation'));

      CREATE TABLE preservation_hold (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL UNIQUE REFERENCES request(id) ON DELETE CASCADE,
        state TEXT NOT NULL CHECK (state IN ('active','converted','released','expired')),
        placed_at TEXT NOT NULL,
        placed_by TEXT NOT NULL,
        until TEXT NOT NULL,
        extended_at TEXT,
        extended_by TEXT,
        production_register_no TEXT,
        converted_at TEXT,
        converted_by TEXT,
        ended_at TEXT,
        ended_by TEXT,
        end_reason TEXT CHECK (end_reason IS NULL OR end_reason IN ('released','expired','produced')),
        end_note TEXT,
        CHECK (state <> 'converted' OR production_register_no IS NOT NULL),
        CHECK ((state IN ('released','expired')) = (ended_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX preservation_hold_live ON preservation_hold(state, until);

      CREATE TABLE preservation_hold_record (
        hold_id INTEGER NOT NULL REFERENCES preservation_hold(id) ON DELETE CASCADE,
        record_table TEXT NOT NULL
          CHECK (record_table IN ('number_assignment','ip_assignment','customer_version')),
        record_id INTEGER NOT NULL,
        customer_id TEXT NOT NULL,
        PRIMARY KEY (hold_id, record_table, record_id)
      ) STRICT;
      CREATE INDEX preservation_hold_record_by_record ON preservation_hold_record(record_table, record_id);
      CREATE INDEX preservation_hold_record_by_customer ON preservation_hold_record(customer_id);

      ${HELD_TABLES.map(
        (t) => `CREATE TRIGGER ${t}_held_is_kept BEFORE DELETE ON ${t}
      WHEN EXISTS (SELECT 1 FROM preservation_hold_record r JOIN preservation_hold h ON h.id = r.hold_id
                   WHERE r.record_table = '${t}' AND r.record_id = OLD.id
                     AND h.state IN ('active','converted'))
      BEGIN SELECT RAISE(ABORT, 'a record under a preservation hold is never deleted while the hold lasts'); END;`,
      ).join('\n')}

      UPDATE legal_basis
        SET action = 'HANDLE',
            categories = '["name","address","postcode","city","number","service_type","traffic","location","content"]',
            note = 'Preservation: the records that answer it are held (not disclosed) for 90 days, extendable once; traffic, location and content data are not held at the NAW desk.',
            unverified = 1
        WHERE code = 'sv-126ni';
    `);
  },
};
