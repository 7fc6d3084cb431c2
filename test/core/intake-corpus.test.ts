import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftFrom, readDocument } from '../../electron/intake/read/read-document';
import { NewRequestInput } from '../../shared/schemas/requests';
import { createdDesk } from '../support/desk';
import { CATALOGUES } from '../fixtures/intake/catalogues';
import { comparable, CORPUS_DIR, fileName } from '../fixtures/intake/build-corpus';
import { CORPUS } from '../fixtures/intake/corpus-documents';

const bytesOf = (name: string) => readFileSync(join(CORPUS_DIR, name));

describe('intake corpus: every document gives its expected draft', () => {
  it('holds at least 15 documents in every format', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(15);
    expect(new Set(CORPUS.map((d) => d.format))).toEqual(
      new Set(['txt', 'pdf', 'eml', 'msg', 'json']),
    );
  });

  it.each(CORPUS.map((d) => [d.name, d] as const))('%s', async (_name, d) => {
    const file = fileName(d);
    const expected = JSON.parse(readFileSync(join(CORPUS_DIR, `${d.name}.expected.json`), 'utf8'));
    const draft = await draftFrom({ bytes: bytesOf(file), name: file }, CATALOGUES);
    expect(comparable(draft)).toEqual(expected);

    // Every source is the exact text at its offsets on its page.
    const read = await readDocument({ bytes: bytesOf(file), name: file });
    if ('doc' in read) {
      for (const [field, s] of Object.entries(draft.extraction.fields)) {
        if (s.page === undefined) continue;
        expect(read.doc.pages[s.page - 1]!.text.slice(s.start, s.end), field).toBe(s.text);
      }
      for (const x of draft.extraction.ignored) {
        expect(read.doc.pages[x.page - 1]!.text.slice(x.start, x.end)).toBe(x.text);
      }
    }

    // A draft that names everything a request needs is a request JSON as it stands.
    const complete =
      !draft.warnings.some((w) => w.code === 'missing_field') && draft.items.every((i) => i.moment || i.period);
    if (complete && draft.items.length) expect(NewRequestInput.safeParse(draft).success).toBe(true);
  });

  it('never offers the sender’s, the provider’s or a service’s numbers', async () => {
    for (const d of CORPUS) {
      const file = fileName(d);
      const draft = await draftFrom({ bytes: bytesOf(file), name: file }, CATALOGUES);
      const offered = new Set(draft.items.map((i) => i.value));
      for (const x of draft.extraction.ignored) {
        if (
          [
            'letterhead',
            'signature',
            'fax',
            'contact_label',
            'contact_context',
            'provider_number',
          ].includes(x.reason)
        ) {
          expect(offered.has(x.text), `${d.name}: ${x.text}`).toBe(false);
        }
      }
    }
  });
});

describe('intake.extract: the channel', () => {
  it('reads a picked file (by token) and pasted text in the worker', async () => {
    const desk = await createdDesk();
    await desk.must('users.add', {
      name: 'olga',
      role: 'officer',
      passphrase: 'olga passphrase 12',
    });
    await desk.must('vault.lock', {});
    await desk.must('vault.unlock', { userName: 'olga', passphrase: 'olga passphrase 12' });
    const picked = desk.session.files.register(join(CORPUS_DIR, '14-outlook-oost-brabant.msg'));
    const draft = await desk.must('intake.extract', { file: picked.token });
    expect(draft).toMatchObject({
      authority: 'pol-oost-brabant',
      channel: 'email',
      items: [{ value: '+31641234567' }],
    });
    const pasted = await desk.must('intake.extract', {
      text: readFileSync(join(CORPUS_DIR, '07-portaal-plaktekst.txt'), 'utf8'),
    });
    expect(pasted).toMatchObject({ channel: 'portal', authority: 'pol-oost-nederland' });
    const r = await desk.call('intake.extract', { file: 'no-such-token' });
    expect(r).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('answers an admin without requests.handle with FORBIDDEN', async () => {
    const desk = await createdDesk();
    expect(await desk.call('intake.extract', { text: 'x' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });
});
