import type { IntakeDocument } from '../text/document';
import { LIMITS, refuse } from './limits';

/**
 * Plain text (a .txt file or text pasted from a portal or a mail): UTF-8 (a BOM is dropped), or
 * Windows-1252 when the bytes are not UTF-8. A form feed starts a new page.
 */
export function decodeText(bytes: Uint8Array): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const text = utf8.includes('\uFFFD') ? new TextDecoder('windows-1252').decode(bytes) : utf8;
  return text.replace(/^\uFEFF/, '');
}

export function textPages(text: string, origin?: string): IntakeDocument['pages'] {
  const pages = cleanText(text)
    .split('\f')
    .map((t) => (origin ? { text: t, origin } : { text: t }));
  if (pages.length > LIMITS.pages)
    refuse('too_many_pages', `The document has more than ${LIMITS.pages} pages.`, {
      max: LIMITS.pages,
    });
  return pages;
}

/** Line ends as \n, tabs kept (table columns), other control characters out, length capped. */
export const cleanText = (text: string): string =>
  text
    .slice(0, LIMITS.textChars)
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, '');

export function readText(bytes: Uint8Array): IntakeDocument {
  const text = decodeText(bytes);
  if (!text.trim()) refuse('empty_document', 'The document is empty.');
  return { kind: 'text', pages: textPages(text) };
}
