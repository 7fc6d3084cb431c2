import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import type { NewRequestInput } from '../../shared/schemas/requests';

/**
 * A register with known requests across 2025 and 2026, built through the real register handlers
 * (log → check/match → decide → approve, two people), with the clock set for every step. Shared by
 * the stats register tests and the stats page end-to-end test. Customer data: the register
 * fixtures (test/fixtures/requests), seeded before calling this.
 *
 * Everything personal in here (requester names, phone numbers, e-mail, case references, the
 * officer's free-text reason, customer names and addresses in the fixtures) must never show up
 * in a statistics export: PERSONAL lists what the tests look for.
 */

export interface ScenarioDesk {
  must<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
  setNow(iso: string): void;
}

export const OFFICER = { userName: 'olaf', passphrase: 'olaf zijn wachtwoordzin' };
export const APPROVER = { userName: 'anna', passphrase: 'anna haar wachtwoordzin' };
/** "Now" after the scenario: 15 June 2026, 12:00 in Amsterdam. */
export const SCENARIO_NOW = '2026-06-15T10:00:00.000Z';

export const PERSONAL = [
  'Karel Jansen',
  'Petra de Boer',
  'k.jansen@politie.example',
  '+31 20 555 0101',
  '0205550101',
  'PL1300-2025012345',
  'PL1700-2026000777',
  'Parket 13/123456-26',
  'RC-2026-77',
  'niet bereikbaar op 06-99887766',
  '06-99887766',
  'Jan de Vries',
  'Fatima El Amrani',
  'Pieter Bakker',
  'Stationsstraat',
  'Dorpsweg',
  'Marktplein',
  '1012 AB',
  'C001',
  'C002',
  'C003',
  '612345678',
  '612121212',
  '0612',
  '192.0.2',
  '203.0.113',
  '2001:db8',
  '2025-0001',
  '2026-0001',
  'olaf',
  'anna',
];

const police = {
  name: 'Karel Jansen',
  function: 'opsporingsambtenaar' as const,
  email: 'k.jansen@politie.example',
  phone: '+31 20 555 0101',
};
const ovj = { name: 'Petra de Boer', function: 'officier_van_justitie' as const };
const verified = (at: string) => ({ method: 'callback' as const, by: 'olaf', at });
/**
 * The (fictitious) verified channel of each authority the scenario calls back, in the catalogue
 * before the first request: a call-back counts only on one of them.
 */
const CALL_BACK: Record<string, string> = {
  'pol-amsterdam': '+31881000100',
  'pol-rotterdam': '+31881000101',
  'pol-den-haag': '+31881000102',
  'om-lp': '+31881000103',
  'om-fp': '+31881000104',
};
/** What most of the scenario's requests have in common; each request gives what differs. */
const USUAL: Pick<
  NewRequestInput,
  'authority' | 'requester' | 'legalBasis' | 'channel' | 'categories'
> = {
  authority: 'pol-amsterdam',
  requester: police,
  legalBasis: 'sv-126na-1',
  channel: 'email',
  categories: ['naw'],
};
type Request = Partial<NewRequestInput> & Pick<NewRequestInput, 'receivedAt' | 'items'>;

