import { describe, expect, it } from 'vitest';
import { letterFromRegister } from '../../electron/letters/from-register';
import { registerDesk, requestJson } from '../fixtures/requests/desk';

type Desk = Awaited<ReturnType<typeof registerDesk>>;

const matchRows = (d: Desk, idx: number) =>
  d.session
    .vault!.db.prepare(
      `SELECT count(*) FROM match_result m JOIN request_item i ON i.id = m.item_id WHERE i.idx = ?`,
    )
    .pluck()
    .get(idx) as number;

/** A request whose IP address came without its CGNAT port, checked and matched. */
async function withoutPort(d: Desk) {
  const { registerNo } = await d.must(
    'requests.create',
    requestJson({
      items: [
        { kind: 'phone', value: '06-12345678', moment: '2024-05-01T10:00' },
        { kind: 'ip', value: '203.0.113.5', moment: '2025-06-01T14:00' },
      ],
    }),
  );
  await d.must('requests.check', { registerNo });
  const m = await d.must('requests.match', { registerNo });
  expect(m.items.map((i) => i.status)).toEqual(['match', 'needs_port']);
  return registerNo;
}

describe('corrections as amendments', () => {
  it('a missing CGNAT port: recorded with who, when and why; that item alone is matched again', async () => {
    const d = await registerDesk();
    const registerNo = await withoutPort(d);
    d.clock.now = new Date('2026-03-02T12:30:00Z');
    const r = await d.must('requests.amend', {
      registerNo,
      field: 'items.2.port',
      value: '1500',
      reason: 'Port confirmed by the requester by e-mail.',
    });
    expect(r.amendments).toEqual([
      {
        field: 'items.2.port',
        value: '1500',
        reason: 'Port confirmed by the requester by e-mail.',
        by: 'olga',
        at: '2026-03-02T12:30:00.000Z',
      },
    ]);
    expect(r.items[1]).toMatchObject({ port: 1500, inputProblem: null });
    expect(r.matches.map((m) => m.status)).toEqual(['match', 'match']);
    expect(r.matches[1]!.subscribers[0]).toMatchObject({ customerId: 'C003' });
    // Item 1 was not looked up again; item 2 was.
    expect(matchRows(d, 1)).toBe(1);
    expect(matchRows(d, 2)).toBe(2);
    expect(r.events.map((e) => e.kind).slice(-4)).toEqual([
      'matched',
      'amended',
      'checked',
      'rematched',
    ]);
    expect(r.events.find((e) => e.kind === 'amended')!.details).toEqual({
      field: 'items.2.port',
      from: '',
      to: '1500',
      reason: 'Port confirmed by the requester by e-mail.',
    });
    // The identifier as given is kept; the correction is on record beside it.
    const row = d.session
      .vault!.db.prepare('SELECT port FROM request_item WHERE idx = 2')
      .pluck()
      .get();
    expect(row).toBeNull();
    expect(r.status).toBe('matched');
  });

  it('a typo in a number and a wrong moment: the item is read and resolved again', async () => {
    const d = await registerDesk();
    const { registerNo } = await d.must(
      'requests.create',
      requestJson({ items: [{ kind: 'phone', value: '06-1234567', moment: '2024-05-01T10:00' }] }),
    );
    const first = await d.must('requests.get', { registerNo });
    expect(first.items[0]!.inputProblem).not.toBeNull();
    await d.must('requests.amend', {
      registerNo,
      field: 'items.1.value',
      value: '06-12345678',
      reason: 'Digit dropped when logging.',
    });
    const r = await d.must('requests.amend', {
      registerNo,
      field: 'items.1.moment',
      value: '2024-05-01T11:00',
      reason: 'The letter says 11:00.',
    });
    expect(r.items[0]).toMatchObject({
      value: '06-12345678',
      normalised: '+31612345678',
      inputProblem: null,
      moment: '2024-05-01T11:00',
      utc: '2024-05-01T09:00:00.000Z',
      timeStatus: 'ok',
    });
  });

  it('after the decision: recorded, shown, the decision stands; not while awaiting approval', async () => {
    const d = await registerDesk();
    const { registerNo } = await d.must('requests.create', requestJson());
    await d.must('requests.match', { registerNo });
    await d.must('requests.decide', { registerNo, outcome: 'disclose', items: [1] });
    const waiting = await d.call('requests.amend', {
      registerNo,
      field: 'requester.email',
      value: 'j.boer@politie.example',
      reason: 'Address corrected.',
    });
    expect(!waiting.ok && [waiting.code, waiting.key]).toEqual([
      'CONFLICT',
      'amend.awaitingApproval',
    ]);
    await d.as('anna');
    await d.must('requests.approve', { registerNo });
    const r = await d.must('requests.amend', {
      registerNo,
      field: 'requester.email',
      value: 'j.boer@politie.example',
      reason: 'Address corrected after the letter bounced.',
    });
    expect(r.status).toBe('disclosed');
    expect(r.requester.email).toBe('j.boer@politie.example');
    await d.must('requests.amend', {
      registerNo,
      field: 'caseReference',
      value: 'PL1300-2026012346',
      reason: 'Typo in the case number.',
    });
    // The letter is made from the record as it holds now.
    const letter = letterFromRegister(d.session.vault!.db, registerNo, {
      language: 'nl',
      signer: { userName: 'anna', function: 'Compliance' },
      issuedAt: '2026-03-02T13:00:00.000Z',
      chainHead: { seq: 1, hash: 'x' },
    });
    expect(letter.model.request.caseReference).toBe('PL1300-2026012346');
    const found = await d.must('requests.list', { search: '2026012346' });
    expect(found.map((x) => [x.registerNo, x.caseReference])).toEqual([
      [registerNo, 'PL1300-2026012346'],
    ]);
    expect(r.decisions.at(-1)!.state).toBe('in_effect');
    expect(r.events.at(-1)).toMatchObject({ kind: 'amended', user: 'anna' });
    expect(r.decisions.at(-1)!.state).toBe('in_effect');
  });

  it('refuses what cannot be amended, with a worded reason', async () => {
    const d = await registerDesk();
    const { registerNo } = await d.must('requests.create', requestJson());
    const cases: [Record<string, string>, string][] = [
      [{ field: 'legalBasis', value: 'sv-126n' }, 'amend.unknownField'],
      [{ field: 'items.9.value', value: '0612345678' }, 'amend.noItem'],
      [{ field: 'items.1.value', value: '' }, 'amend.required'],
      [{ field: 'caseReference', value: 'PL1300-2026012345' }, 'amend.unchanged'],
    ];
    for (const [over, key] of cases) {
      const r = await d.call('requests.amend', {
        registerNo,
        field: over.field!,
        value: over.value!,
        reason: 'A reason.',
      });
      expect(!r.ok && r.key, over.field).toBe(key);
    }
    const noReason = await d.call('requests.amend', {
      registerNo,
      field: 'note',
      value: 'x',
      reason: '',
    });
    expect(!noReason.ok && noReason.code).toBe('BAD_INPUT');
    const notOral = await d.call('requests.confirmWritten', {
      registerNo,
      receivedAt: '2026-03-02T10:00',
    });
    expect(!notOral.ok && notOral.key).toBe('amend.notOral');
    expect((await d.must('requests.get', { registerNo })).amendments).toEqual([]);
  });

  it('a period item’s end is corrected like its start: read again, that item matched again', async () => {
    const d = await registerDesk();
    const { registerNo } = await d.must(
      'requests.create',
      requestJson({
        items: [
          {
            kind: 'phone',
            value: '06-12345678',
            period: { from: '2024-05-01T00:00', to: '2024-05-02T00:00' },
          },
          { kind: 'phone', value: '06-12345678', moment: '2024-05-01T10:00' },
        ],
      }),
    );
    await d.must('requests.match', { registerNo });
    const before = matchRows(d, 1);
    const r = await d.must('requests.amend', {
      registerNo,
      field: 'items.1.periodTo',
      value: '2024-06-01T00:00',
      reason: 'End of the period as the requester confirmed by phone',
    });
    expect(r.items[0]!.moment).toBe('2024-05-01T00:00');
    expect(r.items[0]!.period).toMatchObject({
      to: '2024-06-01T00:00',
      toUtc: '2024-05-31T22:00:00.000Z',
      toTimeStatus: 'ok',
    });
    expect(r.events.at(-1)).toMatchObject({ kind: 'rematched', details: { index: 1 } });
    expect(matchRows(d, 1)).toBe(before + 1);
    expect(r.amendments.at(-1)).toMatchObject({
      field: 'items.1.periodTo',
      value: '2024-06-01T00:00',
    });

    const empty = await d.call('requests.amend', {
      registerNo,
      field: 'items.1.periodTo',
      value: '',
      reason: 'clearing it',
    });
    expect(!empty.ok && empty.key).toBe('amend.required');
    const moment = await d.call('requests.amend', {
      registerNo,
      field: 'items.2.periodTo',
      value: '2024-06-01T00:00',
      reason: 'no period here',
    });
    expect(!moment.ok && [moment.code, moment.key]).toEqual(['BAD_INPUT', 'amend.notPeriod']);
  });
});
