import type { Db } from '../../core/db';
import { HELD_CUSTOMERS_SQL } from '../../register/hold';
import { monthsBefore, tableExists, type PurgeCategory } from './category';

/**
 * Former customers: every number and IP assignment has ended, the last one more than
 * `retentionCustomerMonths` ago. Their NAW versions and assignments go with them. A customer with
 * no assignment at all is not "former" by this rule and is kept (report it; the import decides).
 * Times in the customer tables are epoch milliseconds UTC.
 */
export const RETENTION_DUE = `
  WITH ended AS (
    SELECT customer_id, max(valid_to IS NULL) AS open, max(valid_to) AS last_end
    FROM (SELECT customer_id, valid_to FROM number_assignment
          UNION ALL SELECT customer_id, valid_to FROM ip_assignment)
    GROUP BY customer_id
  )
  SELECT customer_id FROM ended WHERE open = 0 AND last_end < ?`;

/**
 * Due, less the customers a live preservation hold keeps: none of their records goes (the held
 * ones are what the order preserves; the rest of their history is what those records mean).
 */
const DUE = `SELECT customer_id FROM (${RETENTION_DUE})
  WHERE customer_id NOT IN (${HELD_CUSTOMERS_SQL})`;

const CHILDREN = ['customer_version', 'number_assignment', 'ip_assignment'];

export const formerCustomersCategory: PurgeCategory = {
  id: 'formerCustomers',
  note: 'Customers whose last number or IP assignment ended before the cutoff, with their NAW history.',
  available: (db: Db) => ['customer', ...CHILDREN].every((t) => tableExists(db, t)),
  rule: (s, asOf) => ({
    amount: s.retentionCustomerMonths,
    period: `${s.retentionCustomerMonths} months after the last assignment ended`,
    cutoff: monthsBefore(asOf, s.retentionCustomerMonths),
  }),
  countDue: (db, cutoff) =>
    (db.prepare(`SELECT count(*) AS n FROM (${DUE})`).get(cutoff.getTime()) as { n: number }).n,
  purge: (db, cutoff) => {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS purge_customer (customer_id TEXT PRIMARY KEY)');
    db.exec('DELETE FROM purge_customer');
    db.prepare(`INSERT INTO purge_customer ${DUE}`).run(cutoff.getTime());
    let rows = 0;
    for (const t of CHILDREN) {
      rows += db
        .prepare(`DELETE FROM ${t} WHERE customer_id IN (SELECT customer_id FROM purge_customer)`)
        .run().changes;
    }
    const count = db
      .prepare('DELETE FROM customer WHERE customer_id IN (SELECT customer_id FROM purge_customer)')
      .run().changes;
    db.exec('DROP TABLE purge_customer');
    return { count, rows: rows + count };
  },
};
