import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_HEADER_CHARS, MAX_RECORD_CHARS } from '../../electron/customers/csv-reader';
import { importerDesk, sha256File } from '../fixtures/customers/desk';

/**
 * A file that is not a CSV export (one giant first line, a runaway row) is refused with a clear
 * reason before it costs memory, before it can be read as a header that closes everything, and
 * without a report that repeats it.
 */
describe('import guard: header and line length', () => {
  it('refuses a 50 MB first line as no header: nothing written, a small report', async () => {
    const d = await importerDesk();
    await d.report(d.csv('customer_id,name\nC1,Jan\nC2,Piet\nC3,Anna\n'), 'customers');
    const before = d.dataFingerprint();
    // Read as a header, this would be two known columns and one 50 MB "unknown column" (named
    // twice in the report), and the snapshot of C1 would close C2 and C3.
    const path = d.csv('', 'giant.csv');
    writeFileSync(path, `customer_id;name;${'x'.repeat(50 * 2 ** 20)}\nC1;Jan\n`);
    const r = await d.report(path, 'customers');
    expect(r).toMatchObject({
      status: 'failed',
      written: false,
      mode: null,
      rows: 0,
      closed: 0,
      sha256: sha256File(path),
    });
    expect(r.bytes).toBeGreaterThan(50_000_000);
    expect(r.rejected).toEqual([
      {
        line: 1,
        column: '',
        code: 'header_too_long',
        params: { max: MAX_HEADER_CHARS },
        reason: expect.stringMatching(/first line \(the header\) is longer than 65,536 characters/),
      },
    ]);
    expect(r.message).toMatch(/Nothing was written/);
    expect(JSON.stringify(r).length).toBeLessThan(4_000);
    expect(d.dataFingerprint()).toBe(before);
    expect((await d.must('customers.summary', {})).customers.current).toBe(3);
  }, 120_000);

  it('refuses a data line over 1 MiB with its line number', async () => {
    const d = await importerDesk();
    const path = d.csv(
      `customer_id,name\nC1,Jan\nC2,${'x'.repeat(MAX_RECORD_CHARS + 10)}\nC3,Piet\n`,
    );
    const r = await d.report(path, 'customers');
    expect(r).toMatchObject({ status: 'failed', written: false });
    expect(r.rejected).toEqual([
      expect.objectContaining({
        line: 3,
        code: 'line_too_long',
        params: { line: 3, max: MAX_RECORD_CHARS },
        reason: expect.stringMatching(/^Line 3 is longer than 1,048,576 characters/),
      }),
    ]);
    expect(JSON.stringify(r).length).toBeLessThan(4_000);
    expect((await d.must('customers.summary', {})).customers.total).toBe(0);
  });

  it('names at most 20 unknown columns and counts the rest; long names are cut', async () => {
    const d = await importerDesk();
    const extra = Array.from({ length: 500 }, (_, i) => `extra_${i}_${'y'.repeat(100)}`);
    const r = await d.report(
      d.csv(`customer_id,name,${extra.join(',')}\nC1,Jan${','.repeat(500)}\n`),
      'customers',
    );
    expect(r).toMatchObject({ status: 'committed', added: 1 });
    expect(r.warnings).toHaveLength(21);
    expect(r.warnings[0]!.column.length).toBeLessThanOrEqual(64);
    expect(r.warnings[20]!.reason).toBe('480 more unknown columns were ignored');
  });
});
