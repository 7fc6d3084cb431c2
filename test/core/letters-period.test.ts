import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { registerDesk, requestJson } from '../fixtures/requests/desk';
import { importFixtures } from '../fixtures/requests/seed';
import { pdfPages, squash } from '../fixtures/letters/pdf-text';

const PERIODS = fileURLToPath(new URL('../fixtures/periods/', import.meta.url));
const text = (b64: string) => squash(pdfPages(Buffer.from(b64, 'base64')).join('\n'));

describe('the letter of a period item', () => {
  it('lists every holder with the part of the period, each NAW version apart, in the letter language', async () => {
    const d = await registerDesk();
    await importFixtures(d.session.vault!.db, PERIODS);
    const { registerNo } = await d.must(
      'requests.create',
      requestJson({
        items: [
          {
            kind: 'phone',
            value: '0611111111',
            period: { from: '2025-03-01T00:00', to: '2025-05-01T00:00' },
          },
          {
            kind: 'phone',
            value: '0611111111',
            period: { from: '2023-01-01T00:00', to: '2023-06-01T00:00' },
          },
          {
            kind: 'ip',
            value: '203.0.113.77',
            period: { from: '2025-02-01T00:00', to: '2025-04-01T00:00' },
          },
        ],
      }),
    );
    const m = await d.must('requests.match', { registerNo });
    expect(m.items.map((i) => i.status)).toEqual(['match', 'no_match', 'needs_port']);
    await d.must('requests.decide', { registerNo, outcome: 'disclose' });
    await d.as('piet');
    await d.must('requests.approve', { registerNo });

    const nl = text((await d.must('letters.preview', { registerNo })).pdfBase64);
    expect(nl).toContain(
      squash(
        'Telefoonnummer 0611111111 — van 1 maart 2025, 00:00:00 (Europe/Amsterdam, UTC+01:00) tot 1 mei 2025, 00:00:00 (Europe/Amsterdam, UTC+02:00)',
      ),
    );
    // Three entries: Anna Smit before and after her move, then Bram de Wit; each with its period.
    expect(nl).toContain(squash('Gebruiker 1 van 3'));
    expect(nl).toContain(squash('Gebruiker 3 van 3'));
    const rows = [
      'Periode van 1 maart 2025, 00:00:00 (Europe/Amsterdam, UTC+01:00) tot 15 maart 2025, 00:00:00 (Europe/Amsterdam, UTC+01:00) Naam Anna Smit Adres Lindelaan 3',
      'Periode van 15 maart 2025, 00:00:00 (Europe/Amsterdam, UTC+01:00) tot 10 april 2025, 11:30:00 (Europe/Amsterdam, UTC+02:00) Naam Anna Smit Adres Beukenlaan 8',
      'Periode van 10 april 2025, 11:30:00 (Europe/Amsterdam, UTC+02:00) tot 1 mei 2025, 00:00:00 (Europe/Amsterdam, UTC+02:00) Naam Bram de Wit Adres Eikenweg 12',
    ].map(squash);
    for (const row of rows) expect(nl).toContain(row);
    expect(nl.indexOf(rows[0]!)).toBeLessThan(nl.indexOf(rows[1]!));
    expect(nl.indexOf(rows[1]!)).toBeLessThan(nl.indexOf(rows[2]!));
    expect(nl).toContain(
      squash('deze identificator was in deze periode niet aan een van onze klanten toegekend'),
    );
    expect(nl).toContain(squash('dit IP-adres werd in deze periode door meerdere klanten'));

    const en = text((await d.must('letters.preview', { registerNo, language: 'en' })).pdfBase64);
    expect(en).toContain(
      squash(
        'Period from 10 April 2025, 11:30:00 (Europe/Amsterdam, UTC+02:00) to 1 May 2025, 00:00:00 (Europe/Amsterdam, UTC+02:00) Name Bram de Wit',
      ),
    );
    expect(en).toContain(squash('User 2 of 3'));
    expect(en).toContain(squash('was not assigned to any of our customers during this period'));
    expect(en).not.toContain(squash('Periode'));
  });
});
