import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importerDesk } from '../fixtures/customers/desk';

describe('after an import has committed', () => {
  it('its worker copies the WAL into the database file, not the next writer', async () => {
    const d = await importerDesk();
    d.db().pragma('wal_checkpoint(TRUNCATE)');
    const file = join(d.session.vaultDir, 'vault.db');
    const before = statSync(file).size;
    const rows = Array.from({ length: 5000 }, (_, i) => `C${i};Klant ${i};Straat ${i};Utrecht\n`);
    const r = await d.report(d.csv('customer_id;name;street;city\n' + rows.join('')), 'customers');
    expect(r.status).toBe('committed');
    // The job is done when the report is posted; the copy follows in the same worker.
    // (It writes the pages in order, so the file grows as it goes.)
    let size = statSync(file).size;
    for (let i = 0; i < 200 && size <= before + 200_000; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      size = statSync(file).size;
    }
    expect(size).toBeGreaterThan(before + 200_000);
  });
});
