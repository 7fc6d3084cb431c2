import type { Migration } from './types';

/**
 * European Production Orders (Regulation (EU) 2023/1543, EPOC, Annex I) as requests of their own.
 * - request_epoc: one row per request that came as an EPOC, with the certificate as the officer
 *   confirmed it at logging (JSON, typed by shared/schemas/epoc.ts) and, as columns, what the
 *   checks, the deadline and later reports read without parsing it: the issuing state, the
 *   deadline option, the emergency flag and the issuing authority's function. The row is written
 *   once: a correction (a validation recorded later, for one) is an amendment, as for every other
 *   field, so the certificate as received stays readable. It goes with its request (purge).
 */
export const migration0008: Migration = {
  version: 8,
  name: 'European Production Orders',
  up(db) {
    db.exec(`
      CREATE TABLE request_epoc (
        request_id INTEGER PRIMARY KEY REFERENCES request(id) ON DELETE CASCADE,
        issuing_state TEXT NOT NULL CHECK (length(issuing_state) = 2 AND issuing_state GLOB '[A-Z][A-Z]'),
        deadline_option TEXT NOT NULL
          CHECK (deadline_option IN ('asap_10_days','end_of_10_days','emergency_8_hours')),
        emergency INTEGER NOT NULL CHECK (emergency IN (0,1)),
        issuer_function TEXT NOT NULL,
        certificate TEXT NOT NULL CHECK (json_valid(certificate))
      ) STRICT;
      CREATE TRIGGER request_epoc_append_only BEFORE UPDATE ON request_epoc
      BEGIN SELECT RAISE(ABORT, 'a certificate as received is never edited; add an amendment'); END;
    `);
  },
};
