import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { ADMIN_PASS, tempDir } from '../support/desk';
import { IMPORTER_PASS, importerDesk, sha256File } from '../fixtures/customers/desk';

/**
 * A current-state snapshot closes whatever it does not list. A header-only, cut-off or
 * half-written nightly export must therefore never empty the desk: it is refused with the counts
 * unless the closing is confirmed.
 */
const CUSTOMERS =
  'customer_id,name,valid_from\n' +
  Array.from({ length: 40 }, (_, i) => `C${i + 1},Klant ${i + 1},2020-01-01`).join('\n') +
  '\n';
const numbersFile = (n: number) =>
  'number;customer_id\n' +
  Array.from({ length: n }, (_, i) => `06-${String(20000000 + i)};C${i + 1}`).join('\n') +
  (n ? '\n' : '');

/** A desk holding 40 customers and 40 numbers current (snapshot of 1 March 2024). */
async function desk40() {
  const d = await importerDesk();
  expect((await d.report(d.csv(CUSTOMERS), 'customers')).status).toBe('committed');
  const first = await d.report(d.csv(numbersFile(40)), 'numbers', { asOf: '2024-03-01' });
  expect(first).toMatchObject({ status: 'committed', added: 40, massClose: null });
  return d;
}

const currentNumbers = async (d: Awaited<ReturnType<typeof importerDesk>>) =>
  (await d.must('customers.summary', {})).numbers.current;

describe('import guard: a snapshot that would empty the desk', () => {
  it('refuses a header-only snapshot with the counts, writes nothing, and takes it when confirmed', async () => {
    const d = await desk40();
    const before = d.dataFingerprint();
    const header = d.csv('number;customer_id\n', 'h.csv');
    const r = await d.report(header, 'numbers');
    expect(r).toMatchObject({
      status: 'rejected',
      written: false,
      rows: 0,
      closed: 40,
      massClose: { current: 40, closing: 40, maxPercent: 5 },
      allowMassClose: false,
    });
    expect(r.rejected).toEqual([
      expect.objectContaining({
        code: 'empty_snapshot',
        params: { current: 40, closing: 40 },
        reason: expect.stringMatching(
          /lists no rows, so it would close 40 of the 40 numbers the vault holds as current.*--allow-mass-close/,
        ),
      }),
    ]);
    expect(r.message).toMatch(/would close too much.*nothing was written/);
    expect(d.dataFingerprint()).toBe(before);
    expect(await currentNumbers(d)).toBe(40);

    // The refusal is recorded and audited like any attempt: file hash and counts, no data.
    await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    const events = await d.must('audit.list', { action: 'customers.import', limit: 1 });
    expect(events.events[0]!.details).toMatchObject({
      status: 'rejected',
      sha256: sha256File(header),
      rows: 0,
      closed: 40,
      allowMassClose: false,
      massClose: { current: 40, closing: 40, maxPercent: 5 },
    });
    await d.must('vault.unlock', { userName: 'olga', passphrase: IMPORTER_PASS });

    // Confirmed: the CRM really holds no numbers any more.
    const confirmed = await d.report(header, 'numbers', { allowMassClose: true });
    expect(confirmed).toMatchObject({
      status: 'committed',
      closed: 40,
      allowMassClose: true,
      massClose: { current: 40, closing: 40 },
    });
    expect(await currentNumbers(d)).toBe(0);
  });

  it('refuses a cut-off snapshot that closes more than the set share; the share is a setting', async () => {
    const d = await desk40();
    const before = d.dataFingerprint();
    // 30 of 40 listed: 10 (25 %) would close.
    const cut = d.csv(numbersFile(30));
    const r = await d.report(cut, 'numbers');
    expect(r).toMatchObject({
      status: 'rejected',
      unchanged: 30,
      closed: 10,
      massClose: { current: 40, closing: 10, maxPercent: 5 },
    });
    expect(r.rejected).toEqual([
      expect.objectContaining({
        code: 'mass_close',
        params: { current: 40, closing: 10, maxPercent: 5 },
        reason: expect.stringMatching(
          /would close 10 of the 40 numbers the vault holds as current \(25%\), more than the 5%/,
        ),
      }),
    ]);
    expect(d.dataFingerprint()).toBe(before);

    // A dry run says the same; a dry run that confirms only checks.
    expect((await d.report(cut, 'numbers', { dryRun: true })).status).toBe('rejected');
    expect((await d.report(cut, 'numbers', { dryRun: true, allowMassClose: true })).status).toBe(
      'dry_run',
    );
    expect(d.dataFingerprint()).toBe(before);

    // 38 of 40: 2 closing is exactly 5 %, not more: an ordinary night.
    const night = await d.report(d.csv(numbersFile(38)), 'numbers');
    expect(night).toMatchObject({ status: 'committed', closed: 2, massClose: null });
    expect(await currentNumbers(d)).toBe(38);

    // With the share raised to 30 %, the 30-row file (8 of 38, 21 %) goes through.
    await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    await d.must('settings.update', { snapshotMaxClosePercent: 30 });
    await d.must('vault.unlock', { userName: 'olga', passphrase: IMPORTER_PASS });
    const raised = await d.report(cut, 'numbers');
    expect(raised).toMatchObject({ status: 'committed', closed: 8, massClose: null });
    expect(await currentNumbers(d)).toBe(30);
  });

  it('through the CLI: exit 1 with the counts, --allow-mass-close to confirm', async () => {
    const vault = join(tempDir(), 'vault');
    const ADMIN = { NAW_DESK_USER: 'admin', NAW_DESK_PASSPHRASE: ADMIN_PASS };
    const IVO = { NAW_DESK_USER: 'ivo', NAW_DESK_PASSPHRASE: IMPORTER_PASS };
    expect(
      (await cli(['init', '--vault', vault, '--org', 'T B.V.', '--user', 'admin'], ADMIN)).code,
    ).toBe(0);
    const add = await cli(['user', 'add', 'ivo', '--role', 'importer', '--vault', vault], {
      ...ADMIN,
      NAW_DESK_NEW_PASSPHRASE: IMPORTER_PASS,
    });
    expect(add.code, add.stderr).toBe(0);
    const dir = tempDir();
    const file = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const imp = (...args: string[]) => cli(['import', ...args, '--vault', vault], IVO);
    expect((await imp('customers', file('c.csv', CUSTOMERS))).code).toBe(0);
    expect(
      (await imp('numbers', file('n.csv', numbersFile(4)), '--as-of', '2024-03-01')).code,
    ).toBe(0);

    const h = file('h.csv', 'number;customer_id\n');
    const refused = await imp('numbers', h);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/status: rejected \(nothing written\)/);
    expect(refused.stdout).toMatch(
      /closes 4 of 4 current \(at most 5% without --allow-mass-close\)/,
    );
    expect(refused.stdout).toMatch(/lists no rows, so it would close 4 of the 4 numbers/);
    const json = await imp('numbers', h, '--json');
    expect(json.json()).toMatchObject({
      status: 'rejected',
      massClose: { current: 4, closing: 4 },
    });

    const confirmed = await imp('numbers', h, '--allow-mass-close');
    expect(confirmed.code, confirmed.stdout).toBe(0);
    expect(confirmed.stdout).toMatch(/confirmed with --allow-mass-close/);
    const status = await cli(['status', '--vault', vault, '--json'], IVO);
    expect(status.json()).toMatchObject({ numberAssignments: 4 });
  }, 120_000);
});
