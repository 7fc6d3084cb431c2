import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEncryptedDb } from '../electron/core/db';
import { migrate } from '../electron/vault/migrations';
import { Matcher } from '../electron/matching/matcher';
import { matchItem } from '../electron/matching/match-item';
import { resolveItem, type ResolvedItem } from '../electron/register/items';
import type { NewItem } from '../shared/schemas/requests';

/**
 * Matching latency on the benchmark volumes (target: p99 < 2 ms per item): 1,000,000 customers,
 * 1,500,000 numbers and 5,000,000 IP assignments (× BENCH_SCALE) written straight into an
 * encrypted vault with the schema of migration 0002, then 20,000 items (numbers, reassigned
 * numbers in their gap, IPv4 statics, CGNAT with and without port, IPv6 /48 and /56, misses)
 * matched one by one through the real matcher. Data generation here is a bare bulk insert (not
 * the import path; that is import.bench.ts's subject).
 */

const DAY = 86_400_000;
const T0 = Date.parse('2020-01-01T00:00:00Z');
const T1 = Date.parse('2024-01-01T00:00:00Z');
const T2 = Date.parse('2024-02-01T00:00:00Z');

const ip4 = (n: number) =>
  `${10 + ((n >>> 24) & 0x3f)}.${(n >>> 16) & 0xff}.${(n >>> 8) & 0xff}.${n & 0xff}`;
