import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  readDocument,
  draftFrom,
  type IntakeSource,
} from '../../electron/intake/read/read-document';
import { extractInWorker } from '../../electron/intake/run-worker';
import { sniff } from '../../electron/intake/read/sniff';
import { htmlToText } from '../../electron/intake/read/html-text';
import { CATALOGUES } from '../fixtures/intake/catalogues';
import { emlOf, pdfOf } from '../fixtures/intake/make';
import { DeskError } from '../../electron/core/errors';
import { tinyPng } from '../fixtures/letters/pdf-text';

const LETTER = [
  'Politie Eenheid Limburg',
  '',
  'Betreft: vordering gebruikersgegevens',
  '',
  'Geachte heer/mevrouw,',
  '',
  'Op grond van artikel 126na lid 1 Sv vorder ik de gebruikersgegevens van het nummer',
  '06-41234567 op 28 oktober 2026 om 14:32 uur.',
].join('\n');

async function refusal(
  source: IntakeSource,
): Promise<{ code: string; reason: unknown; params: unknown }> {
  try {
    await readDocument(source);
  } catch (e) {
    if (!(e instanceof DeskError)) throw e;
    const d = e.details as { reason: string; params: unknown };
    return { code: e.code, reason: d.reason, params: d.params };
  }
  throw new Error('not refused');
}

