import { closeSync, openSync, readFileSync, statSync, writeSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readHi1File } from '../../electron/hi1/xml';
import { extractInWorker } from '../../electron/intake/run-worker';
import { DeskError } from '../../electron/core/errors';
import { registerDesk } from '../fixtures/requests/desk';
import { CATALOGUES } from '../fixtures/intake/catalogues';
import { tempDir } from '../support/desk';

const FIX = fileURLToPath(new URL('../fixtures/hi1/', import.meta.url));
type Desk = Awaited<ReturnType<typeof registerDesk>>;

const importPath = (d: Desk, path: string) =>
  d.call('hi1.import', { file: d.session.files.register(path).token });
const requestCount = (d: Desk) =>
  (d.session.vault!.db.prepare('SELECT count(*) AS n FROM request').get() as { n: number }).n;

/** The key a call was refused with (the test fails on success). */
async function refusedWith(d: Desk, path: string): Promise<string | undefined> {
  const r = await importPath(d, path);
  expect(r.ok).toBe(false);
  return r.ok ? undefined : r.key;
}

/** A file of `bytes` bytes that starts like an HI-1 message and is sparse after that. */
function sparseHi1(bytes: number): string {
  const path = join(tempDir(), 'huge.xml');
  const fd = openSync(path, 'w');
  writeSync(
    fd,
    '<?xml version="1.0"?><HI1Message xmlns="http://uri.etsi.org/03120/common/2019/10/Core">',
  );
  ftruncateSync(fd, bytes);
  closeSync(fd);
  return path;
}

describe('HI-1: hostile XML is refused before it is parsed', () => {
  it('a DOCTYPE, a billion laughs and an external entity: refused by key, nothing logged', async () => {
    const d = await registerDesk('2026-09-02T12:00:00Z');
    for (const name of ['doctype.xml', 'billion-laughs.xml', 'external-entity.xml']) {
      expect(await refusedWith(d, join(FIX, name))).toBe('hi1.dtd');
    }
    expect(requestCount(d)).toBe(0);
  });

  it('a 100 MB file is refused from its size, without reading it into memory', async () => {
    const d = await registerDesk('2026-09-02T12:00:00Z');
    const path = sparseHi1(100 * 1024 * 1024);
    expect(statSync(path).size).toBe(100 * 1024 * 1024);
    const before = process.memoryUsage().arrayBuffers;
    expect(await refusedWith(d, path)).toBe('hi1.tooLarge');
    // Not read: no buffer near the file's size was ever allocated.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(20 * 1024 * 1024);
    expect(() => readHi1File(path)).toThrow(/larger than 25 MB/);
    // Just under the limit it is read (and refused for what it is: not XML).
    const under = sparseHi1(1024);
    expect(await refusedWith(d, under)).toBe('hi1.notXml');
  });

  it('an unknown version, a message that is not HI-1, text that is not UTF-8 or XML', async () => {
    const d = await registerDesk('2026-09-02T12:00:00Z');
    const r = await importPath(d, join(FIX, 'unknown-version.xml'));
    expect(!r.ok && [r.key, r.params]).toEqual([
      'hi1.unknownVersion',
      { namespace: 'http://uri.etsi.org/03120/common/2017/07/Core' },
    ]);
    const task = await importPath(d, join(FIX, 'unknown-task-version.xml'));
    expect(!task.ok && task.params).toEqual({
      namespace: 'http://uri.etsi.org/03120/common/2024/01/Task',
    });
    expect(await refusedWith(d, join(FIX, 'not-hi1.xml'))).toBe('hi1.notHi1');
    const latin1 = join(tempDir(), 'latin1.xml');
    const base = readFileSync(join(FIX, 'order-epoc.xml'), 'utf8');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(latin1, Buffer.from(base, 'latin1'));
    expect(await refusedWith(d, latin1)).toBe('hi1.notUtf8');
    const broken = join(tempDir(), 'broken.xml');
    writeFileSync(broken, base.replace('</Header>', ''));
    expect(await refusedWith(d, broken)).toBe('hi1.notXml');
    expect(requestCount(d)).toBe(0);
  });

  it('intake reads an HI-1 order into a draft, and refuses hostile XML there too', async () => {
    const bytes = readFileSync(join(FIX, 'order-epoc.xml'));
    const draft = await extractInWorker({ bytes, name: 'order.xml' }, CATALOGUES);
    expect(draft.extraction.document.kind).toBe('hi1');
    expect(draft.channel).toBe('epoc');
    expect(draft.caseReference).toBe('121 Js 345/26');
    expect(draft.epoc?.issuingState).toBe('DE');
    expect(draft.items).toEqual([
      { kind: 'phone', value: '+31612345678', moment: '2024-05-01T08:00:00Z' },
      { kind: 'ip', value: '203.0.113.5', port: 1500, moment: '2025-06-01T12:00:00Z' },
    ]);
    for (const name of ['billion-laughs.xml', 'external-entity.xml']) {
      const hostile = readFileSync(join(FIX, name));
      const e = await extractInWorker({ bytes: hostile, name }, CATALOGUES).catch((x) => x);
      expect(e).toBeInstanceOf(DeskError);
      expect((e as DeskError).key).toBe('hi1.dtd');
    }
  });
});
