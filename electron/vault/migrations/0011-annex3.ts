import type { Migration } from './types';

/**
 * The Annex III form of Regulation (EU) 2023/1543 ("information on the impossibility to execute
 * the EPOC"): what the desk sent back when it could not (or not yet) execute a European
 * Production Order. A table of its own beside the disclosure letters (migration 0004), because a
 * form answers the certificate rather than a decision: a clarification is asked while the request
 * is still open, and a refused order gets both its refusal letter and its form. Like a letter it
 * keeps the archived PDF with its SHA-256, its pages as SVG for the screen and the audit chain
 * head printed in its footer, and it is never changed; a second form is a new row. The reasons
 * are Annex III's codes (electron/letters/annex3/reasons.ts), which the yearly figures count.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'EPOC Annex III forms',
  up(db) {
    db.exec(`
      CREATE TABLE annex3_form (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES request(id) ON DELETE CASCADE,
        decision_id INTEGER REFERENCES decision(id) ON DELETE CASCADE,
        register_no TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('refuse','no_data','clarify')),
        reasons TEXT NOT NULL CHECK (json_valid(reasons) AND json_array_length(reasons) > 0),
        explanation TEXT,
        clarification TEXT,
        preserved INTEGER NOT NULL CHECK (preserved IN (0,1)),
        language TEXT NOT NULL CHECK (language IN ('nl','en','de')),
        issued_by TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        chain_seq INTEGER NOT NULL,
        chain_hash TEXT NOT NULL,
        pdf BLOB NOT NULL,
        pdf_sha256 TEXT NOT NULL CHECK (length(pdf_sha256) = 64),
        pdf_size INTEGER NOT NULL,
        page_count INTEGER NOT NULL,
        pages TEXT NOT NULL,
        CHECK ((outcome = 'clarify') = (decision_id IS NULL))
      ) STRICT;
      CREATE INDEX annex3_form_by_request ON annex3_form(request_id, id);

      CREATE TRIGGER annex3_form_never_changed BEFORE UPDATE ON annex3_form
      BEGIN SELECT RAISE(ABORT, 'an issued Annex III form is never changed; issue a new one'); END;

      -- Only a purge of the whole request removes a form (as for a disclosure record).
      CREATE TRIGGER annex3_form_no_delete BEFORE DELETE ON annex3_form
      WHEN EXISTS (SELECT 1 FROM request WHERE id = OLD.request_id)
      BEGIN SELECT RAISE(ABORT, 'an Annex III form is kept with its request'); END;
    `);
  },
};