describe('intake: reading documents to text', () => {
  it('reads a PDF text layer page by page, keeping table columns apart', async () => {
    const pdf = await pdfOf(
      [
        LETTER,
        'IP-adres        Bronpoort   Datum/tijd (UTC)\n203.0.113.77    61012       01-10-2026 08:15:30',
      ],
      { mono: true },
    );
    const r = await readDocument({ bytes: pdf, name: 'vordering.pdf' });
    if (!('doc' in r)) throw new Error('no doc');
    expect(r.doc.kind).toBe('pdf');
    expect(r.doc.pages).toHaveLength(2);
    expect(r.doc.pages[0]!.text).toContain('06-41234567 op 28 oktober 2026 om 14:32 uur.');
    expect(r.doc.pages[1]!.text).toMatch(/203\.0\.113\.77 {2,}61012 {2,}01-10-2026 08:15:30/);
    const d = await draftFrom({ bytes: pdf, name: 'vordering.pdf' }, CATALOGUES);
    expect(d.items).toEqual([
      {
        kind: 'phone',
        value: '+31641234567',
        moment: '2026-10-28T14:32',
        timeZone: 'Europe/Amsterdam',
      },
      {
        kind: 'ip',
        value: '203.0.113.77',
        port: 61012,
        moment: '2026-10-01T08:15:30',
        timeZone: 'UTC',
      },
    ]);
    expect(d.extraction.fields['items.1.value']).toMatchObject({ page: 2, text: '203.0.113.77' });
  });

  it('says a scanned PDF has no text layer', async () => {
    const d = await draftFrom(
      { bytes: await pdfOf(['', ''], { scanned: true }), name: 'scan.pdf' },
      CATALOGUES,
    );
    expect(d.warnings[0]).toEqual({ code: 'no_text_layer', params: { pages: '1,2' } });
    expect(d.items).toEqual([]);
  });

  it('reads a mail body and its PDF and text attachments; skips the rest', async () => {
    const eml = emlOf({
      from: 'J. de Boer <j.deboer@politie.example>',
      to: 'vorderingen@testnet.example',
      date: 'Wed, 28 Oct 2026 10:12:00 +0100',
      subject: 'Vordering 126na',
      body: 'Geachte heer,\n\nZie de bijlage.\n',
      attachments: [
        { name: 'vordering.pdf', mime: 'application/pdf', bytes: await pdfOf([LETTER]) },
        {
          name: 'lijst.txt',
          mime: 'text/plain',
          bytes: Buffer.from('IP-adres 198.51.100.23 poort 40211 op 28-10-2026 om 09:00 uur'),
        },
        { name: 'logs.zip', mime: 'application/zip', bytes: Buffer.from('PK\u0003\u0004zip') },
        { name: 'foto.png', mime: 'image/png', bytes: tinyPng() },
      ],
    });
    const r = await readDocument({ bytes: eml, name: 'vordering.eml' });
    if (!('doc' in r)) throw new Error('no doc');
    expect(r.doc.pages.map((p) => p.origin ?? 'body')).toEqual([
      'body',
      'vordering.pdf',
      'lijst.txt',
    ]);
    expect(r.doc.pages[0]!.text).toMatch(
      /^From: J\. de Boer <j\.deboer@politie\.example>\nTo: vorderingen@testnet\.example\nDate: Wed, 28 Oct 2026 10:12:00 \+0100\nSubject: Vordering 126na\n\nGeachte heer,/,
    );
    expect(r.warnings).toEqual([
      { code: 'attachment_skipped', params: { name: 'logs.zip', reason: 'archive' } },
      { code: 'attachment_skipped', params: { name: 'foto.png', reason: 'type' } },
    ]);
    const d = await draftFrom({ bytes: eml, name: 'vordering.eml' }, CATALOGUES);
    expect(d).toMatchObject({
      authority: 'pol-limburg',
      channel: 'email',
      receivedAt: '2026-10-28T10:12:00+01:00',
    });
    expect(d.items.map((i) => i.value)).toEqual(['+31641234567', '198.51.100.23']);
  });

  it('reads an HTML-only mail body, table cells apart', () => {
    expect(
      htmlToText(
        '<p>Nummer:</p><table><tr><td>06-41234567</td><td>28-10-2026 14:32</td></tr></table>&amp;&#233;',
      ),
    ).toBe('Nummer:\n06-41234567 | 28-10-2026 14:32\n\n&é');
  });

  it('passes request JSON through, validated', async () => {
    const json = {
      authority: 'pol-amsterdam',
      requester: { name: 'J. de Boer', function: 'ovj' },
      legalBasis: 'Sv 126na lid 1',
      receivedAt: '2026-03-02T09:15',
      channel: 'e-mail',
      categories: 'naw',
      items: [{ kind: 'ip', value: '203.0.113.5', port: '1500', moment: '2025-06-01T14:00' }],
    };
    const d = await draftFrom(
      { bytes: Buffer.from(JSON.stringify(json)), name: 'r.json' },
      CATALOGUES,
    );
    expect(d).toMatchObject({
      authority: 'pol-amsterdam',
      requester: { name: 'J. de Boer', function: 'officier_van_justitie' },
      channel: 'email',
      urgency: 'normal',
      items: [{ kind: 'ip', value: '203.0.113.5', port: 1500, moment: '2025-06-01T14:00' }],
      warnings: [],
    });
    expect(d.extraction.document.kind).toBe('json');
    expect(await refusal({ bytes: Buffer.from('{"authority": 1}'), name: 'r.json' })).toMatchObject(
      {
        code: 'BAD_INPUT',
        reason: 'invalid_request_json',
      },
    );
  });

  it('knows kinds by their bytes', () => {
    expect(sniff(Buffer.from('%PDF-1.7'))).toEqual({ kind: 'pdf' });
    expect(sniff(Buffer.from('From: a@b\r\nSubject: x\r\n\r\nbody'))).toEqual({ kind: 'eml' });
    expect(sniff(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toEqual({
      kind: 'msg',
    });
    expect(sniff(Buffer.from(' {"a":1}'))).toEqual({ kind: 'json' });
    expect(sniff(Buffer.from('Geachte heer,'))).toEqual({ kind: 'text' });
    expect(sniff(tinyPng())).toEqual({ kind: null, type: 'image' });
  });
});

describe('intake: refusing what it cannot or should not read', () => {
  it('refuses an unsupported type, an empty file and a file over 25 MB', async () => {
    expect(await refusal({ bytes: tinyPng(), name: 'scan.png' })).toEqual({
      code: 'BAD_INPUT',
      reason: 'unsupported_type',
      params: { type: 'image' },
    });
    expect(await refusal({ bytes: Buffer.from('PK\u0003\u0004'), name: 'a.zip' })).toMatchObject({
      reason: 'unsupported_type',
    });
    expect(await refusal({ bytes: Buffer.alloc(0), name: 'a.txt' })).toMatchObject({
      reason: 'empty_document',
    });
    expect(
      await refusal({ bytes: Buffer.alloc(25 * 1024 * 1024 + 1, 0x41), name: 'big.txt' }),
    ).toEqual({
      code: 'BAD_INPUT',
      reason: 'too_large',
      params: { maxBytes: 25 * 1024 * 1024 },
    });
    expect(await refusal({ text: '   ' })).toMatchObject({ reason: 'empty_document' });
  });

  it('refuses an encrypted or broken PDF', async () => {
    expect(
      await refusal({ bytes: await pdfOf([LETTER], { userPassword: 'geheim' }), name: 'x.pdf' }),
    ).toMatchObject({ reason: 'encrypted_pdf' });
    expect(
      await refusal({ bytes: Buffer.from('%PDF-1.7\nthis is not a pdf at all\n'), name: 'x.pdf' }),
    ).toMatchObject({ reason: 'broken_pdf' });
  });

  it('refuses a PDF whose streams unpack to more than 256 MB (a zip bomb), before pdf.js reads it', async () => {
    // Four content streams of 70 MB of spaces each, a few hundred KB on disk.
    const z = deflateSync(Buffer.alloc(70 * 1024 * 1024, 0x20), { level: 9 });
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [4 0 R 5 0 R 6 0 R 7 0 R] >>',
    ].map((o, i) => Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`));
    for (let i = 4; i <= 7; i++) {
      objects.push(
        Buffer.concat([
          Buffer.from(`${i} 0 obj\n<< /Length ${z.length} /Filter /FlateDecode >>\nstream\n`),
          z,
          Buffer.from('\nendstream\nendobj\n'),
        ]),
      );
    }
    const bomb = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      ...objects,
      Buffer.from('trailer\n<< /Root 1 0 R >>\n%%EOF\n'),
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await refusal({ bytes: bomb, name: 'bomb.pdf' })).toEqual({
      code: 'BAD_INPUT',
      reason: 'inflates_too_much',
      params: { maxBytes: 256 * 1024 * 1024 },
    });
  });

  it('refuses malformed MIME, too many and too large attachments', async () => {
    const noBoundary = Buffer.from(
      'From: a@b.example\r\nDate: Wed, 28 Oct 2026 10:12:00 +0100\r\nContent-Type: multipart/mixed\r\n\r\n--x\r\nbody\r\n',
    );
    expect(await refusal({ bytes: noBoundary, name: 'x.eml' })).toMatchObject({
      reason: 'malformed_mime',
    });
    const many = emlOf({
      from: 'a@b.example',
      to: 'c@d.example',
      date: 'Wed, 28 Oct 2026 10:12:00 +0100',
      subject: 'x',
      body: 'x',
      attachments: Array.from({ length: 21 }, (_, i) => ({
        name: `${i}.txt`,
        mime: 'text/plain',
        bytes: Buffer.from('x'),
      })),
    });
    expect(await refusal({ bytes: many, name: 'x.eml' })).toEqual({
      code: 'BAD_INPUT',
      reason: 'too_many_attachments',
      params: { max: 20 },
    });
  });

  it('stops a worker that takes too long or needs too much memory', async () => {
    const pdf = await pdfOf([LETTER]);
    await expect(
      extractInWorker({ bytes: pdf, name: 'x.pdf' }, CATALOGUES, { seconds: 0.001 }),
    ).rejects.toMatchObject({
      code: 'BAD_INPUT',
      details: { reason: 'document_too_complex', params: { seconds: 0.001 } },
    });
    await expect(
      extractInWorker({ bytes: pdf, name: 'x.pdf' }, CATALOGUES, { heapMb: 4 }),
    ).rejects.toMatchObject({
      code: 'BAD_INPUT',
      details: { reason: 'document_too_complex', params: { megabytes: 4 } },
    });
  });
});
