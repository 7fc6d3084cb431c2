import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit, eventHash, GENESIS_HASH } from '../../electron/audit/log';
import { csvCell } from '../../shared/csv';
import { cli } from '../support/cli';
import { ADMIN_PASS, createdDesk, tempDir } from '../support/desk';

const ROOT = join(import.meta.dirname, '..', '..');

/** The verification script exactly as docs/AUDIT.md prints it. */
function documentedScript(): string {
  const doc = readFileSync(join(ROOT, 'docs', 'AUDIT.md'), 'utf8');
  const m =
    /<!-- verify-audit\.mjs[^>]*-->\s*(?:<!-- prettier-ignore -->\s*)?```js\n([\s\S]*?)```/.exec(
      doc,
    );
  if (!m) throw new Error('docs/AUDIT.md has no verify-audit.mjs block');
  const dir = tempDir();
  const file = join(dir, 'verify-audit.mjs');
  writeFileSync(file, m[1]!);
  return file;
}

const runScript = (script: string, exportFile: string) =>
  spawnSync(process.execPath, [script, exportFile], { encoding: 'utf8' });

async function deskWithHistory() {
  const d = await createdDesk();
  await d.must('users.add', { name: 'olga', role: 'officer', passphrase: 'olga passphrase 1' });
  await d.must('settings.update', {
    organisation: { name: 'Testnet "Noord" B.V., Ærø — ünïcode', city: 'Zwolle' },
    suppressionThreshold: 7,
  });
  // Values a spreadsheet would run as formulas, written through the real audit code.
  appendAudit(d.session.vault!.db, {
    at: '2026-01-02T03:04:05.000Z',
    user: 'admin',
    action: 'test.formula',
    subject: '=HYPERLINK("http://evil.example","x")',
    details: { note: '+1', nested: { z: 1, a: [true, null, 'x\ny'] } },
  });
  appendAudit(d.session.vault!.db, {
    at: '2026-01-02T03:04:06.000Z',
    user: 'admin',
    action: 'test.formula',
    subject: '-2+3',
    details: {},
  });
  await d.must('audit.verify', {});
  return d;
}

