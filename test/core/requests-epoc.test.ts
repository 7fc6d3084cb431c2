import { describe, expect, it } from 'vitest';
import { registerDesk } from '../fixtures/requests/desk';
import { epocRequestJson } from '../fixtures/epoc/epoc-request';

const START = '2026-09-02T12:00:00Z';
const codes = (list: { code: string }[]) => list.map((f) => f.code);

describe('a European Production Order as a request', () => {
  it('a prosecutor orders subscriber data: logged with its certificate, 10 days, matched', async () => {
    const d = await registerDesk(START);
    const { registerNo } = await d.must('requests.create', epocRequestJson());
    const r = await d.must('requests.get', { registerNo });
    expect(r.channel).toBe('epoc');
    expect(r.caseReference).toBe('121 Js 345/26');
    expect(r.urgency).toBe('normal');
    // Received 09:15 Amsterdam (07:15 UTC): due ten days later.
    expect(r.receivedAt).toBe('2026-09-02T07:15:00.000Z');
    expect(r.deadline).toBe('2026-09-12T07:15:00.000Z');
    expect(r.epoc?.certificate.issuingState).toBe('DE');
    expect(r.epoc?.certificate.issuingAuthority.function).toBe('prosecutor');
    expect(r.epoc?.validation).toEqual({
      state: 'none',
      due: null,
      validatedAt: null,
      late: false,
    });
    expect(r.epocValidationDue).toBeNull();
    expect(r.check?.outcome).toBe('proceed');
    expect(codes(r.check!.failures)).toEqual([]);
    expect((await d.must('requests.match', { registerNo })).items[0]!.status).toBe('match');
  });

  it('an emergency order is due in 8 hours and logged as an emergency', async () => {
    const d = await registerDesk(START);
    const { registerNo } = await d.must(
      'requests.create',
      epocRequestJson({ deadline: 'emergency_8_hours', emergency: true }),
    );
    const r = await d.must('requests.get', { registerNo });
    expect(r.urgency).toBe('emergency');
    expect(r.deadline).toBe('2026-09-02T15:15:00.000Z');
    expect(r.deadlineState).toBe('due_soon');
    d.clock.now = new Date('2026-09-02T15:16:00Z');
    expect((await d.must('requests.get', { registerNo })).deadlineState).toBe('overdue');
  });

  it('"at the end of 10 days" for subscriber data is flagged and answered within 10 days', async () => {
    const d = await registerDesk(START);
    const { registerNo } = await d.must(
      'requests.create',
      epocRequestJson({ deadline: 'end_of_10_days' }),
    );
    const r = await d.must('requests.get', { registerNo });
    expect(r.deadline).toBe('2026-09-12T07:15:00.000Z');
    expect(codes(r.check!.warnings)).toContain('epoc_end_of_10_days');
    expect(r.check?.outcome).toBe('proceed');
  });

  it('traffic data ordered by a prosecutor without a judge: fails and is referred, never matched', async () => {
    const d = await registerDesk(START);
    const { registerNo } = await d.must(
      'requests.create',
      epocRequestJson(
        { categories: ['traffic'] },
        { legalBasis: 'eu-epoc-traffic', categories: ['traffic'] },
      ),
    );
    const r = await d.must('requests.get', { registerNo });
    expect(r.check?.outcome).toBe('refer');
    expect(codes(r.check!.failures)).toEqual(
      expect.arrayContaining(['epoc_issuer_not_allowed_traffic_content', 'epoc_traffic_referred']),
    );
    expect((await d.call('requests.match', { registerNo })).ok).toBe(false);
    const db = d.session.vault!.db;
    expect(db.prepare('SELECT count(*) AS n FROM match_result').get()).toEqual({ n: 0 });
  });

  it('traffic data under the subscriber basis is still referred, not refused', async () => {
    const d = await registerDesk(START);
    const { registerNo } = await d.must(
      'requests.create',
      epocRequestJson(
        {
          categories: ['subscriber_identity', 'content'],
          issuingAuthority: {
            name: 'Amtsgericht Köln',
            function: 'judge',
            fileReference: '5 Gs 1/26',
          },
        },
        { categories: ['name', 'content'] },
      ),
    );
    const r = await d.must('requests.get', { registerNo });
    expect(r.check?.outcome).toBe('refer');
    expect(codes(r.check!.failures)).toContain('epoc_traffic_referred');
    expect(codes(r.check!.failures)).not.toContain('epoc_issuer_not_allowed_traffic_content');
  });

  it('Denmark is not bound by the Regulation; a state outside the EU neither', async () => {
    const d = await registerDesk(START);
    for (const state of ['DK', 'US']) {
      const { registerNo } = await d.must(
        'requests.create',
        epocRequestJson({ issuingState: state }),
      );
      const r = await d.must('requests.get', { registerNo });
      expect(r.check?.outcome).toBe('refuse');
      expect(r.check!.failures.find((f) => f.code === 'epoc_state_not_bound')?.params).toEqual({
        state,
      });
    }
    // Ireland opted in; Greece is written EL by the EU and GR by ISO.
    for (const state of ['IE', 'el']) {
      const { registerNo } = await d.must(
        'requests.create',
        epocRequestJson({ issuingState: state }),
      );
      expect((await d.must('requests.get', { registerNo })).check?.outcome).toBe('proceed');
    }
  });

  it('the register may not ask for more than the certificate orders', async () => {
    const d = await registerDesk(START);
    const { registerNo } = await d.must(
      'requests.create',
      epocRequestJson({ categories: ['subscriber_identity'] }, { categories: ['naw'] }),
    );
    const r = await d.must('requests.get', { registerNo });
    expect(r.check?.outcome).toBe('refuse');
    const more = r.check!.failures.find((f) => f.code === 'epoc_more_than_ordered');
    expect(more?.params).toEqual({ categories: 'number, service_type' });
  });

  it('another competent authority without validation, outside an emergency: refused', async () => {
    const d = await registerDesk(START);
    const { registerNo } = await d.must(
      'requests.create',
      epocRequestJson({
        issuingAuthority: {
          name: 'Bundeskriminalamt',
          function: 'other_competent',
          fileReference: 'BKA-1',
        },
      }),
    );
    const r = await d.must('requests.get', { registerNo });
    expect(r.check?.outcome).toBe('refuse');
    expect(codes(r.check!.failures)).toContain('epoc_issuer_not_allowed_subscriber');
  });

  it('a non-judicial emergency order: 48-hour validation tracked, cleared by the amendment recording it', async () => {
    const d = await registerDesk(START);
    const { registerNo } = await d.must(
      'requests.create',
      epocRequestJson({
        issuingAuthority: {
          name: 'Bundeskriminalamt',
          function: 'other_competent',
          fileReference: 'BKA-7',
        },
        deadline: 'emergency_8_hours',
        emergency: true,
        noValidationReason: 'emergency_pending_validation',
      }),
    );
    const r = await d.must('requests.get', { registerNo });
    expect(r.check?.outcome).toBe('proceed');
    const pending = r.check!.warnings.find((w) => w.code === 'epoc_validation_pending');
    expect(pending?.params).toEqual({ due: '2026-09-04T07:15:00.000Z' });
    expect(r.epoc?.validation).toEqual({
      state: 'pending',
      due: '2026-09-04T07:15:00.000Z',
      validatedAt: null,
      late: false,
    });
    expect(r.epocValidationDue).toBe('2026-09-04T07:15:00.000Z');
    expect(r.epocValidationState).toBe('open');
    expect((await d.must('requests.dashboard', {})).epocValidationsOpen).toBe(1);

    // A validator that may not validate is refused as input, by a worded key.
    const bad = await d.call('requests.amend', {
      registerNo,
      field: 'epoc.validatingAuthority',
      value: '{"name":"x"}',
      reason: 'validation arrived',
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.key).toBe('epoc.validatorJson');

    d.clock.now = new Date('2026-09-03T10:00:00Z');
    await d.must('requests.amend', {
      registerNo,
      field: 'epoc.validatingAuthority',
      value: JSON.stringify({
        name: 'Staatsanwaltschaft Wiesbaden',
        function: 'prosecutor',
        fileReference: '3 Js 9/26',
      }),
      reason: 'validation received by the e-Evidence system',
    });
    const v = await d.must('requests.get', { registerNo });
    expect(v.epoc?.certificate.validatingAuthority?.name).toBe('Staatsanwaltschaft Wiesbaden');
    expect(v.epoc?.validation.state).toBe('validated');
    expect(v.epoc?.validation.late).toBe(false);
    expect(v.epocValidationState).toBe('closed');
    expect(codes(v.check!.warnings)).not.toContain('epoc_validation_pending');
    expect((await d.must('requests.dashboard', {})).epocValidationsOpen).toBe(0);
    // The certificate as received stays as it was.
    const row = d.session.vault!.db.prepare('SELECT certificate FROM request_epoc').get() as {
      certificate: string;
    };
    expect(JSON.parse(row.certificate).validatingAuthority).toBeNull();
  });

  it('past 48 hours without validation the tracking is overdue; a late validation is flagged', async () => {
    const d = await registerDesk(START);
    const { registerNo } = await d.must(
      'requests.create',
      epocRequestJson({
        issuingAuthority: {
          name: 'Bundeskriminalamt',
          function: 'other_competent',
          fileReference: 'BKA-8',
        },
        deadline: 'emergency_8_hours',
        emergency: true,
        noValidationReason: 'emergency_pending_validation',
      }),
    );
    d.clock.now = new Date('2026-09-04T08:00:00Z');
    const late = await d.must('requests.get', { registerNo });
    expect(late.epoc?.validation.state).toBe('overdue');
    expect(late.epocValidationState).toBe('overdue');
    await d.must('requests.amend', {
      registerNo,
      field: 'epoc.validatingAuthority',
      value: JSON.stringify({
        name: 'Amtsgericht Köln',
        function: 'judge',
        fileReference: '5 Gs 2/26',
      }),
      reason: 'validation arrived late',
    });
    const v = await d.must('requests.get', { registerNo });
    expect(v.epoc?.validation).toMatchObject({ state: 'validated', late: true });
    expect(codes(v.check!.warnings)).toContain('epoc_validation_late');
  });

  it('bad certificates are refused with worded keys', async () => {
    const d = await registerDesk(START);
    const cases: [Parameters<typeof epocRequestJson>[0], string][] = [
      [{ issuingState: 'Germany' }, 'epoc.stateFormat'],
      [{ emergency: true }, 'epoc.emergencyDeadline'],
      [{ noValidationReason: null }, 'epoc.validationOrReason'],
      [{ noValidationReason: 'emergency_pending_validation' }, 'epoc.pendingOnlyInEmergency'],
      [{ categories: [] }, 'epoc.noCategories'],
    ];
    for (const [epoc, key] of cases) {
      const res = await d.call('requests.create', epocRequestJson(epoc));
      expect(res.ok, key).toBe(false);
      if (!res.ok) expect(res.key).toBe(key);
    }
  });

  it('an EPOC basis without a certificate is warned about; fields of a certificate cannot be amended on another request', async () => {
    const d = await registerDesk(START);
    const { registerNo } = await d.must(
      'requests.create',
      epocRequestJson({}, { epoc: undefined, caseReference: '121 Js 345/26' }),
    );
    const r = await d.must('requests.get', { registerNo });
    expect(r.epoc).toBeNull();
    expect(codes(r.check!.warnings)).toContain('epoc_missing');
    const res = await d.call('requests.amend', {
      registerNo,
      field: 'epoc.addressee',
      value: 'Someone else',
      reason: 'typo in the addressee',
    });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.key).toBe('epoc.amendNoEpoc');
  });

  it('from logging to the disclosure letter: an EPOC is answered like any approved disclosure', async () => {
    const d = await registerDesk(START);
    const { registerNo } = await d.must('requests.create', epocRequestJson());
    await d.must('requests.match', { registerNo });
    await d.must('requests.decide', { registerNo, outcome: 'disclose', items: [1] });
    await d.as('anna');
    await d.must('requests.approve', { registerNo });
    await d.as('olga');
    const rec = await d.must('letters.issue', { registerNo });
    expect(rec).toMatchObject({
      registerNo,
      kind: 'disclosure',
      legalBasis: 'Reg. (EU) 2023/1543 (EPOC, subscriber data)',
      caseReference: '121 Js 345/26',
    });
  });
});
