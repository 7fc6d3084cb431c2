import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapHeader } from '../../electron/customers/columns';
import { CsvFormatError, CsvReader } from '../../electron/customers/csv-reader';
import { badOf, fieldsOf } from '../../electron/customers/line-batch';
import { digestColumns, digestLine } from '../../electron/customers/line-digest';
import { LineReader } from '../../electron/customers/line-reader';
import type { ImportKind } from '../../shared/schemas/customers';
import { tempDir } from '../support/desk';

type Record = { line: number; fields: string[] | null; bad: string | null; digest: string };

/** What the line reader hands over for a file, record by record. */
async function throughReader(path: string, kind: ImportKind, slow = false) {
  const lines = (await LineReader.open(path, kind))!;
  const out: Record[] = [];
  let batches = 0;
  try {
    for await (const b of lines.batches()) {
      batches++;
      for (let i = 0; i < b.lines.length; i++) {
        const bad = badOf(b, i);
        out.push({
          line: b.lines[i]!,
          fields: bad === null ? fieldsOf(b, i) : null,
          bad,
          digest: `${b.digests[i * 2]}:${b.digests[i * 2 + 1]}`,
        });
      }
      if (slow && batches % 8 === 0) await new Promise((r) => setTimeout(r, 20));
      lines.done();
    }
  } finally {
    lines.stop();
  }
  return { out, batches, sha256: lines.sha256, bytes: lines.bytes };
}

/** The same file read on this thread by the CSV reader, digested as the import digests. */
function here(path: string, kind: ImportKind): Record[] {
  const out: Record[] = [];
  let columns: Int32Array | null = null;
  const d = { hi: 0, lo: 0 };
  const reader = new CsvReader({
    onRecord(fields, line) {
      if (columns === null) {
        columns = digestColumns(mapHeader(fields, kind));
        out.push({ line, fields, bad: null, digest: '0:0' });
        return;
      }
      digestLine(kind, fields, columns, d);
      out.push({ line, fields, bad: null, digest: `${d.hi}:${d.lo}` });
    },
    onBadRecord(line, reason) {
      out.push({ line, fields: null, bad: reason, digest: '0:0' });
    },
  });
  reader.push(readFileSync(path));
  reader.end();
  return out;
}

describe('the line reader', () => {
  it('hands over every record, line number and digest as the CSV reader reads them, and the hash of the file', async () => {
    const dir = tempDir('naw-lines-');
    const path = join(dir, 'customers.csv');
    writeFileSync(
      path,
      '\uFEFFcustomer_id;name;street;city;extra\r\n' +
        'C1;Jan Jansen;Dorpsstraat;Utrecht;x\r\n' +
        'C2;"De Vries; Jan";"Lange\r\nPoten";"Den ""Haag""";\r\n' +
        ';;;;\r\n' +
        'C3;Odd\u0001Name;Markt;Groningen;\r\n' +
        'C4;"Closed" too;Plein;Zwolle;\r\n' +
        'C5;Piet;Laan;Delft;;;\r\n' +
        'C6;Els;Weg;Ede',
    );
    const got = await throughReader(path, 'customers');
    expect(got.out).toEqual(here(path, 'customers'));
    expect(got.out.map((r) => r.line)).toEqual([1, 2, 3, 5, 6, 7, 8, 9]);
    expect(got.out[4]!.fields).toEqual(['C3', 'Odd\u0001Name', 'Markt', 'Groningen', '']);
    expect(got.out[5]!.bad).toMatch(/text after a closing quote/);
    expect(got.sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
    expect(got.bytes).toBe(readFileSync(path).length);
  });

  it('reads a file of many chunks in order while the import takes its time', async () => {
    const dir = tempDir('naw-lines-');
    const path = join(dir, 'numbers.csv');
    const n = 200_000;
    writeFileSync(
      path,
      'number,customer_id\n' +
        Array.from({ length: n }, (_, i) => `06${String(10000000 + i)},C${i % 7}`).join('\n'),
    );
    const got = await throughReader(path, 'numbers', true);
    expect(got.batches).toBeGreaterThan(40);
    expect(got.out.length).toBe(n + 1);
    expect(got.out.at(-1)).toMatchObject({ line: n + 1, fields: ['0610199999', 'C2'] });
    expect(got.out).toEqual(here(path, 'numbers'));
  });

  it('hands over the records before a fault, then says what is wrong with the file', async () => {
    const dir = tempDir('naw-lines-');
    const path = join(dir, 'broken.csv');
    const good = 'number,customer_id\n' + '0612345678,C1\n'.repeat(10_000);
    writeFileSync(path, Buffer.concat([Buffer.from(good), Buffer.from([0xff, 0xfe, 0x0a])]));
    const lines = (await LineReader.open(path, 'numbers'))!;
    let records = 0;
    const fault = await (async () => {
      try {
        for await (const b of lines.batches()) {
          records += b.lines.length;
          lines.done();
        }
      } catch (e) {
        return e;
      } finally {
        lines.stop();
      }
      return null;
    })();
    expect(fault).toBeInstanceOf(CsvFormatError);
    expect((fault as Error).message).toMatch(/not valid UTF-8/);
    expect(records).toBeGreaterThan(0);
    expect(records).toBeLessThanOrEqual(10_001);

    const gone = (await LineReader.open(join(dir, 'no-such-file.csv'), 'numbers'))!;
    await expect(
      (async () => {
        try {
          for await (const _ of gone.batches()) gone.done();
        } finally {
          gone.stop();
        }
      })(),
    ).rejects.toThrow(/could not be read \(Error\)/);
  });

  it('does not start where its bundle is missing: the import then reads the file itself', async () => {
    const dir = tempDir('naw-lines-');
    const path = join(dir, 'numbers.csv');
    writeFileSync(path, 'number,customer_id\n0612345678,C1\n');
    expect(await LineReader.open(path, 'numbers', () => join(dir, 'line-worker.cjs'))).toBeNull();
    expect(
      await LineReader.open(path, 'numbers', () => {
        throw new Error('no worker here');
      }),
    ).toBeNull();
  });
});
