import type { DrawOp, PageOps } from './pdf';

/**
 * Page images for the preview in the app: the recorded drawing operations of a rendered PDF as one
 * self-contained SVG per page. The renderer shows them with <img src="blob:…"> (allowed by its CSP,
 * unlike <iframe>/<embed> of a PDF under `object-src 'none'`); an SVG in an <img> never runs script
 * or fetches anything. Each text line carries its measured width (textLength), so the page looks
 * like the PDF even where the viewer falls back to another sans-serif font.
 */
export function pageToSvg(page: PageOps): string {
  const body = page.ops.map(opToSvg).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${page.width}" height="${page.height}" ` +
    `viewBox="0 0 ${page.width} ${page.height}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${body}</svg>`
  );
}

export const escapeXml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );

const n = (v: number) => (Math.round(v * 100) / 100).toString();

function opToSvg(op: DrawOp): string {
  switch (op.t) {
    case 'text':
      if (op.text === '') return '';
      return (
        `<text x="${n(op.x)}" y="${n(op.baseline)}" font-family="DejaVu Sans, Verdana, Arial, sans-serif" ` +
        `font-size="${n(op.size)}"${op.font === 'bold' ? ' font-weight="bold"' : ''} fill="${escapeXml(op.color)}" ` +
        `textLength="${n(op.width)}" lengthAdjust="spacingAndGlyphs" xml:space="preserve">${escapeXml(op.text)}</text>`
      );
    case 'line':
      return `<line x1="${n(op.x1)}" y1="${n(op.y1)}" x2="${n(op.x2)}" y2="${n(op.y2)}" stroke="${escapeXml(op.color)}" stroke-width="${n(op.width)}"/>`;
    case 'rect':
      return `<rect x="${n(op.x)}" y="${n(op.y)}" width="${n(op.w)}" height="${n(op.h)}" fill="${escapeXml(op.fill)}"/>`;
    case 'image':
      return `<image x="${n(op.x)}" y="${n(op.y)}" width="${n(op.w)}" height="${n(op.h)}" href="data:${escapeXml(op.mime)};base64,${op.base64}"/>`;
  }
}
