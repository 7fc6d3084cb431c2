import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Platform } from '../../electron/core/platform';
import { letterDesk as registerDesk, requestJson } from '../fixtures/letters/desk';
import { pdfPages, squash } from '../fixtures/letters/pdf-text';
import { tempDir } from '../support/desk';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A request for item 1 (C001, Jan de Vries at Stationsstraat 1 in 2024) and item 2 (CGNAT, C003). */
async function approvedDisclosure(platform?: Platform) {
  const d = await registerDesk('2026-03-02T12:00:00Z', platform);
  const { registerNo } = await d.must('requests.create', requestJson());
  await d.must('requests.match', { registerNo });
  // Item 1 only; name and city only: address, postcode, number and kind of service are withheld.
  await d.must('requests.decide', {
    registerNo,
    outcome: 'disclose',
    items: [1],
    categories: ['name', 'city'],
  });
  return { d, registerNo };
}

describe('the disclosure record and its letter, through the handler table', () => {
  it('preview before approval; issue after: archived PDF, SHA-256 in record and audit, only the disclosed items', async () => {
    const { d, registerNo } = await approvedDisclosure();

    const early = await d.must('letters.preview', { registerNo });
    expect(early.kind).toBe('disclosure');
    expect(early.pages.length).toBe(early.pageCount);
    const refused = await d.call('letters.issue', { registerNo });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toMatch(/awaits approval/);

    await d.as('anna');
    await d.must('requests.approve', { registerNo });
    await d.as('olga');
    d.clock.now = new Date('2026-03-02T13:00:00Z');
    const rec = await d.must('letters.issue', { registerNo });
    expect(rec).toMatchObject({
      registerNo,
      kind: 'disclosure',
      language: 'nl',
      authority: expect.stringContaining('Amsterdam'),
      official: { name: 'J. de Boer', function: 'opsporingsambtenaar' },
      legalBasis: 'Sv 126na lid 1',
      caseReference: 'PL1300-2026012345',
      categories: ['name', 'city'],
      withheld: ['address', 'postcode', 'number', 'service_type'],
      disclosedSubscribers: 1,
      handledBy: 'olga',
      approvedBy: 'anna',
      issuedBy: 'olga',
      issuedAt: '2026-03-02T13:00:00.000Z',
      corrects: null,
      sent: null,
    });
    expect(rec.items.map((i) => [i.index, i.outcome])).toEqual([
      [1, 'disclosed'],
      [2, 'not_answered'],
    ]);

    const archived = await d.must('letters.archived', { registerNo });
    expect(archived.copy).toBe(true);
    const pdf = Buffer.from(archived.pdfBase64, 'base64');
    expect(sha(pdf)).toBe(rec.sha256);
    expect(pdf.length).toBe(rec.size);

    const pages = pdfPages(pdf);
    expect(pages.length).toBe(rec.pageCount);
    for (const p of pages) expect(p).toContain(registerNo);
    const text = pages.join('\n');
    expect(text).toContain('Jan de Vries');
    expect(text).toContain('Amsterdam');
    expect(text).toContain('PL1300-2026012345');
    // Withheld categories and the item not in the decision never appear.
    for (const absent of ['Stationsstraat', '1012 AB', 'Pieter Bakker', 'Marktplein', 'mobile'])
      expect(text).not.toContain(absent);
    // The footer witnesses the audit chain head at the moment of issue.
    expect(squash(text)).toContain(squash(`nr. ${rec.chainHead.seq}, hash ${rec.chainHead.hash}`));

    // The issue event comes right after that head and carries the same hash of the PDF.
    await d.as('admin');
    const log = await d.must('audit.list', { action: 'letter.issued', limit: 10 });
    const issued = log.events[0]!;
    expect(issued.seq).toBe(rec.chainHead.seq + 1);
    expect(issued.prevHash).toBe(rec.chainHead.hash);
    expect(issued.details).toMatchObject({
      record: rec.id,
      sha256: rec.sha256,
      customers: ['C001'],
    });
    expect(JSON.stringify(log.events)).not.toMatch(/Jan de Vries|Stationsstraat/);
    expect((await d.must('audit.verify', {})).intact).toBe(true);
    // Admin sees the records (no data values) but never the letter itself.
    expect((await d.must('letters.list', { registerNo })).length).toBe(1);
    const adminPdf = await d.call('letters.archived', { registerNo });
    expect(adminPdf.ok).toBe(false);
    if (!adminPdf.ok) expect(adminPdf.code).toBe('FORBIDDEN');
  });

  it('a reprint is the archived bytes; issuing twice is refused', async () => {
    const { d, registerNo } = await approvedDisclosure();
    await d.as('anna');
    await d.must('requests.approve', { registerNo });
    const rec = await d.must('letters.issue', { registerNo });
    d.clock.now = new Date('2026-03-05T08:00:00Z');
    const again = await d.call('letters.issue', { registerNo });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.code).toBe('CONFLICT');
    const a = await d.must('letters.archived', { registerNo });
    const b = await d.must('letters.archived', { registerNo, id: rec.id });
    expect(a.pdfBase64).toBe(b.pdfBase64);
    expect(sha(Buffer.from(b.pdfBase64, 'base64'))).toBe(rec.sha256);
    // A fresh preview is a new rendering (new time, new chain head), not the archived letter.
    const fresh = await d.must('letters.preview', { registerNo });
    expect(fresh.sha256).not.toBe(rec.sha256);
  });

  it('mark as sent once; then immutable (also below the handlers); a correction is a new linked record', async () => {
    const { d, registerNo } = await approvedDisclosure();
    await d.as('anna');
    await d.must('requests.approve', { registerNo });
    const rec = await d.must('letters.issue', { registerNo, language: 'en' });
    expect(rec.language).toBe('en');
    const future = await d.call('letters.markSent', {
      registerNo,
      method: 'secure_email',
      sentAt: '2026-03-09T10:00',
    });
    expect(future.ok).toBe(false);
    const sent = await d.must('letters.markSent', {
      registerNo,
      method: 'secure_email',
      sentAt: '2026-03-02T13:05',
    });
    expect(sent.sent).toEqual({
      method: 'secure_email',
      at: '2026-03-02T12:05:00.000Z',
      by: 'anna',
      recordedAt: '2026-03-02T12:00:00.000Z',
    });
    const twice = await d.call('letters.markSent', {
      registerNo,
      method: 'post',
      sentAt: '2026-03-02T13:06',
    });
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.code).toBe('CONFLICT');

    const db = d.session.vault!.db;
    expect(() =>
      db.prepare(`UPDATE disclosure SET sent_method = 'post' WHERE id = ?`).run(rec.id),
    ).toThrow(/never changed/);
    expect(() => db.prepare(`UPDATE disclosure SET pdf = x'00' WHERE id = ?`).run(rec.id)).toThrow(
      /never changed/,
    );
    expect(() => db.prepare('DELETE FROM disclosure WHERE id = ?').run(rec.id)).toThrow(
      /kept with its request/,
    );

    d.clock.now = new Date('2026-03-03T09:00:00Z');
    const fix = await d.must('letters.correct', {
      registerNo,
      reason: 'The letter went out in English; the requester asked for Dutch.',
      language: 'nl',
    });
    expect(fix).toMatchObject({ corrects: rec.id, language: 'nl', sent: null, correctedBy: null });
    const list = await d.must('letters.list', { registerNo });
    expect(list.map((r) => [r.id, r.corrects, r.correctedBy])).toEqual([
      [rec.id, null, fix.id],
      [fix.id, rec.id, null],
    ]);
    const orig = await d.must('letters.archived', { registerNo, id: rec.id });
    expect(sha(Buffer.from(orig.pdfBase64, 'base64'))).toBe(rec.sha256);
    const text = pdfPages(
      Buffer.from((await d.must('letters.archived', { registerNo })).pdfBase64, 'base64'),
    ).join('\n');
    expect(squash(text)).toContain(squash(`archiefnummer ${rec.id}`));
    expect(text).toContain('Jan de Vries');
    const stale = await d.call('letters.correct', {
      registerNo,
      reason: 'again',
      id: rec.id,
    } as never);
    expect(stale.ok).toBe(true); // corrects the one in force (the correction), not the stale id
  });

  it('no data and refusal take effect at once and get their letters', async () => {
    const d = await registerDesk();
    const nothing = await d.must(
      'requests.create',
      requestJson({ items: [{ kind: 'phone', value: '06-99999999', moment: '2025-01-01T10:00' }] }),
    );
    await d.must('requests.match', { registerNo: nothing.registerNo });
    await d.must('requests.decide', { registerNo: nothing.registerNo, outcome: 'no_data' });
    const nd = await d.must('letters.issue', { registerNo: nothing.registerNo });
    expect(nd.kind).toBe('no_data');
    expect(nd.approvedBy).toBeNull();
    const ndText = pdfPages(
      Buffer.from(
        (await d.must('letters.archived', { registerNo: nothing.registerNo })).pdfBase64,
        'base64',
      ),
    ).join('\n');
    expect(ndText).toContain('Geen gebruikersgegevens aanwezig');
    expect(squash(ndText)).toContain(squash('Telefoonnummer 06-99999999'));

    const bad = await d.must('requests.create', requestJson({ categories: ['naw', 'traffic'] }));
    await d.must('requests.decide', {
      registerNo: bad.registerNo,
      outcome: 'refuse',
      reasons: ['Verkeersgegevens vallen niet onder Sv 126na lid 1.'],
    });
    const rf = await d.must('letters.issue', { registerNo: bad.registerNo });
    expect(rf.kind).toBe('refusal');
    expect(rf.items.every((i) => i.outcome === 'not_answered')).toBe(true);
    const rfText = pdfPages(
      Buffer.from(
        (await d.must('letters.archived', { registerNo: bad.registerNo })).pdfBase64,
        'base64',
      ),
    ).join('\n');
    expect(rfText).toContain('Weigering vordering gebruikersgegevens');
    expect(squash(rfText)).toContain(squash('Verkeersgegevens vallen niet onder Sv 126na lid 1.'));
    expect(rfText).not.toContain('Jan de Vries');
  });

  it('save as and print go through the platform (native dialog); without one they say download instead', async () => {
    const dir = tempDir();
    const printed: Buffer[] = [];
    const printedPages: string[][] = [];
    const platform: Platform = {
      pickOpenFile: async () => null,
      pickSaveFile: async (o) => (o.defaultName.endsWith('.pdf') ? join(dir, o.defaultName) : null),
      printPdf: async (pdf, pages) => {
        printed.push(pdf);
        printedPages.push(pages);
      },
    };
    const { d, registerNo } = await approvedDisclosure(platform);
    await d.as('anna');
    await d.must('requests.approve', { registerNo });
    const rec = await d.must('letters.issue', { registerNo });
    const saved = await d.must('letters.saveAs', { registerNo });
    expect(saved).toEqual({ saved: true, name: `${registerNo}-letter.pdf` });
    expect(sha(readFileSync(join(dir, saved.name!)))).toBe(rec.sha256);
    expect(await d.must('letters.print', { registerNo })).toEqual({ printed: true });
    expect(sha(printed[0]!)).toBe(rec.sha256);
    expect(printedPages[0]!.length).toBeGreaterThan(0);
    expect(printedPages[0]![0]).toMatch(/^<svg/);

    const plain = await approvedDisclosure();
    await plain.d.as('anna');
    await plain.d.must('requests.approve', { registerNo: plain.registerNo });
    await plain.d.must('letters.issue', { registerNo: plain.registerNo });
    const noDialog = await plain.d.call('letters.saveAs', { registerNo: plain.registerNo });
    expect(noDialog.ok).toBe(false);
    if (!noDialog.ok) expect(noDialog.message).toMatch(/download/);
  });

  it('a referred request gets no letter; an undecided one neither', async () => {
    const d = await registerDesk();
    const { registerNo } = await d.must('requests.create', requestJson());
    const none = await d.call('letters.preview', { registerNo });
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.message).toMatch(/no decision yet/);
    await d.must('requests.decide', {
      registerNo,
      outcome: 'referred',
      reasons: ['Traffic desk.'],
    });
    const referred = await d.call('letters.issue', { registerNo });
    expect(referred.ok).toBe(false);
    if (!referred.ok) expect(referred.message).toMatch(/referred/);
  });

  it('no disclosure letter for a disclosure approved on a call-back that names no channel', async () => {
    const { d, registerNo } = await approvedDisclosure();
    await d.as('anna');
    await d.must('requests.approve', { registerNo });
    // A record from before a call-back had to name its channel: its latest verification names none.
    const db = d.session.vault!.db;
    const { id } = db.prepare('SELECT id FROM request WHERE register_no = ?').get(registerNo) as {
      id: number;
    };
    db.prepare(
      `INSERT INTO request_event (request_id, at, user, kind, details)
       VALUES (?, '2026-03-02T11:00:00.000Z', 'olga', 'verified', '{"method":"callback"}')`,
    ).run(id);
    expect((await d.must('requests.get', { registerNo })).verified).toBe(false);
    const issued = await d.call('letters.issue', { registerNo });
    expect(!issued.ok && [issued.code, issued.key]).toEqual(['CONFLICT', 'letters.notVerified']);
    expect((await d.must('letters.list', { registerNo })).length).toBe(0);
  });
});
