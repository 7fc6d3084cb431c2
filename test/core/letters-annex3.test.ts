import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { registerDesk } from '../fixtures/requests/desk';
import { requestJson } from '../fixtures/requests/desk';
import { epocRequestJson } from '../fixtures/epoc/epoc-request';
import {
  CHECK_REASON,
  languageOfState,
  proposeReasons,
} from '../../electron/letters/annex3/reasons';

const START = '2026-09-02T12:00:00Z';
const text = (pdf: Buffer) =>
  execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString();
const pdfOf = (b64: string) => Buffer.from(b64, 'base64');
/** The line of the form that prints reason (x), with its box. */
const reasonLine = (t: string, letter: string) =>
  t
    .split('\n')
    .find((l) => l.includes(`(${letter}) `))
    ?.trim() ?? '';

/** An identifier no fixture customer ever held: matches nothing. */
const unknownPhone = [{ kind: 'phone' as const, value: '06-20000001', moment: '2026-08-30T10:00' }];

describe('Annex III reasons from the desk findings', () => {
  it('maps check findings, match statuses and a no-data outcome to the form’s reasons, in its order', () => {
    expect(proposeReasons({ outcome: 'no_data', findings: [], matches: ['no_match'] })).toEqual({
      reasons: ['not_stored'],
      sources: [
        { reason: 'not_stored', from: 'outcome', code: 'no_data' },
        { reason: 'not_stored', from: 'match', code: 'no_match' },
      ],
    });
    expect(
      proposeReasons({
        outcome: 'refuse',
        findings: ['epoc_state_not_bound', 'missing_case_reference', 'ip_lookup'],
        matches: ['invalid_input'],
      }).reasons,
    ).toEqual(['incomplete', 'other']); // a refusal's items were not matched for the answer
    expect(
      proposeReasons({
        outcome: 'clarify',
        findings: [],
        matches: ['needs_port', 'invalid_input', 'match'],
      }).reasons,
    ).toEqual(['manifest_errors', 'insufficient_information']);
    expect(
      proposeReasons({
        outcome: 'refuse',
        findings: [
          'epoc_issuer_not_allowed_subscriber',
          'epoc_validator_not_allowed_traffic_content',
        ],
        matches: [],
      }).reasons,
    ).toEqual(['not_issued_or_validated']);
    // Warnings and faults on the desk's side propose nothing.
    expect(CHECK_REASON.epoc_more_than_ordered).toBeUndefined();
    expect(CHECK_REASON.epoc_basis_mismatch).toBeUndefined();
  });

  it('writes to the issuing authority in its language where the form has texts, else in English', () => {
    expect(['DE', 'AT', 'LU', 'NL', 'BE', 'FR', 'IE', 'PL'].map(languageOfState)).toEqual([
      'de',
      'de',
      'de',
      'nl',
      'nl',
      'en',
      'en',
      'en',
    ]);
  });
});

