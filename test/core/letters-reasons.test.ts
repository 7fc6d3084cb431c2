import { describe, expect, it } from 'vitest';
import { letterDesk, requestJson } from '../fixtures/letters/desk';
import { pdfPages, squash } from '../fixtures/letters/pdf-text';

const text = (b64: string) => pdfPages(Buffer.from(b64, 'base64')).join('\n');

describe('the reasons of a refusal letter', () => {
  it('failed checks are worded for the authority in the letter language; the officer’s reason as written', async () => {
    const d = await letterDesk();
    const { registerNo } = await d.must(
      'requests.create',
      requestJson({ categories: ['naw', 'traffic'] }),
    );
    await d.must('requests.decide', {
      registerNo,
      outcome: 'refuse',
      reasons: ['Vraag verkeersgegevens op bij ons juridisch team.'],
    });
    // The decision keeps the desk's messages (for the officer) …
    const detail = await d.must('requests.get', { registerNo });
    expect(JSON.stringify(detail)).toContain('does not allow traffic');

    // … the Dutch letter words them in Dutch, without English or category codes.
    const nl = squash(text((await d.must('letters.preview', { registerNo })).pdfBase64));
    expect(nl).toContain(
      squash('Sv 126na lid 1 biedt geen grondslag voor het vorderen van verkeersgegevens.'),
    );
    expect(nl).toContain(
      squash(
        'Wij verstrekken langs deze weg uitsluitend gebruikersgegevens; verkeersgegevens vallen daar niet onder.',
      ),
    );
    expect(nl).toContain(squash('Vraag verkeersgegevens op bij ons juridisch team.'));
    for (const english of ['doesnotallow', 'NAWdeskonlygives', 'traffic'])
      expect(nl).not.toContain(english);

    const en = squash(
      text((await d.must('letters.preview', { registerNo, language: 'en' })).pdfBase64),
    );
    expect(en).toContain(squash('Sv 126na lid 1 gives no basis for ordering traffic data.'));
    expect(en).toContain(
      squash('Through this channel we disclose subscriber data only; traffic data are not'),
    );
  });
});
