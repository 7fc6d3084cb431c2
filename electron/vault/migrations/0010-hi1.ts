import type { Migration } from './types';

/**
 * ETSI TS 103 120 (HI-1) exchange.
 * - hi1_sender: an HI-1 sender (country code + unique identifier, as its messages name it) linked
 *   by an admin to a catalogue authority. An order from a sender not linked is logged, but the
 *   checks fail until it is: the header alone proves nothing about who sent it.
 * - request_hi1: the HI-1 identifiers of a request that came as an HI1Message (sender, receiver,
 *   transaction, the AuthorisationObject's identifier and reference), written once, so the answer
 *   can name them. The message itself is the request's document.
 * - request_hi1_task: each LDTaskObject of that message, with its identifier, its LDID, its
 *   request type and the request items (1-based, JSON list) it became; a task the desk does not
 *   match (traffic data, content) keeps its type and is refused or referred by the checks.
 * All go with their request (purge).
 */
export const migration0010: Migration = {
  version: 10,
  name: 'HI-1 exchange',
  up(db) {
    db.exec(`
      CREATE TABLE hi1_sender (
        country_code TEXT NOT NULL CHECK (length(country_code) = 2 AND country_code GLOB '[A-Z][A-Z]'),
        unique_identifier TEXT NOT NULL CHECK (length(unique_identifier) BETWEEN 1 AND 200),
        authority_code TEXT NOT NULL REFERENCES authority(code),
        linked_by TEXT NOT NULL,
        linked_at TEXT NOT NULL,
        PRIMARY KEY (country_code, unique_identifier)
      ) STRICT;
      CREATE TABLE request_hi1 (
        request_id INTEGER PRIMARY KEY REFERENCES request(id) ON DELETE CASCADE,
        sender_country TEXT NOT NULL,
        sender_identifier TEXT NOT NULL,
        receiver_country TEXT NOT NULL,
        receiver_identifier TEXT NOT NULL,
        transaction_id TEXT NOT NULL,
        message_timestamp TEXT NOT NULL,
        etsi_version TEXT NOT NULL,
        authorisation_object_id TEXT NOT NULL,
        authorisation_reference TEXT,
        legal_type TEXT
      ) STRICT;
      CREATE INDEX request_hi1_sender ON request_hi1 (sender_country, sender_identifier);
      CREATE TABLE request_hi1_task (
        request_id INTEGER NOT NULL REFERENCES request(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        object_id TEXT NOT NULL,
        ldid TEXT NOT NULL,
        request_type TEXT NOT NULL,
        items TEXT NOT NULL CHECK (json_valid(items)),
        PRIMARY KEY (request_id, idx)
      ) STRICT;
      CREATE TRIGGER request_hi1_append_only BEFORE UPDATE ON request_hi1
      BEGIN SELECT RAISE(ABORT, 'HI-1 identifiers as received are never edited'); END;
      CREATE TRIGGER request_hi1_task_append_only BEFORE UPDATE ON request_hi1_task
      BEGIN SELECT RAISE(ABORT, 'HI-1 identifiers as received are never edited'); END;
    `);
  },
};
