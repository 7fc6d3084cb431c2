import { DEFAULT_AUTHORITIES, DEFAULT_LEGAL_BASES } from '../../catalogue/defaults';
import type { Migration } from './types';

const FINAL = `('disclosed','no_data','refused','referred')`;
const appendOnly = (table: string) => `
  CREATE TRIGGER ${table}_append_only BEFORE UPDATE ON ${table}
  BEGIN SELECT RAISE(ABORT, '${table} rows are never changed; add a new one'); END;`;

/**
 * The request register: the legal catalogue and authorities (seeded with the
 * NL defaults), requests with their items, checks, match results with evidence, decisions,
 * approvals, amendments and a timeline of events.
 *
 * Times are ISO-8601 UTC text (`2026-03-02T09:15:00.000Z`, sortable); the instant of an item is
 * also kept as epoch ms (utc_ms) in the customer tables' terms. After a decision a request is never
 * edited in place: triggers refuse updates of a decided request and its items, and every
 * check/match/decision/approval/amendment/event row is append-only. Deleting (retention purge,
 * another issue) removes a whole request with everything under it (ON DELETE CASCADE).
 * Letters and disclosure records (the next issue) hang off request(id) / decision(id).
 */
export const migration0003: Migration = {
  version: 3,
  name: 'request register, legal catalogue, authorities',
  up(db) {
    db.exec(`
      CREATE TABLE legal_basis (
        code TEXT PRIMARY KEY,
        article TEXT NOT NULL,
        short_name TEXT NOT NULL,
        issuers TEXT NOT NULL,
        categories TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('HANDLE','REFER','REFUSE')),
        version_date TEXT NOT NULL,
        valid_from TEXT,
        valid_until TEXT,
        requires_rc INTEGER NOT NULL DEFAULT 0 CHECK (requires_rc IN (0,1)),
        unverified INTEGER NOT NULL DEFAULT 0 CHECK (unverified IN (0,1)),
        note TEXT NOT NULL DEFAULT '',
        sort INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE authority (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        legacy INTEGER NOT NULL DEFAULT 0 CHECK (legacy IN (0,1)),
        replaced_by TEXT NOT NULL DEFAULT '[]',
        contacts TEXT NOT NULL DEFAULT '[]',
        note TEXT NOT NULL DEFAULT '',
        sort INTEGER NOT NULL
      ) STRICT;

      -- Gap-free register numbers: the next number of a year is taken in the same transaction as the insert.
      CREATE TABLE register_counter (
        year INTEGER PRIMARY KEY,
        last INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE request (
        id INTEGER PRIMARY KEY,
        register_no TEXT NOT NULL UNIQUE,
        year INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        received_at TEXT NOT NULL,
        channel TEXT NOT NULL CHECK (channel IN ('email','portal','post','phone','epoc')),
        oral INTEGER NOT NULL CHECK (oral IN (0,1)),
        written_confirmation_due TEXT,
        written_received_at TEXT,
        authority_code TEXT NOT NULL REFERENCES authority(code),
        requester_name TEXT NOT NULL,
        requester_function TEXT NOT NULL,
        requester_badge TEXT,
        requester_email TEXT,
        requester_phone TEXT,
        legal_basis_code TEXT NOT NULL REFERENCES legal_basis(code),
        case_reference TEXT,
        urgency TEXT NOT NULL CHECK (urgency IN ('normal','urgent','emergency')),
        deadline TEXT NOT NULL,
        categories TEXT NOT NULL,
        verification_method TEXT CHECK (verification_method IN ('callback','known_portal','signed_document')),
        verification_by TEXT,
        verification_at TEXT,
        verification_note TEXT,
        rc_authorisation TEXT,
        note TEXT,
        status TEXT NOT NULL CHECK (status IN
          ('received','checked','matched','awaiting_approval','disclosed','no_data','refused','referred')),
        logged_by TEXT NOT NULL,
        logged_at TEXT NOT NULL,
        UNIQUE (year, seq)
      ) STRICT;
      CREATE INDEX request_open ON request(status, deadline);
      CREATE INDEX request_case ON request(case_reference);

      CREATE TRIGGER request_decided_is_final BEFORE UPDATE ON request
      WHEN OLD.status IN ${FINAL}
      BEGIN SELECT RAISE(ABORT, 'a decided request is never edited in place; add an amendment'); END;
      CREATE TRIGGER request_number_is_fixed BEFORE UPDATE OF register_no, year, seq ON request
      BEGIN SELECT RAISE(ABORT, 'a register number never changes'); END;

      CREATE TABLE request_document (
        request_id INTEGER PRIMARY KEY REFERENCES request(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        bytes BLOB NOT NULL,
        added_by TEXT NOT NULL,
        added_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER request_document_append_only BEFORE UPDATE ON request_document
      BEGIN SELECT RAISE(ABORT, 'the original request document is never replaced'); END;

      CREATE TABLE request_item (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES request(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('phone','ip')),
        value TEXT NOT NULL,
        normalised TEXT,
        port INTEGER CHECK (port IS NULL OR port BETWEEN 0 AND 65535),
        input_problem TEXT,
        moment TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        time_status TEXT NOT NULL CHECK (time_status IN ('ok','invalid_input','invalid_time','ambiguous_time')),
        utc_ms INTEGER,
        time_candidates TEXT NOT NULL DEFAULT '[]',
        UNIQUE (request_id, idx)
      ) STRICT;
      CREATE TRIGGER request_item_decided_is_final BEFORE UPDATE ON request_item
      WHEN (SELECT status FROM request WHERE id = OLD.request_id) IN ${FINAL}
      BEGIN SELECT RAISE(ABORT, 'a decided request is never edited in place; add an amendment'); END;
      CREATE TRIGGER request_item_identifier_is_fixed
      BEFORE UPDATE OF request_id, idx, kind, value, normalised, port ON request_item
      BEGIN SELECT RAISE(ABORT, 'an identifier as given is never changed; add an amendment'); END;

      CREATE TABLE request_check (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES request(id) ON DELETE CASCADE,
        outcome TEXT NOT NULL CHECK (outcome IN ('proceed','refuse','refer')),
        failures TEXT NOT NULL,
        warnings TEXT NOT NULL,
        checked_by TEXT NOT NULL,
        checked_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX request_check_by_request ON request_check(request_id, id);

      CREATE TABLE match_result (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES request(id) ON DELETE CASCADE,
        item_id INTEGER NOT NULL REFERENCES request_item(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN
          ('match','no_match','ambiguous','needs_port','invalid_input','invalid_time','ambiguous_time')),
        reason TEXT NOT NULL,
        subscribers TEXT NOT NULL,
        evidence TEXT NOT NULL,
        matched_by TEXT NOT NULL,
        matched_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX match_result_by_request ON match_result(request_id, item_id, id);

      CREATE TABLE decision (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES request(id) ON DELETE CASCADE,
        outcome TEXT NOT NULL CHECK (outcome IN ('disclose','no_data','refuse','referred')),
        items TEXT NOT NULL,
        categories TEXT NOT NULL,
        withheld TEXT NOT NULL,
        reasons TEXT NOT NULL,
        note TEXT,
        decided_by TEXT NOT NULL,
        decided_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX decision_by_request ON decision(request_id, id);

      CREATE TABLE approval (
        id INTEGER PRIMARY KEY,
        decision_id INTEGER NOT NULL UNIQUE REFERENCES decision(id) ON DELETE CASCADE,
        approved INTEGER NOT NULL CHECK (approved IN (0,1)),
        approved_by TEXT NOT NULL,
        approved_at TEXT NOT NULL,
        note TEXT,
        one_person INTEGER NOT NULL CHECK (one_person IN (0,1))
      ) STRICT;
      -- Four eyes, enforced below the handlers too: a second person, unless marked as a one-person desk.
      CREATE TRIGGER approval_four_eyes BEFORE INSERT ON approval
      WHEN NEW.one_person = 0
        AND NEW.approved_by = (SELECT decided_by FROM decision WHERE id = NEW.decision_id)
      BEGIN SELECT RAISE(ABORT, 'a disclosure needs approval by a different person'); END;

      CREATE TABLE amendment (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES request(id) ON DELETE CASCADE,
        field TEXT NOT NULL,
        value TEXT NOT NULL,
        reason TEXT NOT NULL,
        amended_by TEXT NOT NULL,
        amended_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX amendment_by_request ON amendment(request_id, id);

      CREATE TABLE request_event (
        id INTEGER PRIMARY KEY,
        request_id INTEGER NOT NULL REFERENCES request(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        kind TEXT NOT NULL,
        details TEXT NOT NULL
      ) STRICT;
      CREATE INDEX request_event_by_request ON request_event(request_id, id);

      ${['request_check', 'match_result', 'decision', 'approval', 'amendment', 'request_event']
        .map(appendOnly)
        .join('\n')}
    `);

    const basis = db.prepare(
      `INSERT INTO legal_basis (code, article, short_name, issuers, categories, action, version_date,
         valid_from, valid_until, requires_rc, unverified, note, sort)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    DEFAULT_LEGAL_BASES.forEach((b, i) =>
      basis.run(
        b.code,
        b.article,
        b.shortName,
        JSON.stringify(b.issuers),
        JSON.stringify(b.categories),
        b.action,
        b.versionDate,
        b.validFrom,
        b.validUntil,
        b.requiresRcAuthorisation ? 1 : 0,
        b.unverified ? 1 : 0,
        b.note,
        i + 1,
      ),
    );
    const authority = db.prepare(
      `INSERT INTO authority (code, name, kind, legacy, replaced_by, contacts, note, sort)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    DEFAULT_AUTHORITIES.forEach((a, i) =>
      authority.run(
        a.code,
        a.name,
        a.kind,
        a.legacy ? 1 : 0,
        JSON.stringify(a.replacedBy),
        JSON.stringify(a.contacts),
        a.note,
        i + 1,
      ),
    );
  },
};
