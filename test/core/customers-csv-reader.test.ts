import { describe, expect, it } from 'vitest';
import { CsvFormatError, CsvReader, detectDelimiter } from '../../electron/customers/csv-reader';

type Rec = { line: number; fields: string[] } | { line: number; bad: string };

/** Reads `text` pushed in chunks of `size` bytes (1 = byte by byte, splitting UTF-8 sequences). */
function read(text: string | Uint8Array, size = 1 << 20) {
  const out: Rec[] = [];
  const r = new CsvReader({
    onRecord: (fields, line) => out.push({ line, fields }),
    onBadRecord: (line, bad) => out.push({ line, bad }),
  });
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  for (let i = 0; i < bytes.length; i += size) r.push(bytes.subarray(i, i + size));
  r.end();
  return { out, delimiter: r.delimiter, bytes: r.bytes };
}

const SAMPLE =
  '\uFEFFid;name;note\r\n' +
  '1;Jan;plain\r\n' +
  '2;"De Vries; Jan";"says ""hoi"""\r\n' +
  '3;"two\r\nlines";x\r\n' +
  '\r\n' +
  '4;Zoë;"";\r\n' +
  '5;last;no newline at end';

describe('CsvReader', () => {
  it('reads RFC 4180 quoting, BOM, CRLF, ; and multi-line fields with their line numbers', () => {
    const { out, delimiter } = read(SAMPLE);
    expect(delimiter).toBe(';');
    expect(out).toEqual([
      { line: 1, fields: ['id', 'name', 'note'] },
      { line: 2, fields: ['1', 'Jan', 'plain'] },
      { line: 3, fields: ['2', 'De Vries; Jan', 'says "hoi"'] },
      { line: 4, fields: ['3', 'two\r\nlines', 'x'] },
      { line: 7, fields: ['4', 'Zoë', '', ''] },
      { line: 8, fields: ['5', 'last', 'no newline at end'] },
    ]);
  });

  it('gives the same records whatever the chunk boundaries (byte by byte, odd sizes)', () => {
    const whole = read(SAMPLE).out;
    for (const size of [1, 2, 3, 5, 7, 16]) expect(read(SAMPLE, size).out).toEqual(whole);
  });

  it('detects , and ; from the header, ignoring separators inside quotes', () => {
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('"a,b,c";d;e')).toBe(';');
    expect(read('number,customer_id\n06-12345678,C1\n').out[1]).toEqual({
      line: 2,
      fields: ['06-12345678', 'C1'],
    });
  });

  it('reports a bad record (text after a closing quote) and goes on', () => {
    const { out } = read('a,b\n"x"y,1\n2,3\n');
    expect(out[1]).toMatchObject({ line: 2, bad: expect.stringMatching(/after a closing quote/) });
    expect(out[2]).toEqual({ line: 3, fields: ['2', '3'] });
  });

  it('reports a quote that is never closed', () => {
    const { out } = read('a,b\n1,"open\n2,3\n');
    expect(out.at(-1)).toMatchObject({ line: 2, bad: expect.stringMatching(/not closed/) });
  });

  it('reads characters of two to four bytes between runs of ASCII, wherever a chunk ends', () => {
    const text = 'id;name\nC1;Ren\u00e9e\nC2;Caf\u00e9 \u20ac 5\nC3;\ud83d\ude00 Smit\nC4;Jan\n';
    const whole = read(text).out;
    expect(whole[3]).toEqual({ line: 4, fields: ['C3', '\ud83d\ude00 Smit'] });
    for (const size of [1, 2, 3, 4, 5, 6, 9, 13]) expect(read(text, size).out).toEqual(whole);
    // Cut inside the euro sign (three bytes), after a chunk of ASCII.
    const bytes = new TextEncoder().encode('id;name\nC1;Jan\nC2;\u20ac');
    expect(() => read(bytes.subarray(0, bytes.length - 1), 4)).toThrow(/middle of a UTF-8/);
    // A lead byte at the end of a chunk, and ASCII where the rest of its character should be.
    const broken = new Uint8Array([0x69, 0x64, 0x0a, 0x43, 0xc3, 0x31, 0x32, 0x0a]);
    expect(() => read(broken, 5)).toThrow(/not valid UTF-8/);
  });

  it('refuses invalid UTF-8 with a clear message', () => {
    const bytes = new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xfe, 0x2c, 0x31, 0x0a]);
    expect(() => read(bytes)).toThrow(CsvFormatError);
    expect(() => read(bytes)).toThrow(/not valid UTF-8/);
  });

  it('keeps memory bounded: only the unfinished record is held between chunks', () => {
    const row = '06-12345678,C000001,mobile,2024-01-01,\n';
    let count = 0;
    let maxPending = 0;
    const r = new CsvReader({ onRecord: () => count++, onBadRecord: () => {} });
    const chunk = new TextEncoder().encode(row.repeat(1000).slice(0, 39_999)); // cut mid-row
    const rest = new TextEncoder().encode(row.repeat(1000).slice(39_999));
    const header = 'number,customer_id,service,valid_from,valid_to\n';
    r.push(new TextEncoder().encode(header));
    for (let i = 0; i < 500; i++) {
      r.push(chunk);
      maxPending = Math.max(maxPending, r.pending);
      r.push(rest);
      maxPending = Math.max(maxPending, r.pending);
    }
    r.end();
    expect(count).toBe(1 + 500 * 1000);
    expect(r.bytes).toBe(header.length + 500 * row.length * 1000);
    expect(maxPending).toBeLessThan(row.length);
  });

  it('stops on a runaway quote instead of buffering the whole file', () => {
    const r = new CsvReader({ onRecord: () => {}, onBadRecord: () => {} });
    r.push(new TextEncoder().encode('a,b\n1,"never closed\n'));
    const filler = new TextEncoder().encode('x'.repeat(1 << 16) + '\n');
    expect(() => {
      for (let i = 0; i < 40; i++) r.push(filler);
    }).toThrow(/never ends/);
  });
});
