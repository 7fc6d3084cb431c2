import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { StatsBook } from '../electron/stats/compute';
import { readRequestFacts } from '../electron/stats/facts';
import { registerYearStats } from '../electron/stats/year-stats';
import { openEncryptedDb } from '../electron/core/db';
import { migrate } from '../electron/vault/migrations';

/**
 * Statistics speed (target: ten years / 20,000 requests in under 100 ms). 20,000 requests
 * (× BENCH_SCALE) over 2017–2026 with items, checks, match results, decisions and approvals are
 * written straight into an encrypted vault with the register's schema (migration 0003), then the
 * figures of a year are computed the way the stats.year handler does: read the facts of that year
 * and the four before it from the register, and compute. Median of 7 runs after one warm-up; the
 * first (cold) run is shown too, and all ten years from one read of the whole register. On a busy
 * machine the wall-clock figures include waiting for a core: the CPU time and the load average are
 * printed beside them.
 */

const HOUR = 3_600_000;
const AUTHORITIES = ['pol-amsterdam', 'pol-rotterdam', 'pol-den-haag', 'om-lp', 'om-fp', 'fiod'];
const BASES = ['sv-126na-1', 'sv-126na-1', 'sv-126na-1', 'sv-126na-2', 'sv-126n', 'sv-126m'];
const URGENCY = ['normal', 'normal', 'normal', 'urgent', 'emergency'] as const;

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
const round = (v: number) => Math.round(v * 100) / 100;

