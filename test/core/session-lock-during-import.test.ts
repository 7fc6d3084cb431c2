import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createdDesk, tempDir } from '../support/desk';

const IMPORTER = { userName: 'olga', passphrase: 'importer passphrase 1' };

describe('locking while an import worker writes', () => {
  it('stops the import, writes the lock event without a race, and keeps the chain intact', async () => {
    const d = await createdDesk();
    await d.must('users.add', { name: 'olga', role: 'importer', passphrase: IMPORTER.passphrase });
    await d.must('vault.unlock', IMPORTER);
    const file = join(tempDir(), 'customers.csv');
    const rows = Array.from(
      { length: 150_000 },
      (_, i) => `C${i},Klant ${i},Dorpsstraat,${(i % 200) + 1},,1234 AB,Utrecht,NL,2020-01-01,`,
    );
    writeFileSync(
      file,
      'customer_id,name,street,house_number,house_number_addition,postcode,city,country,valid_from,valid_to\n' +
        rows.join('\n'),
    );
    const { jobId } = await d.must('customers.importStart', {
      file: d.session.files.register(file).token,
      kind: 'customers',
    });
    // Let the worker get going and hold its write transaction.
    for (let i = 0; i < 100; i++) {
      const p = await d.must('customers.importProgress', { jobId, waitMs: 0 });
      if (p.progress.rows > 1000 || p.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const locked = await d.call('vault.lock', {});
    expect(locked.ok).toBe(true);
    expect(d.session.vault).toBeNull();

    await d.must('vault.unlock', IMPORTER);
    await d.must('vault.lock', {});
    await d.must('vault.unlock', { userName: 'admin', passphrase: 'correct horse battery' });
    const v = await d.must('audit.verify', {});
    expect(v).toMatchObject({ intact: true, brokenAt: null });
    const lockEvents = await d.must('audit.list', { action: 'vault.locked', user: 'olga' });
    expect(lockEvents.total).toBe(2);
    // The import was stopped and rolled back as a whole: no half-written customer data.
    const summary = await d.must('vault.summary', {});
    expect([0, 150_000]).toContain(summary.counts.customers);
  });
});
