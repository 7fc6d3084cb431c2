import type { Migration } from './types';

/**
 * `ip_port_span`: the widest port block ever held (port_to - port_from). A look-up near a port on
 * a shared address searches the blocks that start up to that far below it; reading the bound from
 * here instead of computing it over every block costs nothing where the scan cost a pass over the
 * whole index (about 0.2 s per 500,000 blocks, in every import that looks up a port block). The
 * import keeps it (stores.ts, as it keeps `ip_prefix_length`); it never shrinks, as a wider bound
 * only searches a little more, and a narrower one would miss a block.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'widest port block held',
  up(db) {
    db.exec(`
      CREATE TABLE ip_port_span (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        span INTEGER NOT NULL CHECK (span BETWEEN 0 AND 65535)
      ) STRICT;
      INSERT INTO ip_port_span (id, span)
        SELECT 1, coalesce(max(port_to - port_from), 0) FROM ip_assignment WHERE port_from IS NOT NULL;`);
  },
};
