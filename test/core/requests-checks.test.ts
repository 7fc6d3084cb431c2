import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/desk';
import { PORTAL_VERIFICATION, registerDesk, requestJson } from '../fixtures/requests/desk';

const codes = (c: { failures: { code: string }[] }) => c.failures.map((f) => f.code);

describe('checks before matching', () => {
  it('an unverified request is refused with that reason and never matched or disclosed', async () => {
    const d = await registerDesk();
    const { registerNo } = await d.must(
      'requests.create',
      requestJson({ verification: undefined }),
    );
    const c = await d.must('requests.check', { registerNo });
    expect(c.outcome).toBe('refuse');
    expect(codes(c)).toEqual(['not_verified']);
    const m = await d.call('requests.match', { registerNo });
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.code).toBe('CONFLICT');
    const disclose = await d.call('requests.decide', { registerNo, outcome: 'disclose' });
    expect(disclose.ok).toBe(false);
    const refused = await d.must('requests.decide', { registerNo, outcome: 'refuse' });
    expect(refused.status).toBe('refused');
    expect(refused.decisions[0]!.reasons[0]).toMatch(/not verified/);
    expect(refused.matches).toEqual([]);
  });

  it('verifying later (call-back) lets the request proceed', async () => {
    const d = await registerDesk();
    const { registerNo } = await d.must(
      'requests.create',
      requestJson({ verification: undefined }),
    );
    expect((await d.must('requests.check', { registerNo })).outcome).toBe('refuse');
    const v = await d.must('requests.verify', {
      registerNo,
      verification: {
        method: 'callback',
        by: 'olga',
        at: '2026-03-02T11:00',
        channel: '+31205595000',
      },
    });
    expect(v.verified).toBe(true);
    expect(v.check?.outcome).toBe('proceed');
    expect((await d.must('requests.match', { registerNo })).items[0]!.status).toBe('match');
  });

  it('traffic data under a NAW basis: refused (category outside the basis), never matched', async () => {
    const d = await registerDesk();
    const { registerNo } = await d.must(
      'requests.create',
      requestJson({ categories: ['naw', 'traffic', 'location'] }),
    );
    const c = await d.must('requests.check', { registerNo });
    expect(c.outcome).toBe('refuse');
    expect(codes(c)).toEqual(['category_outside_basis', 'not_naw_data']);
    expect(c.failures[0]!.message).toMatch(/traffic, location/);
    expect((await d.call('requests.match', { registerNo })).ok).toBe(false);
    const r = await d.must('requests.decide', { registerNo, outcome: 'refuse' });
    expect(r.decisions[0]!.reasons.join(' ')).toMatch(/buiten grondslag/);
    const rows = d.session.vault!.db.prepare('SELECT count(*) AS n FROM match_result').get() as {
      n: number;
    };
    expect(rows.n).toBe(0);
  });

  it('a traffic-data basis (Sv 126n) is referred, never matched', async () => {
    const d = await registerDesk();
    const { registerNo } = await d.must(
      'requests.create',
      requestJson({
        legalBasis: 'Sv 126n',
        requester: { name: 'mr. A. Smit', function: 'OvJ' },
        authority: 'om-amsterdam',
        verification: PORTAL_VERIFICATION,
        categories: ['traffic'],
      }),
    );
    const c = await d.must('requests.check', { registerNo });
    expect(c.outcome).toBe('refer');
    expect(codes(c)).toContain('basis_referred');
    expect((await d.call('requests.match', { registerNo })).ok).toBe(false);
    const r = await d.must('requests.decide', { registerNo, outcome: 'referred' });
    expect(r.status).toBe('referred');
  });

  it('the issuer must fit the basis: 126na lid 2 needs an officier van justitie', async () => {
    const d = await registerDesk();
    const { registerNo } = await d.must(
      'requests.create',
      requestJson({ legalBasis: 'sv-126na-2' }),
    );
    const c = await d.must('requests.check', { registerNo });
    expect(codes(c)).toEqual(['issuer_not_allowed']);
    expect(c.failures[0]!.message).toMatch(/officier van justitie/);
    const ovj = await d.must(
      'requests.create',
      requestJson({
        legalBasis: 'sv-126na-2',
        requester: { name: 'mr. A. Smit', function: 'ovj' },
      }),
    );
    expect((await d.must('requests.check', ovj)).outcome).toBe('proceed');
  });

  it('missing case reference and a phone request outside an emergency are failures', async () => {
    const d = await registerDesk();
    const { registerNo } = await d.must(
      'requests.create',
      requestJson({ caseReference: undefined, channel: 'phone' }),
    );
    const c = await d.must('requests.check', { registerNo });
    expect(codes(c)).toEqual(['missing_case_reference', 'phone_not_emergency']);
  });

  it('an emergency by phone: 8-hour deadline and written confirmation due in 3 days', async () => {
    const d = await registerDesk('2026-03-02T10:00:00Z');
    const { registerNo } = await d.must(
      'requests.create',
      requestJson({ channel: 'phone', urgency: 'emergency', receivedAt: '2026-03-02T10:30' }),
    );
    const r = await d.must('requests.get', { registerNo });
    expect(r.deadline).toBe('2026-03-02T17:30:00.000Z');
    expect(r.oral).toBe(true);
    expect(r.writtenConfirmationDue).toBe('2026-03-05T09:30:00.000Z');
    expect(r.writtenConfirmationState).toBe('open');
    expect((await d.must('requests.check', { registerNo })).outcome).toBe('proceed');
    d.clock.now = new Date('2026-03-06T09:00:00Z');
    expect((await d.must('requests.dashboard', {})).confirmationsOverdue).toBe(1);
    await d.must('requests.confirmWritten', { registerNo, receivedAt: '2026-03-05T08:00' });
    const after = await d.must('requests.get', { registerNo });
    expect(after.writtenConfirmationState).toBe('closed');
    expect(after.writtenConfirmationReceivedAt).toBe('2026-03-05T07:00:00.000Z');
  });

  it('a request in the name of the abolished Landelijke Eenheid is flagged', async () => {
    const d = await registerDesk();
    const { registerNo } = await d.must(
      'requests.create',
      requestJson({ authority: 'pol-le', verification: PORTAL_VERIFICATION }),
    );
    const c = await d.must('requests.check', { registerNo });
    expect(c.warnings.map((w) => w.code)).toContain('legacy_authority');
    expect(c.warnings.find((w) => w.code === 'legacy_authority')!.message).toMatch(
      /pol-lo, pol-lx/,
    );
  });

  it('EPOC before 18 August 2026 is referred (not yet applicable)', async () => {
    const d = await registerDesk();
    const { registerNo } = await d.must(
      'requests.create',
      requestJson({
        legalBasis: 'eu-epoc-subscriber',
        authority: 'eu-issuing',
        verification: PORTAL_VERIFICATION,
        channel: 'epoc',
        requester: { name: 'Dr. K. Müller', function: 'foreign_judicial_authority' },
      }),
    );
    const c = await d.must('requests.check', { registerNo });
    expect(c.outcome).toBe('refer');
    expect(codes(c)).toEqual(['basis_not_yet_applicable']);
  });

  it('bad request JSON is refused with the field named, and takes no number', async () => {
    const d = await registerDesk();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ legalBasis: 'Sv 999' }, /legalBasis/],
      [{ categories: ['naw', 'dna'] }, /categories/],
      [{ items: [] }, /at least one identifier/],
      [{ receivedAt: '2026-03-29T02:30' }, /receivedAt: .*skipped/],
      [{ receivedAt: '2027-01-01T10:00' }, /future/],
      [{ requester: { name: 'X', function: 'mayor' } }, /requester.function/],
    ];
    for (const [over, msg] of cases) {
      const r = await d.call('requests.create', { ...requestJson(), ...over } as never);
      expect(r.ok, JSON.stringify(over)).toBe(false);
      if (!r.ok) expect(r.message).toMatch(msg);
    }
    expect((await d.must('requests.create', requestJson())).registerNo).toBe('2026-0001');
  });
});

