import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { YearStats } from '../../shared/schemas/stats';
import { registerDesk, requestJson } from '../fixtures/requests/desk';
import { epocRequestJson } from '../fixtures/epoc/epoc-request';

const unknownPhone = [{ kind: 'phone' as const, value: '06-20000001', moment: '2026-08-30T10:00' }];
const at = (d: Awaited<ReturnType<typeof registerDesk>>, iso: string) => {
  d.clock.now = new Date(iso);
};

/**
 * Four EPOCs received on 2 September 2026, 09:15 Amsterdam (07:15 UTC), and one Dutch request:
 * - DE, subscriber + identification, issued 1 September: disclosed, approved at 12:15 UTC (5 h);
 * - FR, emergency, police without validation: refused at 09:15 UTC (2 h), Annex III (f);
 * - BE, no data, decided the next day at 07:15 UTC (24 h), no Annex III form;
 * - AT, emergency, traffic data: still open.
 */
let d: Awaited<ReturnType<typeof registerDesk>>;
let s: YearStats;
beforeAll(async () => {
  d = await registerDesk('2026-09-02T08:00:00Z');
  const de = await d.must('requests.create', epocRequestJson({ issuedOn: '2026-09-01' }));
  const fr = await d.must(
    'requests.create',
    epocRequestJson({
      issuingState: 'FR',
      issuingAuthority: {
        name: 'Police judiciaire de Paris',
        function: 'other_competent',
        fileReference: 'PJ-75-2026-4410',
      },
      deadline: 'emergency_8_hours',
      emergency: true,
    }),
  );
  const be = await d.must(
    'requests.create',
    epocRequestJson({ issuingState: 'BE' }, { items: unknownPhone }),
  );
  await d.must(
    'requests.create',
    epocRequestJson(
      {
        issuingState: 'AT',
        categories: ['traffic'],
        deadline: 'emergency_8_hours',
        emergency: true,
        issuingAuthority: {
          name: 'Landesgericht Wien',
          function: 'judge',
          fileReference: '1 HR 2/26',
        },
      },
      { legalBasis: 'eu-epoc-traffic', categories: ['traffic'] },
    ),
  );
  await d.must('requests.create', requestJson({ receivedAt: '2026-09-02T09:15' }));

  at(d, '2026-09-02T09:15:00Z');
  await d.must('requests.decide', { registerNo: fr.registerNo, outcome: 'refuse' });
  await d.must('letters.annex3Issue', { registerNo: fr.registerNo });
  await d.must('requests.match', { registerNo: de.registerNo });
  await d.must('requests.decide', { registerNo: de.registerNo, outcome: 'disclose', items: [1] });
  at(d, '2026-09-02T12:15:00Z');
  await d.as('anna');
  await d.must('requests.approve', { registerNo: de.registerNo });
  await d.as('olga');
  at(d, '2026-09-03T07:15:00Z');
  await d.must('requests.match', { registerNo: be.registerNo });
  await d.must('requests.decide', { registerNo: be.registerNo, outcome: 'no_data' });
  at(d, '2026-09-04T10:00:00Z');
  s = await d.must('stats.year', { year: 2026 });
}, 60_000);

describe('Art. 28 figures of European Production Orders', () => {
  it('counts the orders per issuing State, kind of data and urgency, beside the Dutch figures', () => {
    expect(s.requests).toBe(5);
    expect(s.epoc.orders).toBe(4);
    expect(s.epoc.byIssuingState).toEqual({ AT: 1, BE: 1, DE: 1, FR: 1 });
    expect(s.epoc.byCategory).toEqual({ subscriber: 3, identification: 3, traffic_content: 1 });
    expect(s.epoc.byUrgency).toEqual({ emergency: 2, normal: 2 });
  });

  it('says which were complied with, and why the others were not (the Annex III form ticked)', () => {
    expect(s.epoc.compliance).toEqual({ complied: 1, notComplied: 2, open: 1 });
    expect(s.epoc.notCompliedByReason).toEqual({ no_form: 1, not_issued_or_validated: 1 });
  });

  it('averages the time from receipt, and from the date of issue, to the answer', () => {
    // (5 + 2 + 24) / 3 hours; issued 1 September 00:00 Amsterdam (22:00 UTC the day before).
    expect(s.epoc.receiptToAnswerHours).toEqual({ average: 10.33, count: 3 });
    expect(s.epoc.issueToAnswerHours).toEqual({ average: 38.25, count: 1 });
  });

  it('is in the CSV and JSON exports, published with small counts suppressed and averages kept', async () => {
    const csv = await d.must('stats.export', { year: 2026, format: 'csv', published: false });
    const lines = csv.content!.split('\r\n');
    expect(lines).toContain('epoc.orders,,4');
    expect(lines).toContain('epoc.byIssuingState.FR,,1');
    expect(lines).toContain('epoc.notCompliedByReason.not_issued_or_validated,,1');
    expect(lines).toContain('epoc.receiptToAnswerHours.average,,10.33');
    const pub = await d.must('stats.export', { year: 2026, format: 'json' });
    const json = JSON.parse(pub.content!) as { epoc: Record<string, unknown> };
    expect(json.epoc).toMatchObject({
      orders: '< 5',
      byUrgency: { emergency: '< 5', normal: '< 5' },
      receiptToAnswerHours: { average: 10.33, count: '< 5' },
    });
  });

  it('has its section in the transparency report', async () => {
    const r = await d.must('stats.report', { year: 2026, language: 'nl' });
    const t = execFileSync('pdftotext', ['-layout', '-', '-'], {
      input: Buffer.from(r.base64!, 'base64'),
    }).toString();
    expect(t).toContain('Europese verstrekkingsbevelen (art. 28)');
    expect(t).toMatch(/Gemiddelde tijd ontvangst tot antwoord \(uren\)\s+10,3/);
    expect(t).toMatch(/\(f\) niet uitgevaardigd of gevalideerd zoals artikel 4 vereist\s+<\s?5/);
    expect(t).toMatch(/Uitvaardigende staat\s+Aantal/);
  });
});
