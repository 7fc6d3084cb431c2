import type { DocumentKind } from '../../../shared/schemas/intake';

/**
 * The kind of a document, from its bytes (the name only breaks a tie between text and a mail):
 * `%PDF-`, the OLE signature of an Outlook .msg, a JSON object, a MIME header block, plain text.
 * Anything else — images, archives, office files — is not read.
 */
export type Sniffed = { kind: DocumentKind } | { kind: null; type: string };

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const MIME_HEADER = /^(?:[!-9;-~]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)+/;
const HI1_ROOT = /<(?:[A-Za-z_][\w.-]*:)?HI1Message[\s>/]/;
const MAIL_FIELD =
  /^(?:from|date|subject|message-id|mime-version|content-type|received|to|return-path)\s*:/im;

export function sniff(bytes: Uint8Array, name = ''): Sniffed {
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return { kind: 'pdf' };
  if (head.equals(OLE)) return { kind: 'msg' };
  if (head[0] === 0x50 && head[1] === 0x4b) return { kind: null, type: 'zip' };
  if (head[0] === 0x89 && head.subarray(1, 4).toString('latin1') === 'PNG')
    return { kind: null, type: 'image' };
  if (head[0] === 0xff && head[1] === 0xd8) return { kind: null, type: 'image' };
  const four = head.subarray(0, 4).toString('latin1');
  if (four === 'GIF8' || four === 'II*\0' || four === 'MM\0*') return { kind: null, type: 'image' };
  const sample = Buffer.from(bytes.subarray(0, 64 * 1024));
  if (sample.includes(0)) return { kind: null, type: 'binary' };
  const text = sample.toString('utf8').replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (start.startsWith('{')) return { kind: 'json' };
  // XML naming an HI1Message is read as HI-1 even behind a DOCTYPE, so that the HI-1 reader refuses it.
  if (start.startsWith('<') && HI1_ROOT.test(start)) return { kind: 'hi1' };
  if (
    (MIME_HEADER.test(text) && MAIL_FIELD.test(text.split(/\r?\n\r?\n/)[0]!)) ||
    /\.eml$/i.test(name)
  ) {
    return { kind: 'eml' };
  }
  return { kind: 'text' };
}
