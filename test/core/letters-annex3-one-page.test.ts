import { describe, expect, it } from 'vitest';
import { registerDesk } from '../fixtures/requests/desk';
import { epocRequestJson } from '../fixtures/epoc/epoc-request';
import type { Annex3Language } from '../../shared/schemas/annex3';

/** An identifier no fixture customer ever held: matches nothing. */
const unknownPhone = [{ kind: 'phone' as const, value: '06-20000001', moment: '2026-08-30T10:00' }];

/** Pages and the text of each, read by pdfjs from the PDF as archived. */
async function readPdf(pdf: Buffer): Promise<string[]> {
  const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await lib.getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  await doc.destroy();
  return pages;
}

/**
 * A full form: a validated order, two reasons with an explanation, the data preserved, and a
 * letterhead with every detail. German labels wrap the most; the form still answers on one page,
 * as the issuing authority reads it, with section D (who to contact) on it.
 */
describe('the Annex III form fits one A4 page', () => {
  for (const [language, contact, kvkLabel] of [
    ['de', 'Kontaktperson', 'Handelsregisternummer'],
    ['nl', 'Contactpersoon', 'KvK-nummer'],
    ['en', 'Contact person', 'Chamber of Commerce no.'],
  ] as [Annex3Language, string, string][]) {
    it(`in ${language}, with every section on page 1`, async () => {
      const d = await registerDesk('2026-09-02T12:00:00Z');
      await d.as('admin');
      await d.must('settings.update', {
        organisation: {
          name: 'Voorbeeld Telecom Nederland B.V.',
          address: 'Stationsplein 100, 3e verdieping',
          postcode: '1012 AB',
          city: 'Amsterdam',
          kvk: '12345678',
          email: 'justitie-verzoeken@voorbeeldtelecom.nl',
          phone: '+31 20 123 45 67',
        },
      });
      await d.as('olga');
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
      const rec = await d.must('letters.annex3Issue', {
        registerNo,
        language,
        reasons: ['not_stored', 'other'],
        explanation:
          'Die Rufnummer war zum angegebenen Zeitpunkt keinem Kunden zugeordnet. Sie ist seit 2025 nicht mehr vergeben; Verkehrsdaten werden nicht gespeichert.',
        preserved: true,
      });
      const archived = await d.must('letters.annex3Archived', { registerNo });
      const pages = await readPdf(Buffer.from(archived.pdfBase64, 'base64'));
      expect(pages).toHaveLength(1);
      expect(rec.pageCount).toBe(1);
      const page = pages[0]!;
      expect(page).toContain('12345678');
      expect(page).toContain(contact);
      expect(page).toContain(kvkLabel);
      expect(page).toContain('olga, Compliance officer');
    });
  }
});
