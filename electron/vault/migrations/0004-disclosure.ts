import type { Migration } from './types';

/**
 * The disclosure record: what left the building for a decided request. One row per
 * letter issued: the request's references, each item with its moment and outcome, exactly the data
 * disclosed and the categories withheld, who handled, approved and issued it, the audit chain head
 * printed in the footer, and the archived PDF with its SHA-256 (and its pages as SVG images for
 * the screen, so a reprint is shown without rendering anything again).
 *
 * Immutable: the only change a row ever takes is "mark as sent" (method, time, by whom), once.
 * After that nothing changes; a correction is a new row that names the row it corrects. A row goes
 * only when its whole request is purged (ON DELETE CASCADE from request).
 */
export const migration0004: Migration = {
  version: 4,
  name: 'disclosure records and archived letters',
  up(db) {
    db.exec(`
      CREATE TABLE disclosure (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES request(id) ON DELETE CASCADE,
        decision_id INTEGER NOT NULL REFERENCES decision(id) ON DELETE CASCADE,
        register_no TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('disclosure','no_data','refusal')),
        language TEXT NOT NULL CHECK (language IN ('nl','en')),
        authority TEXT NOT NULL,
        official TEXT NOT NULL,
        legal_basis TEXT NOT NULL,
        case_reference TEXT,
        items TEXT NOT NULL,
        disclosed TEXT NOT NULL,
        categories TEXT NOT NULL,
        withheld TEXT NOT NULL,
        reasons TEXT NOT NULL,
        handled_by TEXT NOT NULL,
        decided_at TEXT NOT NULL,
        approved_by TEXT,
        approved_at TEXT,
        issued_by TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        chain_seq INTEGER NOT NULL,
        chain_hash TEXT NOT NULL,
        pdf BLOB NOT NULL,
        pdf_sha256 TEXT NOT NULL CHECK (length(pdf_sha256) = 64),
        pdf_size INTEGER NOT NULL,
        page_count INTEGER NOT NULL,
        pages TEXT NOT NULL,
        corrects INTEGER UNIQUE REFERENCES disclosure(id),
        correction_reason TEXT,
        sent_method TEXT CHECK (sent_method IN ('secure_email','portal','post','by_hand')),
        sent_at TEXT,
        sent_by TEXT,
        sent_recorded_at TEXT,
        CHECK ((corrects IS NULL) = (correction_reason IS NULL)),
        CHECK ((sent_at IS NULL) = (sent_method IS NULL) AND (sent_at IS NULL) = (sent_by IS NULL))
      ) STRICT;
      CREATE INDEX disclosure_by_request ON disclosure(request_id, id);
      -- One original letter per decision; later ones are corrections that name what they correct.
      CREATE UNIQUE INDEX disclosure_one_original ON disclosure(decision_id) WHERE corrects IS NULL;

      CREATE TRIGGER disclosure_sent_is_final BEFORE UPDATE ON disclosure
      WHEN OLD.sent_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'a sent disclosure is never changed; issue a correction'); END;

      CREATE TRIGGER disclosure_only_sending BEFORE UPDATE OF
        id, request_id, decision_id, register_no, kind, language, authority, official, legal_basis,
        case_reference, items, disclosed, categories, withheld, reasons, handled_by, decided_at,
        approved_by, approved_at, issued_by, issued_at, chain_seq, chain_hash, pdf, pdf_sha256,
        pdf_size, page_count, pages, corrects, correction_reason ON disclosure
      BEGIN SELECT RAISE(ABORT, 'an issued letter is never changed; issue a correction'); END;

      CREATE TRIGGER disclosure_sending_complete
      BEFORE UPDATE OF sent_method, sent_at, sent_by, sent_recorded_at ON disclosure
      WHEN NEW.sent_at IS NULL OR NEW.sent_method IS NULL OR NEW.sent_by IS NULL
        OR NEW.sent_recorded_at IS NULL
      BEGIN SELECT RAISE(ABORT, 'marking as sent needs the method, the time and who sent it'); END;

      -- Only a purge of the whole request removes a record (the cascade runs after the request row
      -- is gone); deleting a record on its own is refused.
      CREATE TRIGGER disclosure_no_delete BEFORE DELETE ON disclosure
      WHEN EXISTS (SELECT 1 FROM request WHERE id = OLD.request_id)
      BEGIN SELECT RAISE(ABORT, 'a disclosure record is kept with its request'); END;
    `);
  },
};
