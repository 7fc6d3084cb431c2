import type { Migration } from './types';
import { DIGESTED_TABLES } from './0012-line-digest';

/** The kind of import each table holds (electron/customers/stores.ts). */
const KIND_OF: Record<(typeof DIGESTED_TABLES)[number], string> = {
  customer_version: 'customers',
  number_assignment: 'numbers',
  ip_assignment: 'ips',
};

/**
 * `current_copy`: what the last committed snapshot of a kind left current — each row's id and
 * line digest, in parts of a few thousand rows (electron/customers/current-copy.ts) — so the next
 * night's snapshot reads a few megabytes instead of passing over the whole table.
 *
 * A copy is true only while nothing else changed the table. An insert raises max(id), which the
 * copy records; a delete (purge) or any change of a row's period or data drops the copy by
 * trigger, in the same transaction, whoever made it. Only a new line digest of an otherwise
 * untouched row keeps it: a digest is only ever that of a line with the row's very data, so the
 * copy's older digest still names the same row.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'copy of the current rows for the next snapshot',
  up(db) {
    db.exec(`
      CREATE TABLE current_copy (
        kind TEXT PRIMARY KEY CHECK (kind IN ('customers','numbers','ips')),
        at INTEGER NOT NULL,
        max_id INTEGER NOT NULL,
        latest INTEGER,
        current INTEGER NOT NULL,
        future_to INTEGER,
        layers INTEGER NOT NULL DEFAULT 0 CHECK (layers >= 0),
        base_rows INTEGER NOT NULL DEFAULT 0,
        delta_rows INTEGER NOT NULL DEFAULT 0,
        parts INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE TABLE current_copy_part (
        kind TEXT NOT NULL,
        n INTEGER NOT NULL,
        layer INTEGER NOT NULL CHECK (layer >= 0),
        what TEXT NOT NULL CHECK (what IN ('rows','bare','gone')),
        data BLOB NOT NULL,
        PRIMARY KEY (kind, n)
      ) STRICT;`);
    for (const t of DIGESTED_TABLES) {
      const k = KIND_OF[t];
      const dropHead = `DELETE FROM current_copy WHERE kind = '${k}';`;
      const dropParts = `DELETE FROM current_copy_part WHERE kind = '${k}';`;
      // A change drops the head, so the copy is no longer read; its parts stay until the next
      // snapshot writes the copy (a snapshot's own changes are laid on them). A delete, which is a
      // purge, drops the parts too: nothing of a purged row stays in the copy.
      db.exec(`
        CREATE TRIGGER ${t}_drops_copy_on_delete AFTER DELETE ON ${t}
        BEGIN ${dropHead} ${dropParts} END;
        CREATE TRIGGER ${t}_drops_copy_on_update AFTER UPDATE ON ${t}
        WHEN NEW.line_digest IS OLD.line_digest
          OR NEW.valid_from IS NOT OLD.valid_from
          OR NEW.valid_to IS NOT OLD.valid_to
        BEGIN ${dropHead} END;`);
    }
  },
};
