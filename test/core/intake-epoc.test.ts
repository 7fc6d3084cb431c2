import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftOf } from '../fixtures/intake/catalogues';

const certificate = (name: string) =>
  readFileSync(join(__dirname, '..', 'fixtures', 'intake', 'epoc', name), 'utf8');

describe('intake: a European Production Order Certificate', () => {
  it('reads the certificate of an emergency order into the epoc block, each value with its source', () => {
    const text = certificate('epoc-koeln-emergency.txt');
    const d = draftOf(text);
    expect(d.channel).toBe('epoc');
    expect(d.legalBasis).toBe('eu-epoc-subscriber');
    expect(d.authority).toBe('eu-issuing');
    expect(d.urgency).toBe('emergency');
    expect(d.caseReference).toBe('BKA-SO-2026-0917');
    expect(d.epoc).toEqual({
      issuingState: 'DE',
      issuingAuthority: {
        name: 'Bundeskriminalamt, Wiesbaden',
        function: 'other_competent',
        fileReference: 'BKA-SO-2026-0917',
      },
      noValidationReason: 'emergency_pending_validation',
      addressee: 'Testnet B.V., designated establishment, Amsterdam, the Netherlands',
      deadline: 'emergency_8_hours',
      emergency: true,
      categories: ['identification', 'subscriber_identity'],
    });
    const f = d.extraction.fields;
    expect(f['epoc.issuingState']).toMatchObject({ text: 'Germany', reason: 'stated' });
    expect(f['epoc.deadline']).toMatchObject({ text: '8 hours' });
    // Each span points at the text it was read from.
    for (const key of ['epoc.issuingState', 'epoc.issuingAuthority.name', 'epoc.addressee']) {
      const s = f[key]!;
      expect(text.slice(s.start, s.end)).toBe(s.text);
    }
    expect(d.items).toHaveLength(1);
    expect(d.items[0]).toMatchObject({ kind: 'ip', value: '203.0.113.5', port: 1500 });
  });

  it('an unticked box is not read: only the ticked deadline and categories count', () => {
    const d = draftOf(
      [
        'EUROPEAN PRODUCTION ORDER CERTIFICATE (EPOC)',
        'Issuing State: FR',
        '[X] as soon as possible and at the latest within 10 days of receipt',
        '[ ] emergency: within 8 hours',
        '[ ] subscriber data',
        '[X] traffic data',
      ].join('\n'),
    );
    expect(d.epoc).toMatchObject({
      issuingState: 'FR',
      deadline: 'asap_10_days',
      emergency: false,
      categories: ['traffic'],
    });
  });

  it('the issuing State from the issuing authority address when no field names it', () => {
    const d = draftOf(
      [
        'EUROPEAN PRODUCTION ORDER CERTIFICATE (EPOC)',
        '',
        'A. Issuing authority',
        'Name: Ana Ferreira',
        'Function: Public Prosecutor',
        'Ministério Público, Lisbon, Portugal',
        '',
        'D. Time limit: within 10 days of receipt.',
      ].join('\n'),
    );
    expect(d.epoc).toMatchObject({
      issuingState: 'PT',
      issuingAuthority: { name: 'Ana Ferreira', function: 'prosecutor' },
      deadline: 'asap_10_days',
    });
  });

  it('a Dutch request that is no EPOC has no epoc block', () => {
    const d = draftOf(
      'Politie Eenheid Amsterdam\n\nVordering op grond van artikel 126na lid 1 Sv.\n',
    );
    expect(d.epoc).toBeUndefined();
  });
});
