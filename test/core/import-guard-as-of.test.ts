import { describe, expect, it } from 'vitest';
import { importerDesk } from '../fixtures/customers/desk';

const TONIGHT = 'customer_id;name;city\nC1;Jan Jansen;Utrecht\nC2;Piet Bakker;Groningen\n';
const MOVED = 'customer_id;name;city\nC1;Jan Jansen;Zwolle\nC2;Piet Bakker;Groningen\n';

/**
 * A snapshot dated in the future would be the newest data the vault holds, so every later normal
 * snapshot ("now") would be refused as older than what is held: the import would be locked until
 * that date. An as-of later than now, beyond a few minutes of clock skew, is refused.
 */
describe('import guard: an as-of time in the future', () => {
  it('refuses --as-of 2100-01-01 without writing, so the next normal snapshot still goes in', async () => {
    const d = await importerDesk();
    expect((await d.report(d.csv(TONIGHT), 'customers', { asOf: '2024-03-01' })).status).toBe(
      'committed',
    );
    const before = d.dataFingerprint();
    const future = await d.report(d.csv(MOVED, 'moved.csv'), 'customers', { asOf: '2100-01-01' });
    expect(future).toMatchObject({ status: 'rejected', written: false, changed: 0 });
    expect(future.rejected).toEqual([
      expect.objectContaining({
        line: 1,
        code: 'as_of_future',
        params: { asOf: '2099-12-31T23:00:00Z' },
        reason: expect.stringMatching(/^the as-of time 2099-12-31T23:00:00Z is in the future/),
      }),
    ]);
    expect(d.dataFingerprint()).toBe(before);

    const normal = await d.report(d.csv(MOVED, 'moved.csv'), 'customers');
    expect(normal).toMatchObject({ status: 'committed', changed: 1, unchanged: 1 });
  });

  it('allows a few minutes of clock skew, not more', async () => {
    const d = await importerDesk();
    const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
    const skewed = await d.report(d.csv(TONIGHT), 'customers', { asOf: inMinutes(2) });
    expect(skewed.status).toBe('committed');
    const later = await d.report(d.csv(MOVED), 'customers', { asOf: inMinutes(10) });
    expect(later.status).toBe('rejected');
    expect(later.rejected[0]!.code).toBe('as_of_future');
  });

  it('says a snapshot is too old without telling when the held data starts', async () => {
    const d = await importerDesk();
    await d.report(d.csv(TONIGHT), 'customers', { asOf: '2024-03-01T12:34:56Z' });
    const old = await d.report(d.csv(MOVED), 'customers', { asOf: '2024-02-01' });
    expect(old.rejected).toEqual([
      expect.objectContaining({ code: 'snapshot_older', params: { asOf: '2024-01-31T23:00:00Z' } }),
    ]);
    expect(old.rejected[0]!.reason).toMatch(/must not be older than what is held/);
    expect(old.rejected[0]!.reason).not.toContain('12:34:56');
  });
});