describe('deciding: only what the basis allows and the request asks for', () => {
  it('withholds the categories not chosen, refuses categories not asked for', async () => {
    const d = await registerDesk();
    const { registerNo } = await d.must(
      'requests.create',
      requestJson({ categories: ['name', 'address', 'city'] }),
    );
    await d.must('requests.match', { registerNo });
    const extra = await d.call('requests.decide', {
      registerNo,
      outcome: 'disclose',
      categories: ['name', 'postcode'],
    });
    expect(extra.ok).toBe(false);
    if (!extra.ok) expect(extra.message).toMatch(/not postcode/);
    const r = await d.must('requests.decide', {
      registerNo,
      outcome: 'disclose',
      categories: ['name', 'city'],
    });
    expect(r.decisions[0]).toMatchObject({ categories: ['name', 'city'], withheld: ['address'] });
  });

  it('only items that matched can be disclosed; no_data only when nothing matched', async () => {
    const d = await registerDesk();
    const { registerNo } = await d.must(
      'requests.create',
      requestJson({
        items: [
          { kind: 'phone', value: '0612345678', moment: '2025-03-15T12:00' },
          { kind: 'ip', value: '203.0.113.5', moment: '2025-06-01T14:00' },
        ],
      }),
    );
    const m = await d.must('requests.match', { registerNo });
    expect(m.items.map((i) => i.status)).toEqual(['no_match', 'needs_port']);
    expect((await d.call('requests.decide', { registerNo, outcome: 'disclose' })).ok).toBe(false);
    const r = await d.must('requests.decide', { registerNo, outcome: 'no_data' });
    expect(r.status).toBe('no_data');
  });

  it('DST overlap: the officer chooses the offset, then the item matches', async () => {
    const d = await registerDesk();
    const { registerNo } = await d.must(
      'requests.create',
      requestJson({ items: [{ kind: 'phone', value: '0687654321', moment: '2025-10-26T02:30' }] }),
    );
    const first = await d.must('requests.match', { registerNo });
    expect(first.items[0]!.status).toBe('ambiguous_time');
    const detail = await d.must('requests.get', { registerNo });
    expect(detail.items[0]!.timeCandidates.map((c) => c.offset)).toEqual(['+02:00', '+01:00']);
    const wrong = await d.call('requests.resolveTime', { registerNo, index: 1, offset: '+03:00' });
    expect(wrong.ok).toBe(false);
    await d.must('requests.resolveTime', { registerNo, index: 1, offset: '+01:00' });
    const again = await d.must('requests.match', { registerNo });
    expect(again.items[0]).toMatchObject({ status: 'match' });
    expect(again.items[0]!.subscribers[0]!.customerId).toBe('C005');
  });
});