export async function buildScenario(d: ScenarioDesk): Promise<void> {
  const as = async (who: typeof OFFICER) => d.must('vault.unlock', who);
  const at = (iso: string) => d.setNow(iso);
  const create = async (request: Request, when: string) => {
    at(when);
    const r = { ...USUAL, ...request };
    const v = r.verification;
    const verification = v?.method === 'callback' ? { ...v, channel: CALL_BACK[r.authority] } : v;
    return (await d.must('requests.create', { ...r, verification })).registerNo;
  };
  const decide = async (
    registerNo: string,
    when: string,
    outcome: 'disclose' | 'no_data' | 'refuse' | 'referred',
    extra: { items?: number[]; reasons?: string[] } = {},
  ) => {
    at(when);
    await d.must('requests.decide', { registerNo, outcome, ...extra });
  };
  const approve = async (registerNo: string, when: string, ok = true) => {
    await as(APPROVER);
    at(when);
    await d.must('requests.approve', { registerNo, approve: ok });
    await as(OFFICER);
  };
  const matchAt = async (registerNo: string, when: string) => {
    at(when);
    await d.must('requests.match', { registerNo });
  };

  at('2025-01-02T08:00:00Z');
  for (const [authority, value] of Object.entries(CALL_BACK)) {
    await d.must('catalogue.addContact', {
      authority,
      kind: 'phone',
      value,
      verifiedBy: 'admin',
      verifiedAt: '2025-01-02',
      verifiedHow: 'Official directory; called the switchboard and was put through.',
      independent: true,
    });
  }
  await d.must('users.add', {
    name: OFFICER.userName,
    role: 'officer',
    passphrase: OFFICER.passphrase,
  });
  await d.must('users.add', {
    name: APPROVER.userName,
    role: 'approver',
    passphrase: APPROVER.passphrase,
  });
  await as(OFFICER);

  // ---- 2025
  // R1: disclosed (decided 4 h, approved 5 h after receipt), letter sent 6 h after receipt; one
  // phone → C001.
  const r1 = await create(
    {
      caseReference: 'PL1300-2025012345',
      receivedAt: '2025-03-10T09:00',
      verification: verified('2025-03-10T09:10'),
      items: [{ kind: 'phone', value: '06-12345678', moment: '2024-05-01T10:00' }],
    },
    '2025-03-10T08:05:00Z',
  );
  await matchAt(r1, '2025-03-10T08:30:00Z');
  await decide(r1, '2025-03-10T12:00:00Z', 'disclose');
  await approve(r1, '2025-03-10T13:00:00Z');
  // The letter goes out an hour after approval: answered 6 h after receipt.
  at('2025-03-10T13:30:00Z');
  const letter = await d.must('letters.issue', { registerNo: r1, language: 'nl' });
  at('2025-03-10T14:05:00Z');
  await d.must('letters.markSent', {
    registerNo: r1,
    id: letter.id,
    method: 'secure_email',
    sentAt: '2025-03-10T15:00',
  });

  // R2: urgent, received the day before the clocks go back; approved 25 real hours later
  // (12:00 CEST → 12:00 CET is 25 h). IPv4 → C002.
  const r2 = await create(
    {
      authority: 'om-lp',
      requester: ovj,
      legalBasis: 'sv-126na-2',
      caseReference: 'Parket 13/123456-26',
      receivedAt: '2025-10-25T12:00',
      channel: 'portal',
      urgency: 'urgent',
      verification: verified('2025-10-25T12:05'),
      items: [{ kind: 'ip', value: '192.0.2.10', moment: '2025-06-01T12:00' }],
    },
    '2025-10-25T10:01:00Z',
  );
  await matchAt(r2, '2025-10-25T10:30:00Z');
  await decide(r2, '2025-10-26T09:00:00Z', 'disclose');
  await approve(r2, '2025-10-26T11:00:00Z');

  // R3: 31 December 23:30 in Amsterdam (22:30Z): still 2025. Not verified, no case reference:
  // refused 3 h later, with a free-text reason of the officer's (personal: never exported).
  const r3 = await create(
    {
      authority: 'pol-rotterdam',
      receivedAt: '2025-12-31T23:30',
      items: [{ kind: 'phone', value: '0612121212', moment: '2025-12-31T20:00' }],
    },
    '2025-12-31T22:31:00Z',
  );
  at('2025-12-31T22:40:00Z');
  await d.must('requests.check', { registerNo: r3 });
  await decide(r3, '2026-01-01T01:30:00Z', 'refuse', {
    reasons: ['Verzoeker niet bereikbaar op 06-99887766'],
  });

  // ---- 2026
  // R4: 2025-12-31T23:30:00Z is 00:30 on New Year's Day in Amsterdam: 2026. Emergency by phone,
  // answered in 3 h. Phone → C001 again (a customer of 2025 too).
  const r4 = await create(
    {
      authority: 'pol-rotterdam',
      caseReference: 'PL1700-2026000777',
      receivedAt: '2025-12-31T23:30:00Z',
      channel: 'phone',
      urgency: 'emergency',
      verification: verified('2025-12-31T23:35:00Z'),
      items: [{ kind: 'phone', value: '0612121212', moment: '2025-12-31T23:00' }],
    },
    '2025-12-31T23:31:00Z',
  );
  await matchAt(r4, '2025-12-31T23:45:00Z');
  await decide(r4, '2026-01-01T01:30:00Z', 'disclose');
  await approve(r4, '2026-01-01T02:30:00Z');

  // R10 (logged in February): basis refused at the desk (content), refused 2 h later.
  const r10 = await create(
    {
      authority: 'om-fp',
      requester: ovj,
      legalBasis: 'sv-126m',
      caseReference: 'PL1700-2026000777',
      receivedAt: '2026-02-10T10:00',
      categories: ['content'],
      rcAuthorisation: 'RC-2026-77',
      verification: verified('2026-02-10T10:10'),
      items: [{ kind: 'phone', value: '020-1234567', moment: '2026-02-01T10:00' }],
    },
    '2026-02-10T09:01:00Z',
  );
  at('2026-02-10T09:10:00Z');
  await d.must('requests.check', { registerNo: r10 });
  await decide(r10, '2026-02-10T11:00:00Z', 'refuse');

  // R5: the night the clocks go forward (01:30 CET). IPv4 with port → C003 and IPv6 → C001. The
  // first disclosure (both items) is rejected by the approver; the second discloses item 1 only
  // (partly disclosed) and is approved 24 h after receipt.
  const r5 = await create(
    {
      caseReference: 'PL1300-2025012345',
      receivedAt: '2026-03-29T01:30',
      verification: verified('2026-03-29T01:40'),
      items: [
        { kind: 'ip', value: '203.0.113.5', port: 1500, moment: '2025-06-01T12:00' },
        { kind: 'ip', value: '2001:db8:1234::5', moment: '2025-06-01T12:00' },
      ],
    },
    '2026-03-29T00:31:00Z',
  );
  await matchAt(r5, '2026-03-29T01:00:00Z');
  await decide(r5, '2026-03-29T08:00:00Z', 'disclose');
  await approve(r5, '2026-03-29T10:00:00Z', false);
  await decide(r5, '2026-03-29T20:00:00Z', 'disclose', { items: [1] });
  await approve(r5, '2026-03-30T00:30:00Z');

  // R6: 31 March 22:30Z is 1 April 00:30 in summer time: April. No data after 10 h.
  const r6 = await create(
    {
      authority: 'pol-den-haag',
      caseReference: 'PL1300-2025012345',
      receivedAt: '2026-03-31T22:30:00Z',
      verification: verified('2026-03-31T22:40:00Z'),
      items: [{ kind: 'ip', value: '192.0.2.99', moment: '2025-06-01T12:00' }],
    },
    '2026-03-31T22:31:00Z',
  );
  await matchAt(r6, '2026-04-01T01:00:00Z');
  await decide(r6, '2026-04-01T08:30:00Z', 'no_data');

  // R7: traffic data: referred after 1 h.
  const r7 = await create(
    {
      authority: 'om-fp',
      requester: ovj,
      legalBasis: 'sv-126n',
      caseReference: 'Parket 13/123456-26',
      receivedAt: '2026-05-04T10:00',
      categories: ['naw', 'traffic'],
      verification: verified('2026-05-04T10:05'),
      items: [{ kind: 'phone', value: '020-1234567', moment: '2026-05-01T10:00' }],
    },
    '2026-05-04T08:01:00Z',
  );
  at('2026-05-04T08:10:00Z');
  await d.must('requests.check', { registerNo: r7 });
  await decide(r7, '2026-05-04T09:00:00Z', 'referred');

  // R8: urgent, still open on 15 June, past its 72 h deadline. Verified: logging checks it, and
  // the figures count a failed verification only where the scenario means one.
  await create(
    {
      caseReference: 'PL1300-2025012345',
      receivedAt: '2026-05-20T09:00',
      urgency: 'urgent',
      verification: verified('2026-05-20T09:01'),
      items: [{ kind: 'ip', value: '192.0.2.20', moment: '2025-06-01T12:00' }],
    },
    '2026-05-20T07:01:00Z',
  );

  // R9: disclosure decided, awaiting approval (still open, within its deadline). IPv6 → C002.
  const r9 = await create(
    {
      caseReference: 'PL1300-2025012345',
      receivedAt: '2026-06-14T10:00',
      verification: verified('2026-06-14T10:05'),
      items: [{ kind: 'ip', value: '2001:db8:abcd:100::1', moment: '2025-06-01T12:00' }],
    },
    '2026-06-14T08:01:00Z',
  );
  await matchAt(r9, '2026-06-14T08:30:00Z');
  await decide(r9, '2026-06-14T09:00:00Z', 'disclose');

  at(SCENARIO_NOW);
}
