import { describe, expect, it } from 'vitest';
import { registerDesk, requestJson } from '../fixtures/requests/desk';

describe('request lifecycle through the handler table', () => {
  it('log → check → match → decide (officer) → approve (a different approver) → disclosed', async () => {
    const d = await registerDesk();
    const { registerNo, status } = await d.must('requests.create', requestJson());
    expect(registerNo).toBe('2026-0001');
    // Logging runs the checks at once; checking again (below) records a second check.
    expect(status).toBe('checked');

    const c = await d.must('requests.check', { registerNo });
    expect(c.outcome).toBe('proceed');
    expect(c.failures).toEqual([]);
    expect(c.warnings.map((w) => w.code)).toContain('ip_lookup');

    const m = await d.must('requests.match', { registerNo });
    expect(m.items.map((i) => [i.index, i.status])).toEqual([
      [1, 'match'],
      [2, 'match'],
    ]);
    expect(m.items[0]!.subscribers[0]).toMatchObject({ customerId: 'C001', city: 'Amsterdam' });
    expect(m.items[1]!.subscribers[0]).toMatchObject({ customerId: 'C003', name: 'Pieter Bakker' });

    const decided = await d.must('requests.decide', {
      registerNo,
      outcome: 'disclose',
      items: [1],
    });
    expect(decided.status).toBe('awaiting_approval');
    expect(decided.decisions.at(-1)).toMatchObject({
      outcome: 'disclose',
      items: [1],
      categories: ['name', 'address', 'postcode', 'city', 'number', 'service_type'],
      withheld: [],
      decidedBy: 'olga',
      state: 'pending_approval',
    });

    // The officer cannot approve at all; the approver who decided cannot approve their own.
    const self = await d.call('requests.approve', { registerNo });
    expect(self.ok).toBe(false);
    if (!self.ok) expect(self.code).toBe('FORBIDDEN');

    await d.as('anna');
    const approved = await d.must('requests.approve', { registerNo, note: 'Basis and scope fit.' });
    expect(approved.status).toBe('disclosed');
    expect(approved.approvals).toEqual([
      expect.objectContaining({ approved: true, by: 'anna', onePerson: false }),
    ]);
    expect(approved.decisions.at(-1)!.state).toBe('in_effect');
    expect(approved.events.map((e) => e.kind)).toEqual([
      'logged',
      'checked',
      'checked',
      'matched',
      'decided',
      'approved',
    ]);

    // After the decision: never edited in place; amendments only.
    for (const [channel, input] of [
      ['requests.decide', { registerNo, outcome: 'refuse', reasons: ['x'] }],
      ['requests.match', { registerNo }],
      ['requests.check', { registerNo }],
    ] as const) {
      const r = await d.call(channel, input as never);
      expect(r.ok, channel).toBe(false);
      if (!r.ok) expect(r.code).toBe('CONFLICT');
    }
    const amended = await d.must('requests.amend', {
      registerNo,
      field: 'caseReference',
      value: 'PL1300-2026012346',
      reason: 'Typo in the case number, confirmed by the requester by phone.',
    });
    // The correction holds from now on; the row as logged is never edited in place.
    expect(amended.caseReference).toBe('PL1300-2026012346');
    expect(d.session.vault!.db.prepare('SELECT case_reference FROM request').pluck().get()).toBe(
      'PL1300-2026012345',
    );
    expect(amended.amendments).toEqual([
      expect.objectContaining({ field: 'caseReference', by: 'anna' }),
    ]);

    const audit = await (async () => {
      await d.as('admin');
      return d.must('audit.list', { subject: `request:${registerNo}`, limit: 100 });
    })();
    const actions = audit.events.map((e) => e.action).reverse();
    expect(actions).toEqual(
      expect.arrayContaining([
        'request.created',
        'request.checked',
        'request.matched',
        'request.decided',
        'request.approved',
        'request.amended',
        'request.subscribers_viewed',
      ]),
    );
    const matched = audit.events.filter((e) => e.action === 'request.matched');
    expect(matched.map((e) => [e.user, e.details.item, e.details.outcome])).toEqual(
      expect.arrayContaining([
        ['olga', 1, 'match'],
        ['olga', 2, 'match'],
      ]),
    );
    expect(audit.events.find((e) => e.action === 'request.approved')).toMatchObject({
      user: 'anna',
      details: { decidedBy: 'olga', onePerson: false },
    });
    // No subscriber NAW data in the audit log.
    expect(JSON.stringify(audit.events)).not.toMatch(/Pieter Bakker|Stationsstraat/);
    expect((await d.must('audit.verify', {})).intact).toBe(true);
  });

  it('an approver who decided needs another approver; rejection sends it back to matched', async () => {
    const d = await registerDesk();
    const { registerNo } = await d.must('requests.create', requestJson());
    await d.as('piet');
    await d.must('requests.match', { registerNo });
    await d.must('requests.decide', { registerNo, outcome: 'disclose' });
    const own = await d.call('requests.approve', { registerNo });
    expect(own.ok).toBe(false);
    if (!own.ok) {
      expect(own.code).toBe('FORBIDDEN');
      expect(own.message).toMatch(/different approver/);
    }
    await d.as('anna');
    const rejected = await d.must('requests.approve', {
      registerNo,
      approve: false,
      note: 'Item 2 is a CGNAT look-up; ask legal first.',
    });
    expect(rejected.status).toBe('matched');
    expect(rejected.decisions[0]!.state).toBe('rejected');
    await d.as('piet');
    await d.must('requests.decide', { registerNo, outcome: 'disclose', items: [1] });
    await d.as('anna');
    const ok = await d.must('requests.approve', { registerNo });
    expect(ok.status).toBe('disclosed');
    expect(ok.decisions.map((x) => x.state)).toEqual(['rejected', 'in_effect']);
  });

  it('four eyes off (one-person desk): the same approver may approve, marked in record and audit', async () => {
    const d = await registerDesk();
    d.session
      .vault!.db.prepare(`INSERT INTO setting (key, value) VALUES ('fourEyes', 'false')`)
      .run();
    await d.as('piet');
    const { registerNo } = await d.must('requests.create', requestJson());
    await d.must('requests.match', { registerNo });
    await d.must('requests.decide', { registerNo, outcome: 'disclose' });
    const done = await d.must('requests.approve', { registerNo });
    expect(done.status).toBe('disclosed');
    expect(done.approvals[0]).toMatchObject({ by: 'piet', onePerson: true });
    await d.as('admin');
    const a = await d.must('audit.list', { action: 'request.approved', limit: 5 });
    expect(a.events[0]!.details).toMatchObject({ onePerson: true, decidedBy: 'piet' });
  });

  it('register numbers per year, gap-free, by the date the request was received', async () => {
    const d = await registerDesk();
    const nos: string[] = [];
    for (const receivedAt of ['2026-01-05T10:00', '2025-12-31T23:30', '2026-02-01T10:00']) {
      nos.push((await d.must('requests.create', requestJson({ receivedAt }))).registerNo);
    }
    // A request that fails validation takes no number.
    const bad = await d.call('requests.create', requestJson({ authority: 'Politie Gotham' }));
    expect(bad.ok).toBe(false);
    nos.push((await d.must('requests.create', requestJson())).registerNo);
    expect(nos).toEqual(['2026-0001', '2025-0001', '2026-0002', '2026-0003']);
    const list2025 = await d.must('requests.list', { year: 2025 });
    expect(list2025.map((r) => r.registerNo)).toEqual(['2025-0001']);
  });
});