describe('audit export', () => {
  it('JSON export carries every event with seq/at/user/action/subject/details/prev_hash/hash and is audited', async () => {
    const d = await deskWithHistory();
    const head = await d.must('audit.head', {});
    const r = await d.must('audit.export', { format: 'json', target: 'inline' });
    expect(r.head).toEqual(head);
    expect(r.count).toBe(head.seq);
    const doc = JSON.parse(r.content!);
    expect(doc).toMatchObject({ format: 'naw-desk-audit-export', version: 1, head });
    expect(Object.keys(doc.events[0]).sort()).toEqual(
      ['action', 'at', 'details', 'hash', 'prev_hash', 'seq', 'subject', 'user'].sort(),
    );
    expect(doc.events[0].prev_hash).toBe(GENESIS_HASH);
    for (const e of doc.events) expect(e.hash).toBe(eventHash(e.prev_hash, e));
    const ev = (await d.must('audit.list', { action: 'audit.exported' })).events[0]!;
    expect(ev.details).toMatchObject({ format: 'json', events: head.seq, sha256: r.sha256 });
  });

  it('the documented stand-alone script verifies a real export and fails on a tampered one', async () => {
    const d = await deskWithHistory();
    const r = await d.must('audit.export', { format: 'json', target: 'inline' });
    const dir = tempDir();
    const good = join(dir, 'audit.json');
    writeFileSync(good, r.content!);
    const script = documentedScript();
    const ok = runScript(script, good);
    expect(ok.stdout).toMatch(
      new RegExp(`^INTACT: ${r.count} events, head #${r.head.seq} ${r.head.hash}`),
    );
    expect(ok.status).toBe(0);

    const doc = JSON.parse(r.content!);
    doc.events[3].details = { ...doc.events[3].details, role: 'admin' };
    const bad = join(dir, 'tampered.json');
    writeFileSync(bad, JSON.stringify(doc));
    const broken = runScript(script, bad);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/^BROKEN at event #4/);

    // Cutting off the newest events is caught by the head.
    const cut = JSON.parse(r.content!);
    cut.events.pop();
    writeFileSync(bad, JSON.stringify(cut));
    const cutRun = runScript(script, bad);
    expect(cutRun.status).toBe(1);
    expect(cutRun.stdout).toMatch(/head does not match/);
  });

  it('the documented jq + sha256sum spot check reproduces an event hash', async () => {
    const d = await deskWithHistory();
    const r = await d.must('audit.export', { format: 'json', target: 'inline' });
    const file = join(tempDir(), 'audit.json');
    writeFileSync(file, r.content!);
    const doc = JSON.parse(r.content!);
    // The event with nested details, unicode and a newline in a string.
    const n = doc.events.findIndex((e: { subject: string }) => e.subject.startsWith('=')) + 1;
    const settingsN =
      doc.events.findIndex((e: { action: string }) => e.action === 'settings.changed') + 1;
    for (const N of [n, settingsN]) {
      const out = execFileSync(
        'sh',
        [
          '-c',
          `PREV=$(jq -r ".events[$((N-1))].prev_hash" "$F")
           BODY=$(jq -cS ".events[$((N-1))] | {seq,at,user,action,subject,details}" "$F")
           printf '%s%s' "$PREV" "$BODY" | sha256sum`,
        ],
        { env: { ...process.env, N: String(N), F: file }, encoding: 'utf8' },
      );
      expect(out.split(' ')[0]).toBe(doc.events[N - 1].hash);
    }
  });

  it('CSV export: header, one row per event, formula-like cells prefixed with an apostrophe', async () => {
    const d = await deskWithHistory();
    const r = await d.must('audit.export', { format: 'csv', target: 'inline' });
    const lines = r.content!.trimEnd().split('\r\n');
    expect(lines[0]).toBe('seq,at,user,action,subject,details,prev_hash,hash');
    expect(r.count).toBe(r.head.seq);
    expect(r.content).toContain(`,"'=HYPERLINK(""http://evil.example"",""x"")",`);
    expect(r.content).toContain(",'-2+3,{},");
    expect(r.content).not.toMatch(/(^|,)=HYPERLINK/m);
    // details is the canonical JSON the hash was computed over (keys sorted).
    expect(r.content).toContain(
      '"{""nested"":{""a"":[true,null,""x\\ny""],""z"":1},""note"":""+1""}"',
    );
  });

  it('csvCell quotes and neutralises each dangerous first character', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+31 20')).toBe("'+31 20");
    expect(csvCell('-x')).toBe("'-x");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(-5)).toBe('-5'); // numbers (seq) stay numbers
    expect(csvCell('plain')).toBe('plain');
  });

  it('with a native save dialog the export is written to the chosen file, not returned', async () => {
    const target = join(tempDir(), 'chosen.csv');
    const asked: string[] = [];
    const d = await createdDesk({
      platform: {
        pickOpenFile: async () => null,
        pickSaveFile: async (o) => {
          asked.push(o.defaultName);
          return target;
        },
      },
    });
    const r = await d.must('audit.export', { format: 'csv', target: 'dialog' });
    expect(r.content).toBeNull();
    expect(r.savedTo).toBe(target);
    expect(asked[0]).toMatch(/^naw-desk-audit-.*\.csv$/);
    expect(readFileSync(target, 'utf8').split('\r\n')[0]).toBe(
      'seq,at,user,action,subject,details,prev_hash,hash',
    );
    // Without a dialog (browser, CLI) the dialog target is refused with a way out.
    const plain = await createdDesk();
    const refused = await plain.call('audit.export', { format: 'csv', target: 'dialog' });
    expect(refused.ok || refused.code).toBe('CONFLICT');
  });
});

describe('where an export may go', () => {
  it('a file that cannot be written records no export; the vault itself is never a destination', async () => {
    let answer = join(tempDir(), 'no-such-folder', 'audit.csv');
    const d = await createdDesk({
      platform: { pickOpenFile: async () => null, pickSaveFile: async () => answer },
    });
    const exported = async () => (await d.must('audit.list', { action: 'audit.exported' })).total;
    const unwritable = await d.call('audit.export', { format: 'csv', target: 'dialog' });
    expect(unwritable.ok || unwritable.code).toBe('CONFLICT');
    expect(unwritable.ok ? '' : unwritable.message).toMatch(/Could not write audit\.csv/);
    expect(await exported()).toBe(0);

    const vaultDb = join(d.vaultDir, 'vault.db');
    const before = readFileSync(vaultDb);
    answer = vaultDb;
    const over = await d.call('audit.export', { format: 'csv', target: 'dialog' });
    expect(over.ok || over.code).toBe('CONFLICT');
    expect(readFileSync(vaultDb).equals(before)).toBe(true);
    expect(await exported()).toBe(0);
    expect((await d.must('audit.verify', {})).intact).toBe(true);
  });

  it('a path from the caller: a new file, written with its export event; refused in the app', async () => {
    const d = await createdDesk();
    const file = join(tempDir(), 'audit.json');
    const r = await d.must('audit.export', { format: 'json', target: { path: file } });
    expect(r).toMatchObject({ savedTo: file, content: null });
    expect(JSON.parse(readFileSync(file, 'utf8')).head).toEqual(r.head);
    const ev = (await d.must('audit.list', { action: 'audit.exported' })).events[0]!;
    expect(ev.details).toMatchObject({ to: file, sha256: r.sha256 });

    const again = await d.call('audit.export', { format: 'json', target: { path: file } });
    expect(again.ok ? '' : again.message).toMatch(/already exists/);
    expect((await d.must('audit.list', { action: 'audit.exported' })).total).toBe(1);

    const app = await createdDesk({
      platform: { pickOpenFile: async () => null, pickSaveFile: async () => null },
    });
    const named = await app.call('audit.export', {
      format: 'json',
      target: { path: join(tempDir(), 'x.json') },
    });
    expect(named.ok || named.code).toBe('FORBIDDEN');
  });
});

