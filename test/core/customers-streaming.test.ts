import { closeSync, openSync, writeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../shared/schemas/customers';
import { fixture, importerDesk } from '../fixtures/customers/desk';

describe('a large file streams through with progress', () => {
  it('imports 250,000 IP assignments (CGNAT blocks and IPv6 prefixes) reporting rows, bytes, rate and ETA', async () => {
    const d = await importerDesk();
    await d.report(fixture('customers-history.csv'), 'customers');
    const path = `${d.dir}/big-ips.csv`;
    const fd = openSync(path, 'w');
    writeSync(fd, 'prefix;port_from;port_to;customer_id;valid_from;valid_to\r\n');
    const n = 250_000;
    let lines: string[] = [];
    for (let i = 0; i < n; i++) {
      const c = ['C001', 'C002', 'C003'][i % 3];
      lines.push(
        i % 2
          ? `2001:db8:${(i >> 8).toString(16)}:${(i & 0xff).toString(16)}00::/56;;;${c};2022-01-01T00:00:00Z;`
          : `100.${64 + ((i >> 13) & 63)}.${(i >> 5) & 255}.1;${1024 + (i & 31) * 2016};${1024 + (i & 31) * 2016 + 2015};${c};2022-01-01;`,
      );
      if (lines.length === 10_000) {
        writeSync(fd, lines.join('\r\n') + '\r\n');
        lines = [];
      }
    }
    closeSync(fd);

    const f = d.session.files.register(path);
    const { jobId } = await d.must('customers.importStart', { file: f.token, kind: 'ips' });
    const seen: ImportProgress[] = [];
    let s = await d.must('customers.importProgress', { jobId });
    while (s.state === 'running') {
      seen.push(s.progress);
      await new Promise((r) => setTimeout(r, 150));
      s = await d.must('customers.importProgress', { jobId });
    }
    expect(s.report).toMatchObject({ status: 'committed', rows: n, added: n, rejectedRows: 0 });
    const reading = seen.filter((p) => p.phase === 'reading' && p.bytes > 0);
    expect(reading.length).toBeGreaterThan(2);
    for (let i = 1; i < reading.length; i++) {
      expect(reading[i]!.bytes).toBeGreaterThanOrEqual(reading[i - 1]!.bytes);
    }
    const mid = reading.at(-1)!;
    expect(mid.totalBytes).toBe(s.report!.bytes);
    expect(mid.bytes).toBeLessThan(mid.totalBytes);
    expect(mid.rowsPerSecond).toBeGreaterThan(0);
    expect(mid.etaSeconds).not.toBeNull();
    const summary = await d.must('customers.summary', {});
    expect(summary.ips.total).toBe(n);
  }, 120_000);
});
