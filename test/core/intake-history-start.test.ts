import { describe, expect, it } from 'vitest';
import { ADMIN_PASS } from '../support/desk';
import { amsterdamMidnight, fixture, importerDesk } from '../fixtures/customers/desk';

const OFFICER = { name: 'otto', role: 'officer', passphrase: 'officer passphrase 9' } as const;

type Desk = Awaited<ReturnType<typeof importerDesk>>;
const signInOfficer = async (d: Desk) => {
  await d.must('vault.unlock', { userName: 'admin', passphrase: ADMIN_PASS });
  await d.must('users.add', OFFICER);
  await d.must('vault.unlock', { userName: OFFICER.name, passphrase: OFFICER.passphrase });
};

describe('customers.historyStart: where the assignment history begins', () => {
  it('is null per kind while the vault holds none; the importer may not ask (it logs nothing)', async () => {
    const d = await importerDesk();
    expect(await d.call('customers.historyStart', {})).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    await signInOfficer(d);
    expect(await d.must('customers.historyStart', {})).toEqual({ numbers: null, ips: null });
  });

  it('is the earliest valid_from of numbers and of IP assignments, readable by an officer', async () => {
    const d = await importerDesk();
    for (const [file, kind] of [
      ['customers-history.csv', 'customers'],
      ['numbers-history.csv', 'numbers'],
    ] as const) {
      expect((await d.report(fixture(file), kind)).status).toBe('committed');
    }
    expect((await d.report(fixture('ips-history.csv'), 'ips')).status).toBe('committed');

    await signInOfficer(d);
    const start = await d.must('customers.historyStart', {});
    // Two dates and nothing else: no number, address or customer leaves the vault here.
    expect(start).toEqual({
      numbers: new Date(amsterdamMidnight('2019-06-15')).toISOString(),
      ips: new Date(amsterdamMidnight('2021-01-01')).toISOString(),
    });
  });
});
