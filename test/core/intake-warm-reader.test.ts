import { afterEach, describe, expect, it } from 'vitest';
import { IntakeReader } from '../../electron/intake/run-worker';
import { sessionReader } from '../../electron/intake/session-reader';
import { CATALOGUES } from '../fixtures/intake/catalogues';
import { pdfOf } from '../fixtures/intake/make';
import { createdDesk, OLGA } from '../support/desk';

const LETTER = [
  'Politie Eenheid Limburg',
  '',
  'Op grond van artikel 126na lid 1 Sv vorder ik de gebruikersgegevens van het nummer',
  '06-41234567 op 28 oktober 2026 om 14:32 uur.',
].join('\n');

const readers: IntakeReader[] = [];
const reader = (limits?: ConstructorParameters<typeof IntakeReader>[0]) => {
  const r = new IntakeReader(limits);
  readers.push(r);
  return r;
};
afterEach(() => {
  for (const r of readers.splice(0)) r.stop();
});

const values = (d: { items: { value: string }[] }) => d.items.map((i) => i.value);

describe('intake: the warm reading worker', () => {
  it('reads one document after the other in one worker', async () => {
    const r = reader();
    const pdf = await pdfOf([LETTER]);
    expect(values(await r.extract({ bytes: pdf, name: 'a.pdf' }, CATALOGUES))).toEqual([
      '+31641234567',
    ]);
    const [text, again] = await Promise.all([
      r.extract({ text: LETTER.replace('06-41234567', '06 - 2345 6789') }, CATALOGUES),
      r.extract({ bytes: pdf, name: 'b.pdf' }, CATALOGUES),
    ]);
    expect(values(text)).toEqual(['+31623456789']);
    expect(values(again)).toEqual(['+31641234567']);
    expect(r.starts).toBe(1);
  }, 120_000);

  it('stops a document that takes too long, and reads the next one in a fresh worker', async () => {
    const r = reader({ seconds: 0.001 });
    const pdf = await pdfOf([LETTER]);
    await expect(r.extract({ bytes: pdf, name: 'x.pdf' }, CATALOGUES)).rejects.toMatchObject({
      code: 'BAD_INPUT',
      details: { reason: 'document_too_complex', params: { seconds: 0.001 } },
    });
    await expect(r.extract({ bytes: pdf, name: 'x.pdf' }, CATALOGUES)).rejects.toMatchObject({
      details: { reason: 'document_too_complex' },
    });
    expect(r.starts).toBe(2);
  }, 120_000);

  it('refuses a document that needs too much memory, then starts again', async () => {
    const r = reader({ heapMb: 4 });
    await expect(r.extract({ text: LETTER }, CATALOGUES)).rejects.toMatchObject({
      code: 'BAD_INPUT',
      details: { reason: 'document_too_complex', params: { megabytes: 4 } },
    });
    await expect(r.extract({ text: LETTER }, CATALOGUES)).rejects.toMatchObject({
      details: { reason: 'document_too_complex' },
    });
    expect(r.starts).toBe(2);
  }, 120_000);

  it('refuses the document in progress, and any later one, once stopped', async () => {
    const r = reader();
    r.warm();
    const reading = r.extract({ text: LETTER }, CATALOGUES);
    r.stop();
    await expect(reading).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(r.extract({ text: LETTER }, CATALOGUES)).rejects.toMatchObject({
      code: 'INTERNAL',
    });
  }, 120_000);

  it('is one per session, and stopped when the vault locks', async () => {
    const { session, must } = await createdDesk();
    await must('users.add', OLGA);
    await must('vault.unlock', { userName: OLGA.name, passphrase: OLGA.passphrase });
    // The wizard opened: the worker starts before the first document arrives.
    expect(await must('intake.warm', {})).toEqual({ done: true });
    const r = sessionReader(session);
    readers.push(r);
    expect(r.starts).toBe(1);
    expect(sessionReader(session)).toBe(r);
    const draft = await must('intake.extract', { text: LETTER });
    expect(values(draft)).toEqual(['+31641234567']);
    expect(r.starts).toBe(1);
    await must('vault.lock', {});
    // Stopped with the key; the next unlock gets a reader of its own.
    await expect(r.extract({ text: LETTER }, CATALOGUES)).rejects.toMatchObject({
      code: 'INTERNAL',
    });
    expect(sessionReader(session)).not.toBe(r);
  }, 120_000);
});
