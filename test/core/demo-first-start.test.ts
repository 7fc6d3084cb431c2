import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KDF_COST } from '../../electron/vault/key-wrap';
import { DEMO_KDF_COST } from '../../electron/vault/demo';
import { ADMIN_PASS, OLGA, createdDesk, tempDir, testDesk } from '../support/desk';
import { IMPORTER_PASS, fixture } from '../fixtures/customers/desk';

const slotCosts = (vaultDir: string): number[] =>
  (
    JSON.parse(readFileSync(join(vaultDir, 'keyslots.json'), 'utf8')) as {
      slots: { kdf: { N: number } }[];
    }
  ).slots.map((s) => s.kdf.N);

describe("a new desk's first steps (vault.firstSteps)", () => {
  it('starts with every step open and ticks each from what the vault holds', async () => {
    const d = await createdDesk();
    const none = { officer: false, approver: false, importer: false, customers: false };
    expect(await d.must('vault.firstSteps', {})).toEqual({ ...none, organisation: false });

    await d.must('users.add', OLGA);
    expect(await d.must('vault.firstSteps', {})).toMatchObject({ officer: true, approver: false });

    await d.must('users.add', { name: 'anna', role: 'approver', passphrase: 'approver pass 1' });
    // Only the name is not the letterhead: the address, postcode and city are.
    await d.must('settings.update', { organisation: { name: 'Testnet B.V.', city: 'Zwolle' } });
    expect(await d.must('vault.firstSteps', {})).toMatchObject({
      approver: true,
      organisation: false,
    });
    await d.must('settings.update', {
      organisation: { address: 'Stationsweg 1', postcode: '8011 AA' },
    });
    expect(await d.must('vault.firstSteps', {})).toMatchObject({ organisation: true });

    await d.must('users.add', { name: 'ivo', role: 'importer', passphrase: IMPORTER_PASS });
    expect(await d.must('vault.firstSteps', {})).toMatchObject({
      importer: true,
      customers: false,
    });

    // The importer imports; then the admin sees the customer step done.
    await d.must('vault.unlock', { userName: 'ivo', passphrase: IMPORTER_PASS });
    const f = d.session.files.register(fixture('customers-history.csv'));
    const { jobId } = await d.must('customers.importStart', { file: f.token, kind: 'customers' });
    let job = await d.must('customers.importProgress', { jobId, waitMs: 5000 });
    while (job.state === 'running')
      job = await d.must('customers.importProgress', { jobId, waitMs: 5000 });
    expect(job.report?.status).toBe('committed');
    // Only an admin asks: the importer is refused.
    const refused = await d.call('vault.firstSteps', {});
    expect(refused.ok || refused.code).toBe('FORBIDDEN');

    await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
    expect(await d.must('vault.firstSteps', {})).toEqual({
      officer: true,
      approver: true,
      importer: true,
      customers: true,
      organisation: true,
    });

    // A disabled account does not count: the officer step is open again.
    await d.must('users.disable', { name: OLGA.name });
    expect(await d.must('vault.firstSteps', {})).toMatchObject({ officer: false, approver: true });
  });
});

describe('the demo KDF cost', { timeout: 240_000 }, () => {
  it('is confined to the demo vault: a real vault made without a test cost gets the full cost', async () => {
    // No test cost: the sessions use what the app uses.
    const root = tempDir();
    const demo = testDesk({ vaultDir: join(root, 'demo'), kdfCost: undefined });
    const made = await demo.must('ops.createDemo', { years: 1 });
    expect(slotCosts(demo.vaultDir)).toEqual(made.users.map(() => DEMO_KDF_COST.N));
    await demo.must('vault.unlock', { userName: 'demo-admin', passphrase: made.passphrase });

    const real = testDesk({ vaultDir: join(root, 'real'), kdfCost: undefined });
    await real.must('vault.create', {
      orgName: 'Echt B.V.',
      adminName: 'admin',
      passphrase: ADMIN_PASS,
    });
    expect(slotCosts(real.vaultDir)).toEqual([DEFAULT_KDF_COST.N]);
    expect(DEMO_KDF_COST.N).toBeLessThan(DEFAULT_KDF_COST.N);
  });
});