describe('the Annex III form on a real vault', () => {
  it('an EPOC from Germany without data: (d) ticked, in German, with both file references, archived and hashed', async () => {
    const d = await registerDesk(START);
    const { registerNo } = await d.must(
      'requests.create',
      epocRequestJson(
        {
          validatingAuthority: {
            name: 'Amtsgericht Köln',
            function: 'judge',
            fileReference: '502 Gs 77/26',
          },
          noValidationReason: null,
          issuedOn: '2026-09-01',
        },
        { items: unknownPhone },
      ),
    );
    await d.must('requests.match', { registerNo });
    await d.must('requests.decide', { registerNo, outcome: 'no_data' });
    const proposal = await d.must('letters.annex3Proposal', { registerNo });
    expect(proposal).toMatchObject({
      outcome: 'no_data',
      reasons: ['not_stored'],
      language: 'de',
      issuingState: 'DE',
    });

    const rec = await d.must('letters.annex3Issue', {
      registerNo,
      explanation: 'Die Rufnummer war zum angegebenen Zeitpunkt keinem Kunden zugeordnet.',
    });
    expect(rec).toMatchObject({ outcome: 'no_data', reasons: ['not_stored'], language: 'de' });
    const archived = await d.must('letters.annex3Archived', { registerNo });
    const pdf = pdfOf(archived.pdfBase64);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(rec.sha256);
    expect(archived.pages).toHaveLength(rec.pageCount);

    const t = text(pdf);
    expect(t).toContain('ANHANG III');
    expect(t).toContain('INFORMATIONEN ÜBER DIE UNMÖGLICHKEIT DER AUSFÜHRUNG DES');
    expect(t).toMatch(/Aktenzeichen der Anordnungsbehörde\s+121 Js 345\/26/);
    expect(t).toMatch(/Aktenzeichen der Validierungsbehörde\s+502 Gs 77\/26/);
    expect(t).toMatch(/Datum der Ausstellung des EPOC\/EPOC-PR\s+1\. September 2026/);
    expect(t).toContain('Staatsanwaltschaft Köln (Staatsanwaltschaft)');
    expect(reasonLine(t, 'd')).toMatch(/^☒\s+\(d\) die angeforderten Daten sind nicht gespeichert/);
    for (const other of ['a', 'b', 'c', 'e', 'f', 'g']) expect(reasonLine(t, other)).toMatch(/^☐/);
    expect(t).toContain('Die Rufnummer war zum angegebenen Zeitpunkt keinem Kunden zugeordnet.');
    expect(t).toContain('ABSCHNITT D: Kontaktdaten des Diensteanbieters');

    // Archived like a letter: on the timeline and in the audit log with its hash; never changed.
    const db = d.session.vault!.db;
    const audit = db
      .prepare(`SELECT details FROM audit_event WHERE action = 'annex3.issued'`)
      .pluck()
      .all() as string[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!)).toMatchObject({ sha256: rec.sha256, reasons: ['not_stored'] });
    const r = await d.must('requests.get', { registerNo });
    expect(r.events.map((e) => e.kind)).toContain('annex3_issued');
    expect(() => db.prepare('UPDATE annex3_form SET preserved = 1').run()).toThrow(/never changed/);
    expect(await d.must('letters.annex3List', { registerNo })).toEqual([rec]);
  });

  it('a refused French order issued by a police authority without validation: (f) ticked, in English', async () => {
    const d = await registerDesk(START);
    const { registerNo } = await d.must(
      'requests.create',
      epocRequestJson({
        issuingState: 'FR',
        issuingAuthority: {
          name: 'Police judiciaire de Paris',
          function: 'other_competent',
          fileReference: 'PJ-75-2026-4410',
        },
      }),
    );
    const checked = await d.must('requests.get', { registerNo });
    expect(checked.check?.outcome).toBe('refuse');
    await d.must('requests.decide', { registerNo, outcome: 'refuse' });
    const rec = await d.must('letters.annex3Issue', { registerNo, language: undefined });
    expect(rec).toMatchObject({
      outcome: 'refuse',
      reasons: ['not_issued_or_validated'],
      language: 'en',
    });
    const t = text(pdfOf((await d.must('letters.annex3Archived', { registerNo })).pdfBase64));
    expect(t).toContain('ANNEX III');
    expect(t).toMatch(/File reference of the issuing authority\s+PJ-75-2026-4410/);
    expect(t).toMatch(/Status of the order\s+not executed/);
    expect(reasonLine(t, 'f')).toMatch(/^☒\s+\(f\) the order was not issued or validated/);
    expect(reasonLine(t, 'd')).toMatch(/^☐/);
    expect(t).toMatch(/Date of issue of the EPOC\/EPOC-PR\s+not given in the certificate/);
  });

  it('the officer ticks (g) in Dutch with an explanation; (g) without one is refused', async () => {
    const d = await registerDesk(START);
    const { registerNo } = await d.must(
      'requests.create',
      epocRequestJson({ issuingState: 'BE' }, { items: unknownPhone }),
    );
    await d.must('requests.match', { registerNo });
    await d.must('requests.decide', { registerNo, outcome: 'no_data' });
    const bare = await d.call('letters.annex3Issue', { registerNo, reasons: ['other'] });
    expect(bare.ok).toBe(false);
    if (!bare.ok) expect(bare.key).toBe('annex3.explain');
    const rec = await d.must('letters.annex3Issue', {
      registerNo,
      reasons: ['not_stored', 'other'],
      explanation: 'Het nummer is sinds 2025 buiten gebruik.',
      preserved: true,
    });
    expect(rec.language).toBe('nl');
    const t = text(pdfOf((await d.must('letters.annex3Archived', { registerNo })).pdfBase64));
    expect(t).toContain('BIJLAGE III');
    expect(reasonLine(t, 'g')).toMatch(/^☒\s+\(g\) andere redenen/);
    expect(reasonLine(t, 'd')).toMatch(/^☒\s+\(d\) de gevraagde gegevens zijn niet opgeslagen/);
    expect(reasonLine(t, 'a')).toMatch(/^☐\s+\(a\) het is onvolledig/);
    expect(t).toContain(
      'De gevraagde gegevens worden bewaard totdat het bevel kan worden uitgevoerd.',
    );
  });

  it('asks a clarification while the order is open; not for a disclosure, not for a request that is no EPOC', async () => {
    const d = await registerDesk(START);
    const { registerNo } = await d.must('requests.create', epocRequestJson());
    const none = await d.call('letters.annex3Issue', {
      registerNo,
      reasons: ['insufficient_information'],
    });
    expect(!none.ok && none.key).toBe('annex3.clarificationRequired');
    const rec = await d.must('letters.annex3Issue', {
      registerNo,
      reasons: ['insufficient_information'],
      clarification: 'Please give the source port of 203.0.113.5.',
    });
    expect(rec).toMatchObject({ outcome: 'clarify', language: 'de' });
    const t = text(pdfOf((await d.must('letters.annex3Archived', { registerNo })).pdfBase64));
    expect(t).toContain('Please give the source port of 203.0.113.5.');
    expect(t).toMatch(/noch nicht ausgeführt: Klarstellung erbeten/);
    expect(reasonLine(t, 'c')).toMatch(/^☒/);

    // Disclosed: no form.
    await d.must('requests.match', { registerNo });
    await d.must('requests.decide', { registerNo, outcome: 'disclose', items: [1] });
    await d.as('anna');
    await d.must('requests.approve', { registerNo });
    await d.as('olga');
    expect((await d.must('letters.annex3Proposal', { registerNo })).outcome).toBeNull();
    const late = await d.call('letters.annex3Issue', { registerNo, reasons: ['other'] });
    expect(!late.ok && late.key).toBe('annex3.notAnswerable');

    const plain = await d.must('requests.create', requestJson());
    const notEpoc = await d.call('letters.annex3Issue', {
      registerNo: plain.registerNo,
      reasons: ['incomplete'],
    });
    expect(!notEpoc.ok && notEpoc.key).toBe('annex3.notEpoc');
  });
});