describe('chain-head witness', () => {
  it('a witnessed head stays valid as the log grows, and a rewritten chain is caught', async () => {
    const d = await createdDesk();
    const w1 = await d.must('audit.witness', {});
    expect(w1).toMatchObject({ vaultId: d.session.vault!.vaultId, seq: expect.any(Number) });
    await d.must('users.add', { name: 'olga', role: 'officer', passphrase: 'olga passphrase 1' });
    const w2 = await d.must('audit.witness', {});
    await d.must('users.add', { name: 'piet', role: 'officer', passphrase: 'piet passphrase 1' });
    expect(await d.must('audit.checkWitness', { witnesses: [w1, w2] })).toMatchObject({
      ok: true,
      checked: 2,
      firstMismatch: null,
    });

    // Someone with the raw key rewrites history from w1.seq + 1 on, consistently re-hashing the
    // rest: the chain verifies, but the witness w2 no longer matches.
    const db = d.session.vault!.db;
    db.exec('DROP TRIGGER audit_event_no_update');
    const rows = db.prepare('SELECT * FROM audit_event WHERE seq > ? ORDER BY seq').all(w1.seq) as {
      seq: number;
      at: string;
      user: string;
      action: string;
      subject: string;
      details: string;
    }[];
    let prev = w1.hash;
    for (const r of rows) {
      const details = JSON.parse(r.details) as Record<string, unknown>;
      if (r.subject === 'user:olga' && r.action === 'user.added') details.role = 'approver';
      const hash = eventHash(prev, { ...r, details });
      db.prepare('UPDATE audit_event SET details = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(
        JSON.stringify(details),
        prev,
        hash,
        r.seq,
      );
      prev = hash;
    }
    expect((await d.must('audit.verify', {})).intact).toBe(true);
    const check = await d.must('audit.checkWitness', { witnesses: [w1, w2] });
    expect(check.ok).toBe(false);
    expect(check.firstMismatch).toMatchObject({ index: 1, seq: w2.seq, witnessed: w2.hash });
    expect(check.firstMismatch!.reason).toMatch(/rewritten/);

    const future = await d.must('audit.checkWitness', {
      witnesses: [{ ...w2, seq: 10_000 }],
    });
    expect(future.firstMismatch!.reason).toMatch(/no longer in the log/);
    const other = await d.must('audit.checkWitness', {
      witnesses: [{ ...w1, vaultId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(other.firstMismatch!.reason).toMatch(/another vault/);
  });

  it('CLI: audit witness --out appends lines; audit verify --witness checks lines and arrays, exit 1 on mismatch', async () => {
    const vault = join(tempDir(), 'v');
    const ADMIN = { NAW_DESK_USER: 'admin', NAW_DESK_PASSPHRASE: ADMIN_PASS };
    expect(
      (await cli(['init', '--vault', vault, '--user', 'admin', '--org', 'T'], ADMIN)).code,
    ).toBe(0);
    const wfile = join(tempDir(), 'witnesses.jsonl');
    const a = await cli(['audit', 'witness', '--out', wfile, '--vault', vault], ADMIN);
    expect(a.code).toBe(0);
    const b = await cli(['audit', 'witness', '--out', wfile, '--vault', vault], ADMIN);
    expect(b.code).toBe(0);
    const lines = readFileSync(wfile, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]!)).toEqual(JSON.parse(b.stdout));

    const ok = await cli(['audit', 'verify', '--witness', wfile, '--vault', vault], ADMIN);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/all 2 witnessed heads are in the chain/);

    const arr = join(tempDir(), 'w.json');
    const forged = { ...JSON.parse(lines[0]!), hash: 'f'.repeat(64) };
    writeFileSync(arr, JSON.stringify([JSON.parse(lines[1]!), forged]));
    const bad = await cli(['audit', 'verify', '--witness', arr, '--vault', vault], ADMIN);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(
      new RegExp(`Witness MISMATCH \\(witness 2, event #${forged.seq}\\).*rewritten`),
    );

    writeFileSync(arr, 'not json\n');
    const garbage = await cli(['audit', 'verify', '--witness', arr, '--vault', vault], ADMIN);
    expect(garbage.code).toBe(1);
    expect(garbage.stderr).toMatch(/Line 1 of the witness file is not JSON/);

    const exp = join(tempDir(), 'audit.json');
    const ex = await cli(['audit', 'export', exp, '--vault', vault, '--json'], ADMIN);
    expect(ex.code).toBe(0);
    expect(runScript(documentedScript(), exp).status).toBe(0);
  });
});