describe('register views', () => {
  it('filters, search, deadline badges and the dashboard', async () => {
    const d = await registerDesk('2026-03-02T12:00:00Z');
    const a = await d.must('requests.create', requestJson({ receivedAt: '2026-02-10T10:00' }));
    const b = await d.must(
      'requests.create',
      requestJson({
        urgency: 'emergency',
        receivedAt: '2026-03-02T08:00',
        caseReference: 'ZAAK-77',
      }),
    );
    const c = await d.must(
      'requests.create',
      requestJson({ authority: 'fiod', verification: PORTAL_VERIFICATION }),
    );
    const all = await d.must('requests.list', {});
    expect(all.map((r) => r.registerNo)).toEqual([c.registerNo, b.registerNo, a.registerNo]);
    const byNo = new Map(all.map((r) => [r.registerNo, r]));
    expect(byNo.get(a.registerNo)!.deadlineState).toBe('overdue');
    expect(byNo.get(b.registerNo)!.deadlineState).toBe('due_soon');
    expect(byNo.get(c.registerNo)!.deadlineState).toBe('open');
    expect((await d.must('requests.list', { search: 'zaak-7' })).map((r) => r.registerNo)).toEqual([
      b.registerNo,
    ]);
    expect((await d.must('requests.list', { search: '0003' })).map((r) => r.registerNo)).toEqual([
      c.registerNo,
    ]);
    expect((await d.must('requests.list', { authority: 'fiod' })).length).toBe(1);
    expect((await d.must('requests.list', { urgency: 'emergency' })).length).toBe(1);
    await d.must('requests.decide', {
      registerNo: a.registerNo,
      outcome: 'refuse',
      reasons: ['late'],
    });
    expect((await d.must('requests.list', { status: 'refused' })).length).toBe(1);
    const dash = await d.must('requests.dashboard', {});
    expect(dash.open.map((r) => r.registerNo)).toEqual([b.registerNo, c.registerNo]);
    expect(dash).toMatchObject({ overdue: 0, dueSoon: 1 });
  });

  it('an admin sees the register but no subscriber data', async () => {
    const d = await registerDesk();
    const { registerNo } = await d.must('requests.create', requestJson());
    await d.must('requests.match', { registerNo });
    await d.as('admin');
    const r = await d.must('requests.get', { registerNo });
    expect(r.matches.length).toBe(2);
    expect(r.matches.every((m) => m.subscribers.length === 0)).toBe(true);
    expect((await d.call('requests.match', { registerNo })).ok).toBe(false);
  });

  it('stores the original document (PDF or image) in the vault, never replaced', async () => {
    const d = await registerDesk();
    const dir = tempDir();
    const pdf = join(dir, 'vordering.pdf');
    writeFileSync(pdf, '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const txt = join(dir, 'fake.pdf');
    writeFileSync(txt, 'not a pdf at all');
    const token = d.session.files.register(pdf).token;
    const { registerNo } = await d.must('requests.create', requestJson({ documentToken: token }));
    const r = await d.must('requests.get', { registerNo });
    expect(r.document).toMatchObject({ name: 'vordering.pdf', mime: 'application/pdf' });
    const doc = await d.must('requests.document', { registerNo });
    expect(Buffer.from(doc.base64, 'base64').toString()).toMatch(/^%PDF-1\.4/);
    const again = await d.call('requests.attachDocument', {
      registerNo,
      token: d.session.files.register(pdf).token,
    });
    expect(again.ok).toBe(false);
    const other = await d.must('requests.create', requestJson());
    const fake = await d.call('requests.attachDocument', {
      registerNo: other.registerNo,
      token: d.session.files.register(txt).token,
    });
    expect(fake.ok).toBe(false);
    if (!fake.ok) expect(fake.message).toMatch(/not a PDF, PNG or JPEG/);
  });
});
