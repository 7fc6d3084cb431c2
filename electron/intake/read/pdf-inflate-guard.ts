import { createInflate } from 'node:zlib';
import { LIMITS, refuse } from './limits';

/**
 * A PDF's compressed streams, unpacked once and counted (never kept) before pdf.js sees the file:
 * a 400 KB "zip bomb" PDF unpacks to gigabytes in buffers no heap limit counts. Images are not
 * counted (reading text never unpacks them); a stream that does not unpack is left to pdf.js.
 */
const OBJECT_STREAM = /\d+\s+\d+\s+obj\b([\s\S]{0,2000}?)\bstream\r?\n/g;

/** How many bytes `data` inflates to, stopping once past `cap`; null when it is not zlib data. */
function inflatedLength(data: Buffer, cap: number): Promise<number | null> {
  return new Promise((resolve) => {
    const z = createInflate();
    let n = 0;
    z.on('data', (chunk: Buffer) => {
      n += chunk.length;
      if (n > cap) {
        z.destroy();
        resolve(n);
      }
    });
    z.on('end', () => resolve(n));
    z.on('error', () => resolve(n > 0 ? n : null));
    z.end(data);
  });
}

export async function guardInflatedSize(bytes: Uint8Array, name = 'The PDF'): Promise<void> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buf.toString('latin1');
  let left = LIMITS.inflatedBytes;
  OBJECT_STREAM.lastIndex = 0;
  for (let m = OBJECT_STREAM.exec(text); m; m = OBJECT_STREAM.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    OBJECT_STREAM.lastIndex = end;
    const dict = m[1]!;
    if (!/\/FlateDecode/.test(dict) || /\/Subtype\s*\/Image/.test(dict)) continue;
    const n = await inflatedLength(buf.subarray(start, end), left);
    if (n === null) continue;
    left -= n;
    if (left < 0) {
      refuse(
        'inflates_too_much',
        `${name} unpacks to more than ${LIMITS.inflatedBytes / 1024 / 1024} MB; it was not read.`,
        { maxBytes: LIMITS.inflatedBytes },
      );
    }
  }
}