export async function run(): Promise<Record<string, number | string>> {
  const scale = Number(process.env.BENCH_SCALE ?? '1');
  const n = Math.max(200, Math.round(20_000 * scale));
  const dir = mkdtempSync(join(tmpdir(), 'naw-bench-stats-'));
  const db = openEncryptedDb(join(dir, 'vault.db'), randomBytes(32), { create: true });
  try {
    migrate(db);
    db.pragma('synchronous = OFF');
    const start = Date.parse('2017-01-01T00:00:00Z');
    const span = Date.parse('2026-12-31T00:00:00Z') - start;
    let items = 0;
    db.transaction(() => {
      const req = db.prepare(
        `INSERT INTO request (id, register_no, year, seq, received_at, channel, oral, authority_code,
           requester_name, requester_function, legal_basis_code, case_reference, urgency, deadline,
           categories, verification_method, status, logged_by, logged_at)
         VALUES (?, ?, ?, ?, ?, 'email', 0, ?, 'Bench', 'opsporingsambtenaar', ?, 'PV', ?, ?,
           '["name"]', ?, ?, 'bench', ?)`,
      );
      const item = db.prepare(
        `INSERT INTO request_item (id, request_id, idx, kind, value, normalised, port, moment, time_zone,
           time_status, utc_ms) VALUES (?, ?, ?, ?, ?, ?, ?, '2020-01-01T10:00', 'Europe/Amsterdam', 'ok', 0)`,
      );
      const check = db.prepare(
        `INSERT INTO request_check (request_id, outcome, failures, warnings, checked_by, checked_at)
         VALUES (?, ?, ?, '[]', 'bench', ?)`,
      );
      const match = db.prepare(
        `INSERT INTO match_result (request_id, item_id, status, reason, subscribers, evidence, matched_by, matched_at)
         VALUES (?, ?, ?, '', ?, '[]', 'bench', ?)`,
      );
      const decision = db.prepare(
        `INSERT INTO decision (id, request_id, outcome, items, categories, withheld, reasons, decided_by, decided_at)
         VALUES (?, ?, ?, ?, '["name"]', '[]', ?, 'bench', ?)`,
      );
      const approval = db.prepare(
        `INSERT INTO approval (decision_id, approved, approved_by, approved_at, one_person)
         VALUES (?, 1, 'approver', ?, 0)`,
      );
      const seqByYear = new Map<number, number>();
      for (let i = 1; i <= n; i++) {
        const received = start + Math.floor((span * (i - 0.5)) / n);
        const at = (h: number) => new Date(received + h * HOUR).toISOString();
        const year = new Date(received).getUTCFullYear();
        const seq = (seqByYear.get(year) ?? 0) + 1;
        seqByYear.set(year, seq);
        const urgency = URGENCY[i % URGENCY.length]!;
        const kind = i % 10;
        // 55% disclosed, 15% no data, 15% refused, 5% referred, 10% open
        const status =
          kind < 5 || kind === 9
            ? 'disclosed'
            : kind < 7
              ? 'no_data'
              : kind === 7
                ? i % 3 === 0
                  ? 'referred'
                  : 'refused'
                : i > n - 50 || i % 7 === 0
                  ? 'matched'
                  : 'refused';
        req.run(
          i,
          `${year}-${String(seq).padStart(4, '0')}`,
          year,
          seq,
          at(0),
          AUTHORITIES[i % AUTHORITIES.length]!,
          BASES[i % BASES.length]!,
          urgency,
          at(urgency === 'emergency' ? 8 : urgency === 'urgent' ? 72 : 240),
          status === 'refused' && i % 2 === 0 ? null : 'callback',
          status,
          at(0),
        );
        const nItems = 1 + (i % 3);
        const first = items + 1;
        for (let k = 1; k <= nItems; k++) {
          items++;
          const ip = (i + k) % 4;
          const kindName = ip === 0 ? 'phone' : 'ip';
          const value =
            ip === 0
              ? `+3161${String(i).padStart(7, '0')}`
              : ip === 3
                ? `2001:db8::${k}`
                : `10.0.${k}.${i % 250}`;
          item.run(items, i, k, kindName, value, value, ip === 2 ? 1024 + k : null);
        }
        const failures =
          status === 'refused' && i % 2 === 0
            ? JSON.stringify([{ code: 'not_verified', message: 'The requester was not verified.' }])
            : '[]';
        check.run(i, failures === '[]' ? 'proceed' : 'refuse', failures, at(0.5));
        if (status === 'disclosed' || status === 'no_data' || status === 'matched') {
          for (let k = 0; k < nItems; k++) {
            const hit = status !== 'no_data';
            match.run(
              i,
              first + k,
              hit ? 'match' : 'no_match',
              hit ? JSON.stringify([{ customerId: `C${(i * 7 + k) % 50_000}`, name: 'x' }]) : '[]',
              at(1),
            );
          }
        }
        if (status !== 'matched') {
          const outcome = {
            disclosed: 'disclose',
            no_data: 'no_data',
            refused: 'refuse',
            referred: 'referred',
          }[status]!;
          const disclosed =
            status === 'disclosed' ? Array.from({ length: nItems }, (_, k) => k + 1) : [];
          if (status === 'disclosed' && i % 5 === 0) disclosed.pop();
          decision.run(
            i,
            i,
            outcome,
            JSON.stringify(disclosed),
            JSON.stringify(status === 'refused' ? ['reason'] : []),
            at(3 + (i % 40)),
          );
          if (status === 'disclosed') approval.run(i, at(4 + (i % 40)));
        }
      }
    })();

    const now = new Date('2026-12-31T12:00:00Z');
    const year = 2026;
    const cold0 = performance.now();
    registerYearStats(db, year, now);
    const coldMs = performance.now() - cold0;

    const cached: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      registerYearStats(db, year, now);
      cached.push(performance.now() - t0);
    }

    const total: number[] = [];
    const cpu: number[] = [];
    const facts: number[] = [];
    const compute: number[] = [];
    const tenYears: number[] = [];
    let requestsInYear = 0;
    for (let r = 0; r < 8; r++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const read = readRequestFacts(db, year - 4, year);
      const t1 = performance.now();
      const s = new StatsBook(read.facts, { now, labels: read.labels }).year(year);
      const t2 = performance.now();
      const c1 = process.cpuUsage(c0);
      const all = readRequestFacts(db);
      const book = new StatsBook(all.facts, { now, labels: all.labels });
      for (let y = year - 9; y <= year; y++) book.year(y);
      const t3 = performance.now();
      requestsInYear = s.requests;
      if (r === 0) continue; // warm-up
      facts.push(t1 - t0);
      compute.push(t2 - t1);
      total.push(t2 - t0);
      cpu.push((c1.user + c1.system) / 1000);
      tenYears.push(t3 - t2);
    }
    const totalMs = median(total);
    return {
      requests: n,
      items,
      years: 10,
      [`requests in ${year}`]: requestsInYear,
      'one year, cold (ms)': round(coldMs),
      'one year: read facts (ms, median)': round(median(facts)),
      'one year: compute (ms, median)': round(median(compute)),
      'one year: total (ms, median)': round(totalMs),
      'one year: CPU time of this process (ms, median)': round(median(cpu)),
      'one year again, register unchanged (ms, median)': round(median(cached)),
      'all ten years, one read (ms, median)': round(median(tenYears)),
      'load average (1 min) during the run': round(loadavg()[0]!),
      target: '< 100 ms for 20,000 requests (uncached total)',
      'within target': totalMs < 100 ? 'yes' : 'NO',
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
