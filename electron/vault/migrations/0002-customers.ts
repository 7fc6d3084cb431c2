import type { Migration } from './types';

/**
 * The local copy of the customer (NAW) data with its full history.
 *
 * Conventions for every table here:
 * - times are INTEGER epoch milliseconds UTC; validity intervals are half-open [valid_from, valid_to),
 *   valid_to NULL = still current;
 * - `customer_id` is the CRM's stable id exactly as given (TEXT), so the foreign key to `customer`
 *   itself rejects assignments to unknown customers;
 * - `import_id` + `source_line` say which import (and which line of its file) wrote a row — what a
 *   match reports as "which record matched".
 *
 * Look-ups "who held identifier X at instant t" (p99 < 2 ms on millions of rows):
 * - number: `WHERE e164 = ? AND valid_from <= t AND (valid_to IS NULL OR valid_to > t)` on
 *   number_assignment_lookup (e164, valid_from);
 * - IP address: for each (family, prefix_length) in `ip_prefix_length`, mask the address to that
 *   length (identifiers.maskIp) and look up `ip_from = masked AND prefix_length = L` plus the same time
 *   condition (and `port_from <= p AND port_to >= p` or no port block) on ip_assignment_lookup
 *   (ip_from, port_from, valid_from, valid_to, port_to). Prefixes are CIDR-aligned, so an address lies in a prefix exactly when
 *   the masked address equals its start: a handful of equality probes, never a range scan.
 * Only these indexes exist on the big tables, to keep bulk import close to a bare insert.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'customers, NAW versions, number and IP assignments, import runs',
  up(db) {
    db.exec(`
      CREATE TABLE import_run (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('customers','numbers','ips')),
        mode TEXT NOT NULL CHECK (mode IN ('history','snapshot')),
        status TEXT NOT NULL
          CHECK (status IN ('running','committed','rejected','dry_run','cancelled','failed')),
        file_name TEXT NOT NULL,
        file_sha256 TEXT NOT NULL,
        file_bytes INTEGER NOT NULL,
        user TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        as_of INTEGER,
        accept_valid INTEGER NOT NULL DEFAULT 0 CHECK (accept_valid IN (0,1)),
        rows INTEGER NOT NULL DEFAULT 0,
        added INTEGER NOT NULL DEFAULT 0,
        changed INTEGER NOT NULL DEFAULT 0,
        closed INTEGER NOT NULL DEFAULT 0,
        unchanged INTEGER NOT NULL DEFAULT 0,
        rejected INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      CREATE INDEX import_run_by_kind ON import_run(kind, status, finished_at);

      CREATE TABLE customer (
        customer_id TEXT PRIMARY KEY CHECK (length(customer_id) BETWEEN 1 AND 64),
        import_id INTEGER NOT NULL REFERENCES import_run(id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE customer_version (
        id INTEGER PRIMARY KEY,
        customer_id TEXT NOT NULL REFERENCES customer(customer_id),
        name TEXT NOT NULL,
        street TEXT,
        house_number TEXT,
        house_number_addition TEXT,
        postcode TEXT,
        city TEXT,
        country TEXT NOT NULL DEFAULT 'NL' CHECK (length(country) = 2),
        email TEXT,
        customer_type TEXT CHECK (customer_type IN ('person','business')),
        kvk_number TEXT,
        valid_from INTEGER NOT NULL,
        valid_to INTEGER,
        import_id INTEGER NOT NULL REFERENCES import_run(id),
        source_line INTEGER NOT NULL,
        CHECK (valid_to IS NULL OR valid_to > valid_from)
      ) STRICT;
      CREATE INDEX customer_version_by_customer ON customer_version(customer_id, valid_from);

      CREATE TABLE number_assignment (
        id INTEGER PRIMARY KEY,
        e164 TEXT NOT NULL CHECK (e164 GLOB '+[1-9]*'),
        number_given TEXT NOT NULL,
        customer_id TEXT NOT NULL REFERENCES customer(customer_id),
        service TEXT CHECK (service IN ('fixed','mobile','voip')),
        valid_from INTEGER NOT NULL,
        valid_to INTEGER,
        import_id INTEGER NOT NULL REFERENCES import_run(id),
        source_line INTEGER NOT NULL,
        CHECK (valid_to IS NULL OR valid_to > valid_from)
      ) STRICT;
      CREATE INDEX number_assignment_lookup ON number_assignment(e164, valid_from);

      CREATE TABLE ip_assignment (
        id INTEGER PRIMARY KEY,
        family INTEGER NOT NULL CHECK (family IN (4,6)),
        prefix TEXT NOT NULL,
        prefix_length INTEGER NOT NULL
          CHECK (prefix_length BETWEEN 0 AND (CASE family WHEN 4 THEN 32 ELSE 128 END)),
        ip_from BLOB NOT NULL CHECK (length(ip_from) = 16),
        ip_to BLOB NOT NULL CHECK (length(ip_to) = 16 AND ip_to >= ip_from),
        port_from INTEGER,
        port_to INTEGER,
        customer_id TEXT NOT NULL REFERENCES customer(customer_id),
        valid_from INTEGER NOT NULL,
        valid_to INTEGER,
        import_id INTEGER NOT NULL REFERENCES import_run(id),
        source_line INTEGER NOT NULL,
        CHECK (valid_to IS NULL OR valid_to > valid_from),
        CHECK ((port_from IS NULL) = (port_to IS NULL)),
        CHECK (port_from IS NULL OR (port_from >= 0 AND port_to >= port_from AND port_to <= 65535))
      ) STRICT;
      -- One index serves look-ups by start address and, on a shared CGNAT address (dozens of port
      -- blocks, each with its history), narrows to the port blocks near a port; validity and the
      -- block's end ride along so checks filter inside the index without reading table rows.
      CREATE INDEX ip_assignment_lookup
        ON ip_assignment(ip_from, port_from, valid_from, valid_to, port_to);

      -- The prefix lengths in use per family: the few equality probes an IP look-up needs.
      CREATE TABLE ip_prefix_length (
        family INTEGER NOT NULL CHECK (family IN (4,6)),
        prefix_length INTEGER NOT NULL,
        PRIMARY KEY (family, prefix_length)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
