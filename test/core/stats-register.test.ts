import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli';
import { DeskSession } from '../../electron/core/session';
import { dispatch } from '../../electron/api/table';
import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import type { Result } from '../../shared/result';
import { readRequestFacts } from '../../electron/stats/facts';
import type { YearStats } from '../../shared/schemas/stats';
import { seedCustomerTables } from '../fixtures/requests/seed';
import { ADMIN_PASS, createdDesk, TEST_KDF } from '../support/desk';
import { buildScenario, OFFICER, PERSONAL, SCENARIO_NOW } from './stats-scenario';

let now = new Date('2025-01-01T08:00:00Z');
let desk: Awaited<ReturnType<typeof createdDesk>>;
// One register for the whole file (the support's temp folders last one test only).
const dir = mkdtempSync(join(tmpdir(), 'naw-desk-stats-'));
afterAll(() => {
  if (desk?.session.vault) desk.session.lock('manual');
  rmSync(dir, { recursive: true, force: true });
});

beforeAll(async () => {
  desk = await createdDesk({ now: () => now, vaultDir: join(dir, 'vault') });
  seedCustomerTables(desk.session.vault!.db);
  await buildScenario({ must: desk.must, setNow: (iso) => (now = new Date(iso)) });
  now = new Date(SCENARIO_NOW);
  await signInAdmin();
}, 60_000);

const signInAdmin = () => desk.must('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });

const year = (y: number) => desk.must('stats.year', { year: y });

describe('figures from a register built through the register handlers', () => {
  let s2026: YearStats;
  let s2025: YearStats;
  beforeAll(async () => {
    s2026 = await year(2026);
    s2025 = await year(2025);
  });

  it('reads one fact per request, with item kinds, outcomes and disclosed customers', () => {
    const { facts } = readRequestFacts(desk.session.vault!.db);
    expect(facts).toHaveLength(10);
    const r5 = facts.find((f) => f.receivedAt === '2026-03-29T00:30:00.000Z')!;
    expect(r5).toMatchObject({
      outcome: 'partly_disclosed',
      items: ['ipv6', 'ipv4_port'],
      decidedAt: '2026-03-30T00:30:00.000Z',
      disclosedCustomers: ['C003'],
    });
  });

  it('places 2025-12-31T23:30Z in January 2026 and 23:30 Amsterdam time in December 2025', () => {
    expect(s2026.requests).toBe(7);
    expect(s2026.byMonth).toEqual([1, 1, 1, 1, 2, 1, 0, 0, 0, 0, 0, 0]);
    expect(s2025.requests).toBe(3);
    expect(s2025.byMonth).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1]);
  });

  it('counts items, outcomes, bases, authorities, kinds and urgency for 2026', () => {
    expect(s2026.items).toBe(8);
    expect(s2026.byOutcome).toEqual({
      disclosed: 1,
      partly_disclosed: 1,
      no_data: 1,
      refused: 1,
      referred: 1,
      open: 2,
    });
    expect(s2026.byLegalBasis).toEqual({ 'sv-126na-1': 5, 'sv-126m': 1, 'sv-126n': 1 });
    expect(s2026.byAuthority).toEqual({
      'pol-amsterdam': 3,
      'om-fp': 2,
      'pol-den-haag': 1,
      'pol-rotterdam': 1,
    });
    expect(s2026.labels.legalBasis['sv-126na-1']).toBe('Sv 126na lid 1');
    expect(s2026.labels.authority['om-fp']).toBe('OM – Functioneel Parket (FP)');
    expect(s2026.byIdentifierKind).toEqual({ phone: 3, ipv4: 2, ipv6: 2, ipv4_port: 1 });
    expect(s2026.byUrgency).toEqual({ emergency: 1, urgent: 1, normal: 5 });
  });

  it('counts refusal reasons by code, and failed verification', () => {
    expect(s2026.refusalsByReason).toEqual({ basis_refused: 1, not_naw_data: 1 });
    expect(s2026.failedVerification).toBe(0);
    // The officer's free-text reason counts as "other"; its words are never read out.
    expect(s2025.refusalsByReason).toEqual({
      missing_case_reference: 1,
      not_verified: 1,
      other: 1,
    });
    expect(s2025.failedVerification).toBe(1);
  });

  it('measures handling time in real hours, across both DST changes', () => {
    // 2026: emergency 3 h, refusal 1 h (received 09:00Z, refused 11:00Z = 2 h), DST night 24 h,
    // no data 10 h, referred 1 h → 1 2 3 10 24
    expect(s2026.handlingHours).toEqual({ median: 3, p90: 18.4, count: 5 });
    expect(s2026.decisionHours).toEqual({ median: 3, p90: 18.4, count: 5 });
    // no letters sent in this register: nothing to measure from decision to sent
    expect(s2026.sendingHours).toEqual({ median: null, p90: null, count: 0 });
    // 2025: R1 sent 6 h after receipt (letter marked sent), R2 approved after 25 h (12:00 CEST →
    // 12:00 CET), R3 refused after 3 h → 3 6 25
    expect(s2025.handlingHours).toEqual({ median: 6, p90: 21.2, count: 3 });
    expect(s2025.decisionHours).toEqual({ median: 5, p90: 21, count: 3 });
    // only R1's letter was recorded as sent: one hour after its approval
    expect(s2025.sendingHours).toEqual({ median: 1, p90: 1, count: 1 });
  });

  it('counts deadlines met and missed, and the emergency answered within 8 hours', () => {
    expect(s2026.deadlines).toEqual({ met: 5, missed: 1, open: 1 });
    expect(s2026.emergencies).toEqual({ total: 1, within8h: 1, late: 0, open: 0 });
    expect(s2025.deadlines).toEqual({ met: 3, missed: 0, open: 0 });
  });

  it('counts distinct customers disclosed, not those awaiting approval', () => {
    expect(s2026.subscribersAffected).toBe(2); // C001 (R4), C003 (R5 item 1)
    expect(s2025.subscribersAffected).toBe(2); // C001, C002
  });

  it('compares this year so far with last year, and five years side by side', () => {
    expect(s2026.soFar.until).toBe('2026-06-15T12:00:00+02:00');
    expect(s2026.soFar.current.requests).toBe(7);
    expect(s2026.soFar.previous.requests).toBe(1);
    expect(s2026.lastFiveYears.map((y) => [y.year, y.requests])).toEqual([
      [2022, 0],
      [2023, 0],
      [2024, 0],
      [2025, 3],
      [2026, 7],
    ]);
  });

  it('lists the years with requests and the suppression threshold', async () => {
    expect(await desk.must('stats.years', {})).toEqual({
      years: [2026, 2025],
      currentYear: 2026,
      suppressionThreshold: 5,
    });
  });
});

