import type { IntakeWarning } from '../../../shared/schemas/intake';
import type { IntakeDocument } from '../text/document';
import { LIMITS, refuse } from './limits';
import { guardInflatedSize } from './pdf-inflate-guard';
import { cleanText } from './text';

/**
 * The text layer of a PDF, page by page, laid out as on paper: text items on one baseline form a
 * line, a wide gap between items becomes a run of spaces (so table columns stay apart), a wide
 * gap between lines a blank line. A page without text (a scan) is flagged `no_text_layer`. A
 * PDF with a password, or one that cannot be read, is refused.
 */

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;
// The legacy build runs on Node 20; it is ESM, loaded on first use (the bundles stay CommonJS).
export const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

export function layoutPage(items: TextItem[]): string {
  const parts = items
    .filter((i) => i.str !== '' && i.transform.length >= 6)
    .map((i) => ({
      str: i.str,
      x: i.transform[4]!,
      y: i.transform[5]!,
      w: i.width,
      size: Math.max(1, Math.abs(i.transform[3]!) || i.height || 10),
    }));
  // Top to bottom, then left to right; items within a third of a line height share a line.
  parts.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; items: typeof parts }[] = [];
  for (const p of parts) {
    const line = lines.find((l) => Math.abs(l.y - p.y) <= Math.max(l.size, p.size) * 0.35);
    if (line) line.items.push(p);
    else lines.push({ y: p.y, size: p.size, items: [p] });
  }
  lines.sort((a, b) => b.y - a.y);
  const out: string[] = [];
  let prevY: number | null = null;
  let prevSize = 10;
  for (const l of lines) {
    if (prevY !== null && prevY - l.y > Math.max(prevSize, l.size) * 1.9) out.push('');
    l.items.sort((a, b) => a.x - b.x);
    let text = '';
    let end: number | null = null;
    for (const it of l.items) {
      // A whitespace item only marks a gap; the gap itself is measured from the positions.
      if (!it.str.trim()) continue;
      const charW = Math.max(0.5, it.w / Math.max(1, it.str.length));
      if (end !== null) {
        const gap = it.x - end;
        if (gap > charW * 1.8) text += ' '.repeat(Math.max(2, Math.round(gap / charW)));
        else if (gap > charW * 0.2 && !text.endsWith(' ') && !it.str.startsWith(' ')) text += ' ';
      }
      text += it.str;
      end = it.x + it.w;
    }
    out.push(text.replace(/\s+$/, ''));
    prevY = l.y;
    prevSize = l.size;
  }
  return out.join('\n');
}

export async function readPdf(
  bytes: Uint8Array,
  origin?: string,
): Promise<{ pages: IntakeDocument['pages']; warnings: IntakeWarning[] }> {
  await guardInflatedSize(bytes, origin);
  const lib = await loadPdfJs();
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  try {
    doc = await lib.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    const name = (e as Error)?.name ?? '';
    if (name === 'PasswordException') {
      refuse(
        'encrypted_pdf',
        `${origin ?? 'The PDF'} is protected with a password; ask for an unprotected copy.`,
      );
    }
    refuse('broken_pdf', `${origin ?? 'The PDF'} cannot be read (${name || 'damaged'}).`);
  }
  try {
    if (doc.numPages > LIMITS.pages) {
      refuse('too_many_pages', `The PDF has more than ${LIMITS.pages} pages.`, {
        max: LIMITS.pages,
      });
    }
    const pages: IntakeDocument['pages'] = [];
    const empty: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = cleanText(
        layoutPage(content.items.filter((i) => 'str' in i) as unknown as TextItem[]),
      );
      if (!text.trim()) empty.push(n);
      pages.push(origin ? { text, origin } : { text });
      page.cleanup();
    }
    const warnings: IntakeWarning[] = empty.length
      ? [
          {
            code: 'no_text_layer',
            params: { pages: empty.join(','), ...(origin ? { name: origin } : {}) },
          },
        ]
      : [];
    return { pages, warnings };
  } finally {
    await doc.destroy();
  }
}
