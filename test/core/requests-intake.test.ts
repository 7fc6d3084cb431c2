import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/desk';
import { registerDesk, requestJson } from '../fixtures/requests/desk';
import { emlOf, pdfOf } from '../fixtures/intake/make';

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** The register keeps a request read in from its document: the mail itself, and what was read. */
describe('a request logged from its document', () => {
  it('stores an .eml as the original document and reads it again as text, page by page', async () => {
    const d = await registerDesk();
    const dir = tempDir();
    const pdf = await pdfOf(['Vordering\nTelefoonnummer 06-12345678 op 1 mei 2024 om 10:00 uur']);
    const eml = emlOf({
      from: 'J. de Boer <j.deboer@politie.example>',
      to: 'naw@testnet.example',
      date: 'Mon, 02 Mar 2026 09:15:00 +0100',
      subject: 'Vordering gebruikersgegevens',
      body: 'Zie de vordering in de bijlage.',
      attachments: [{ name: 'vordering.pdf', mime: 'application/pdf', bytes: pdf }],
    });
    const path = join(dir, 'verzoek.eml');
    writeFileSync(path, eml);
    const token = d.session.files.register(path).token;
    const { registerNo } = await d.must(
      'requests.create',
      requestJson({
        documentToken: token,
        intake: {
          extracted: ['authority', 'items.0.value', 'items.0.moment'],
          changed: ['items.0.moment'],
        },
      }),
    );
    const r = await d.must('requests.get', { registerNo });
    expect(r.document).toMatchObject({
      name: 'verzoek.eml',
      mime: 'message/rfc822',
      sha256: sha256(eml),
    });

    const text = await d.must('requests.documentText', { registerNo });
    expect(text.pages.map((p) => p.origin)).toEqual(['body', 'vordering.pdf']);
    expect(text.pages[0]!.text).toContain('Zie de vordering in de bijlage.');
    expect(text.pages[1]!.text).toContain('06-12345678');
    expect(text.unreadPages).toEqual([]);

    await d.as('admin');
    const { events } = await d.must('audit.list', { action: 'request.' });
    const created = events.find((e) => e.action === 'request.created')!;
    expect(created.details).toMatchObject({
      intake: {
        from: 'document',
        sha256: sha256(eml),
        extracted: ['authority', 'items.0.value', 'items.0.moment'],
        changed: ['items.0.moment'],
      },
    });
    const views = events.filter((e) => e.action === 'request.document_viewed');
    expect(views).toHaveLength(1);
  });

  it('records pasted text by its hash; text and JSON documents are shown as they are', async () => {
    const d = await registerDesk();
    const pasted = 'Graag de NAW-gegevens van 06-12345678.';
    const { registerNo } = await d.must(
      'requests.create',
      requestJson({
        intake: { textSha256: sha256(pasted), extracted: ['items.0.value'], changed: [] },
      }),
    );
    await d.as('admin');
    const { events } = await d.must('audit.list', { action: 'request.created' });
    expect(events.find((e) => e.subject === `request:${registerNo}`)!.details).toMatchObject({
      intake: { from: 'pasted_text', sha256: sha256(pasted), changed: [] },
    });
    await d.as('olga');

    const dir = tempDir();
    const txt = join(dir, 'portaal.txt');
    writeFileSync(txt, `Verzoek via portaal\n${pasted}\n`);
    const other = await d.must(
      'requests.create',
      requestJson({ documentToken: d.session.files.register(txt).token }),
    );
    const text = await d.must('requests.documentText', { registerNo: other.registerNo });
    expect(text).toMatchObject({ mime: 'text/plain', pages: [{ origin: 'body' }] });
    expect(text.pages[0]!.text).toContain(pasted);
  });

  it('refuses a document of another kind, or text that calls itself a PDF; names no values', async () => {
    const d = await registerDesk();
    const dir = tempDir();
    const zip = join(dir, 'verzoek.eml');
    writeFileSync(zip, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    const fake = join(dir, 'fake.pdf');
    writeFileSync(fake, 'not a pdf at all');
    for (const path of [zip, fake]) {
      const r = await d.call(
        'requests.create',
        requestJson({ documentToken: d.session.files.register(path).token }),
      );
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/not a PDF, PNG or JPEG file, nor a mail/);
    }
    // Nothing half-stored: no request took a number.
    expect((await d.must('requests.list', {})).length).toBe(0);

    const bad = await d.call(
      'requests.create',
      requestJson({ intake: { extracted: ['items.0.value = 0612345678'], changed: [] } }),
    );
    expect(bad.ok).toBe(false);
  });
});