const mapped = (n: number) => {
  const b = Buffer.alloc(16);
  b[10] = 0xff;
  b[11] = 0xff;
  b.writeUInt32BE(((10 + ((n >>> 24) & 0x3f)) * 2 ** 24 + (n & 0xffffff)) >>> 0, 12);
  return b;
};
const v6 = (n: number, len: 48 | 56) => {
  const from = Buffer.alloc(16);
  from.writeUInt16BE(0x2001, 0);
  from.writeUInt16BE(0x0db8, 2);
  if (len === 48) from.writeUInt32BE(0x10000 + n, 4);
  else {
    from.writeUInt16BE(0x7000, 4);
    from.writeUInt32BE(n << 8, 6);
  }
  const to = Buffer.from(from);
  for (let i = len / 8; i < 16; i++) to[i] = 0xff;
  return { from, to };
};
const v6text = (b: Buffer) =>
  Array.from({ length: 8 }, (_, i) => b.readUInt16BE(i * 2).toString(16)).join(':');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function run(): Promise<Record<string, number | string>> {
  const scale = Number(process.env.BENCH_SCALE ?? '1');
  const nCustomers = Math.max(1000, Math.round(1_000_000 * scale));
  const nNumbers = Math.max(1500, Math.round(1_500_000 * scale));
  const nIps = Math.max(5000, Math.round(5_000_000 * scale));
  const dir = mkdtempSync(join(tmpdir(), 'naw-bench-match-'));
  const db = openEncryptedDb(join(dir, 'vault.db'), randomBytes(32), { create: true });
  try {
    migrate(db);
    db.pragma('synchronous = OFF');
    const started = performance.now();
    db.transaction(() => {
      db.prepare(
        `INSERT INTO import_run (id, kind, mode, status, file_name, file_sha256, file_bytes, user, started_at, finished_at)
         VALUES (1, 'customers', 'history', 'committed', 'bench.csv', ?, 0, 'bench', ?, ?)`,
      ).run('0'.repeat(64), T2, T2);
      const c = db.prepare('INSERT INTO customer (customer_id, import_id) VALUES (?, 1)');
      const v = db.prepare(
        `INSERT INTO customer_version (customer_id, name, street, house_number, postcode, city, country,
           valid_from, valid_to, import_id, source_line) VALUES (?, ?, 'Dorpsstraat', ?, '1234 AB', ?, 'NL', ?, ?, 1, ?)`,
      );
      for (let i = 0; i < nCustomers; i++) {
        const id = `C${i}`;
        c.run(id);
        if (i % 10 === 0) {
          v.run(id, `Klant ${i}`, String(i % 300), 'Utrecht', T0, T1, i);
          v.run(id, `Klant ${i}`, String(i % 300), 'Zwolle', T1, null, i);
        } else v.run(id, `Klant ${i}`, String(i % 300), 'Amsterdam', T0, null, i);
      }
      const num = db.prepare(
        `INSERT INTO number_assignment (e164, number_given, customer_id, service, valid_from, valid_to, import_id, source_line)
         VALUES (?, ?, ?, 'mobile', ?, ?, 1, ?)`,
      );
      let rows = 0;
      for (let i = 0; rows < nNumbers; i++) {
        const e164 = `+3161${String(i).padStart(7, '0')}`;
        const cust = `C${i % nCustomers}`;
        if (i % 5 === 0 && rows + 2 <= nNumbers) {
          // Reassigned, with a 30-day gap between the holders.
          num.run(e164, e164, cust, T0, T1 - 30 * DAY, i);
          num.run(e164, e164, `C${(i + 7) % nCustomers}`, T1, null, i);
          rows += 2;
        } else {
          num.run(e164, e164, cust, T0, null, i);
          rows += 1;
        }
      }
      const ip = db.prepare(
        `INSERT INTO ip_assignment (family, prefix, prefix_length, ip_from, ip_to, port_from, port_to,
           customer_id, valid_from, valid_to, import_id, source_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`,
      );
      // 40% IPv4 statics (half with a previous holder), 30% CGNAT port blocks (16 per address),
      // 15% IPv6 /48, 15% IPv6 /56.
      const statics = Math.floor(nIps * 0.4);
      const cgnat = Math.floor(nIps * 0.3);
      const v48 = Math.floor(nIps * 0.15);
      const v56 = nIps - statics - cgnat - v48;
      for (let i = 0; i < statics; i++) {
        const n = i >> 1;
        const b = mapped(n);
        if (i % 2 === 0) ip.run(4, ip4(n), 32, b, b, null, null, `C${n % nCustomers}`, T0, T1, i);
        else ip.run(4, ip4(n), 32, b, b, null, null, `C${(n + 3) % nCustomers}`, T1, null, i);
      }
      for (let i = 0; i < cgnat; i++) {
        const n = 0x2000000 + (i >> 4);
        const b = mapped(n);
        const block = i & 15;
        ip.run(
          4,
          ip4(n),
          32,
          b,
          b,
          1024 + block * 4032,
          1024 + block * 4032 + 4031,
          `C${i % nCustomers}`,
          T0,
          null,
          i,
        );
      }
      for (let i = 0; i < v48; i++) {
        const { from, to } = v6(i, 48);
        ip.run(
          6,
          `${v6text(from)}/48`,
          48,
          from,
          to,
          null,
          null,
          `C${i % nCustomers}`,
          T0,
          null,
          i,
        );
      }
      for (let i = 0; i < v56; i++) {
        const { from, to } = v6(i, 56);
        ip.run(
          6,
          `${v6text(from)}/56`,
          56,
          from,
          to,
          null,
          null,
          `C${(i + 11) % nCustomers}`,
          T0,
          null,
          i,
        );
      }
      for (const [f, l] of [
        [4, 32],
        [6, 48],
        [6, 56],
      ])
        db.prepare('INSERT INTO ip_prefix_length (family, prefix_length) VALUES (?, ?)').run(f, l);
      (globalThis as { __benchCounts?: number[] }).__benchCounts = [statics, cgnat, v48, v56];
    })();
    const loadSeconds = (performance.now() - started) / 1000;
    const [statics, cgnat, v48, v56] = (globalThis as { __benchCounts?: number[] }).__benchCounts!;

    // The items: a deterministic mix over the whole key space.
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const at = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
    const items: NewItem[] = [];
    const numberCount = Math.floor(nNumbers / 1.2);
    for (let k = 0; k < 20_000; k++) {
      switch (k % 8) {
        case 0:
          items.push({
            kind: 'phone',
            value: `+3161${String(rnd(numberCount)).padStart(7, '0')}`,
            moment: at(T2),
          });
          break;
        case 1: // a reassigned number in its gap
          items.push({
            kind: 'phone',
            value: `+3161${String(rnd(numberCount / 5) * 5).padStart(7, '0')}`,
            moment: at(T1 - 10 * DAY),
          });
          break;
        case 2:
          items.push({ kind: 'ip', value: ip4(rnd(statics / 2)), moment: at(T1 - DAY) });
          break;
        case 3:
          items.push({
            kind: 'ip',
            value: ip4(0x2000000 + rnd(cgnat / 16)),
            port: 1024 + rnd(64000),
            moment: at(T2),
          });
          break;
        case 4:
          items.push({ kind: 'ip', value: ip4(0x2000000 + rnd(cgnat / 16)), moment: at(T2) });
          break;
        case 5:
        case 6: {
          const b = Buffer.from(v6(rnd(k % 8 === 5 ? v48 : v56), k % 8 === 5 ? 48 : 56).from);
          b.writeUInt32BE(0xabcd0001 + k, 12);
          items.push({ kind: 'ip', value: v6text(b), moment: at(T2) });
          break;
        }
        default:
          items.push({
            kind: 'phone',
            value: `+3162${String(rnd(9_999_999)).padStart(7, '0')}`,
            moment: at(T2),
          });
      }
    }
    const resolved: ResolvedItem[] = items.map(resolveItem);
    const matcher = new Matcher(db);
    const now = Date.now();
    for (const r of resolved.slice(0, 500)) matchItem(matcher, r, now); // warm-up
    const times: number[] = [];
    const outcomes: Record<string, number> = {};
    for (const r of resolved) {
      const t = performance.now();
      const o = matchItem(matcher, r, now);
      times.push(performance.now() - t);
      outcomes[o.status] = (outcomes[o.status] ?? 0) + 1;
    }
    times.sort((a, b) => a - b);
    return {
      scale,
      customers: nCustomers,
      numbers: nNumbers,
      ipAssignments: nIps,
      ipMix: `${statics} v4 static, ${cgnat} CGNAT blocks, ${v48} v6 /48, ${v56} v6 /56`,
      loadSeconds: Math.round(loadSeconds * 10) / 10,
      items: resolved.length,
      outcomes: Object.entries(outcomes)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
      matchP50ms: Math.round(percentile(times, 50) * 1000) / 1000,
      matchP99ms: Math.round(percentile(times, 99) * 1000) / 1000,
      matchMaxMs: Math.round(times.at(-1)! * 1000) / 1000,
      goalP99ms: 2,
      verdict: percentile(times, 99) < 2 ? 'ok' : 'TOO SLOW',
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