describe('exports', () => {
  it('JSON: exact on request, suppressed by default, audited with a fingerprint', async () => {
    const exact = await desk.must('stats.export', { year: 2026, format: 'json', published: false });
    const figures = JSON.parse(exact.content!);
    expect(figures).toMatchObject({ year: 2026, requests: 7, items: 8, published: false });
    expect(exact.fileName).toBe('naw-desk-statistics-2026-internal.json');

    const pub = await desk.must('stats.export', { year: 2026, format: 'json' });
    const p = JSON.parse(pub.content!);
    expect(pub.published).toBe(true);
    expect(p.requests).toBe(7);
    expect(p.items).toBe(8);
    expect(p.byOutcome.open).toBe('< 5');
    expect(p.byOutcome.refused).toBe('< 5');
    expect(p.byMonth).toEqual(['< 5', '< 5', '< 5', '< 5', '< 5', '< 5', 0, 0, 0, 0, 0, 0]);
    expect(p.byUrgency.normal).toBe(5);
    expect(p.handlingHours).toEqual({ median: 3, p90: 18.4, count: 5 });
    expect(p.suppressionThreshold).toBe(5);

    const events = await desk.must('audit.list', { action: 'stats.exported', limit: 10 });
    expect(events.events).toHaveLength(2);
    expect(events.events[0]!.details).toMatchObject({
      format: 'json',
      published: true,
      suppressionThreshold: 5,
    });
    expect(events.events[0]!.details.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(events.events[0]!.subject).toBe('stats:2026');
  });

  it('follows the suppressionThreshold setting', async () => {
    const db = desk.session.vault!.db;
    db.prepare(`INSERT INTO setting (key, value) VALUES ('suppressionThreshold', '3')`).run();
    try {
      const p = JSON.parse(
        (await desk.must('stats.export', { year: 2026, format: 'json' })).content!,
      );
      expect(p.byOutcome.open).toBe('< 3');
      expect(p.byLegalBasis['sv-126na-1']).toBe(5);
      expect(p.byAuthority['pol-amsterdam']).toBe(3);
    } finally {
      db.prepare(`DELETE FROM setting WHERE key = 'suppressionThreshold'`).run();
    }
  });

  it('CSV: one figure a row, labels from the catalogue, no formula can run', async () => {
    const db = desk.session.vault!.db;
    // A catalogue name that a spreadsheet would run as a formula.
    db.prepare(
      `UPDATE authority SET name = '=HYPERLINK("http://x.example","FP")' WHERE code = 'om-fp'`,
    ).run();
    try {
      const csv = (await desk.must('stats.export', { year: 2026, format: 'csv', published: false }))
        .content!;
      const lines = csv.split('\r\n');
      expect(lines[0]).toBe('figure,label,value');
      expect(lines).toContain('requests,,7');
      expect(lines).toContain('byOutcome.partly_disclosed,,1');
      expect(lines).toContain('byLegalBasis.sv-126na-1,Sv 126na lid 1,5');
      expect(lines).toContain('byMonth.05,2026-05,2');
      expect(lines).toContain('handlingHours.p90,,18.4');
      expect(lines).toContain('lastFiveYears.2025.requests,,3');
      expect(lines).toContain(`byAuthority.om-fp,"'=HYPERLINK(""http://x.example"",""FP"")",2`);
      expect(csv).not.toMatch(/(^|,)"?[=+\-@]/m);
    } finally {
      db.prepare(
        `UPDATE authority SET name = 'OM – Functioneel Parket (FP)' WHERE code = 'om-fp'`,
      ).run();
    }
    const pub = (await desk.must('stats.export', { year: 2026, format: 'csv' })).content!;
    expect(pub.split('\r\n')).toContain('byOutcome.open,,< 5');
  });

  it('holds no personal data in any export or the report', async () => {
    const texts: string[] = [];
    for (const y of [2025, 2026])
      for (const format of ['json', 'csv'] as const)
        for (const published of [true, false])
          texts.push((await desk.must('stats.export', { year: y, format, published })).content!);
    const report = await desk.must('stats.report', { year: 2026, language: 'nl' });
    texts.push(pdfText(Buffer.from(report.base64!, 'base64')));
    for (const text of texts) {
      for (const p of PERSONAL) expect(text, `"${p}" leaked`).not.toContain(p);
    }
    // …while the figures are there
    expect(texts.at(-1)).toContain('Transparantieverslag 2026');
  });

  it('every role reads statistics; a locked vault gives nothing', async () => {
    const auditor = { userName: 'aud', passphrase: 'de auditor zijn wachtwoordzin' };
    await desk.must('users.add', {
      name: auditor.userName,
      role: 'auditor',
      passphrase: auditor.passphrase,
    });
    await desk.must('vault.unlock', auditor);
    expect((await desk.must('stats.year', { year: 2026 })).requests).toBe(7);
    await desk.must('vault.lock', {});
    const r = await desk.call('stats.export', { year: 2026 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe('LOCKED');
    await signInAdmin();
  });
});

describe('in the app: saved through the native save dialog', () => {
  it('writes the chosen file, returns no content, audits; a cancelled dialog saves nothing', async () => {
    let answer: string | null = join(dir, 'chosen.csv');
    const asked: string[] = [];
    const app = new DeskSession({
      vaultDir: desk.vaultDir,
      kdfCost: TEST_KDF,
      sleep: async () => {},
      now: () => now,
      platform: {
        pickOpenFile: async () => null,
        pickSaveFile: async (o) => {
          asked.push(o.defaultName);
          return answer;
        },
      },
    });
    const call = <C extends Channel>(c: C, i: InputOf<C>) =>
      dispatch(app, c, i) as Promise<Result<OutputOf<C>>>;
    try {
      expect((await call('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS })).ok).toBe(
        true,
      );
      const r = await call('stats.export', { year: 2026, format: 'csv', target: 'dialog' });
      expect(r.ok && r.data.content).toBe(null);
      expect(readFileSync(answer, 'utf8').split('\r\n')).toContain('requests,,7');
      expect(asked).toEqual(['naw-desk-statistics-2026.csv']);

      answer = join(dir, 'chosen.pdf');
      const p = await call('stats.report', { year: 2026, target: 'dialog' });
      expect(p.ok && p.data.base64).toBe(null);
      expect(readFileSync(answer).subarray(0, 5).toString()).toBe('%PDF-');

      answer = null;
      const before = (await desk.must('audit.head', {})).seq;
      const c = await call('stats.export', { year: 2026, target: 'dialog' });
      expect(c.ok).toBe(false);
      if (!c.ok) expect(c.code).toBe('CANCELLED');
      expect((await desk.must('audit.head', {})).seq).toBe(before);
    } finally {
      app.lock('manual');
    }
  });
});

describe('the transparency report', () => {
  it('is an A4 PDF with the published figures and the audit chain head in the footer', async () => {
    const head = await desk.must('audit.head', {});
    const r = await desk.must('stats.report', { year: 2026, language: 'nl' });
    const pdf = Buffer.from(r.base64!, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Transparantieverslag 2026');
    expect(text).toContain('Testnet B.V.');
    expect(text).toContain('Verzoeken ontvangen');
    expect(text).toMatch(/Verzoeken ontvangen\s+7/);
    expect(text).toMatch(/Deels verstrekt\s+< ?5/);
    expect(text).toContain('Sv 126na lid 1');
    expect(text).toContain('Politie – Eenheid Amsterdam');
    expect(text).toContain(`Auditketen #${head.seq} ${head.hash}`);
    expect(text).toContain(`pagina 1 van ${r.pages}`);
    expect(text).toMatch(/Klanten van wie gegevens zijn verstrekt\s+< ?5/);
    const info = execFileSync('pdfinfo', ['-'], { input: pdf }).toString();
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info).toMatch(new RegExp(`Pages:\\s+${r.pages}\\b`));

    const events = await desk.must('audit.list', { action: 'stats.report', limit: 1 });
    expect(events.events[0]!.details).toMatchObject({
      sha256: r.sha256,
      chainHead: head.seq,
      language: 'nl',
    });
    expect(events.events[0]!.seq).toBe(head.seq + 1);
  });

  it('in English too', async () => {
    const r = await desk.must('stats.report', { year: 2025, language: 'en' });
    const text = pdfText(Buffer.from(r.base64!, 'base64'));
    expect(text).toContain('Transparency report 2025');
    expect(text).toMatch(/Requests received\s+< ?5/);
    expect(text).toContain('Requester not verified');
  });
});

describe('CLI: naw-desk stats', () => {
  const run = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    await desk.must('vault.lock', {});
    const code = await runCli([...argv, '--vault', desk.vaultDir, '--user', OFFICER.userName], {
      env: { NAW_DESK_PASSPHRASE: OFFICER.passphrase },
      out: (t) => out.push(t),
      err: (t) => err.push(t),
      session: { kdfCost: TEST_KDF, sleep: async () => {}, now: () => now },
    });
    await signInAdmin();
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  };

  it('prints the JSON of a year with the fields of the issue', async () => {
    const r = await run(['stats', '--year', '2026']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    for (const k of [
      'year',
      'requests',
      'items',
      'byOutcome',
      'byLegalBasis',
      'byAuthority',
      'byIdentifierKind',
      'byUrgency',
      'byMonth',
      'handlingHours',
      'deadlines',
      'subscribersAffected',
    ])
      expect(j, k).toHaveProperty(k);
    expect(j).toMatchObject({
      year: 2026,
      requests: 7,
      byMonth: [1, 1, 1, 1, 2, 1, 0, 0, 0, 0, 0, 0],
      handlingHours: { median: 3, p90: 18.4 },
      deadlines: { met: 5, missed: 1 },
      subscribersAffected: 2,
    });
  });

  it('prints CSV, and published figures with --published', async () => {
    const csv = await run(['stats', '--year', '2025', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')).toContain('requests,,3');
    const pub = await run(['stats', '--year', '2025', '--format', 'csv', '--published']);
    expect(pub.stdout.split('\r\n')).toContain('requests,,< 5');
  });

  it('refuses a bad year or format with exit 2', async () => {
    expect((await run(['stats', '--year', '26'])).code).toBe(2);
    expect((await run(['stats', '--format', 'xml'])).code).toBe(2);
  });

  it('writes the report to a file and never overwrites one', async () => {
    const out = join(dir, 'report.pdf');
    const r = await run(['stats', 'report', '--year', '2026', '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync(out, 'keep');
    const again = await run(['stats', 'report', '--year', '2026', '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(out, 'utf8')).toBe('keep');
  });
});

function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString();
}
