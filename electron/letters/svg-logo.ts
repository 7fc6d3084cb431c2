import type { PdfWriter } from './pdf';

/**
 * Draws a simple SVG logo (the admin's choice, stored in the vault) into the PDF. pdfkit has no SVG
 * support, so this covers the flat shapes logos are made of: <path d>, <rect>, <circle>,
 * <ellipse>, <polygon> with a solid fill (attribute or style). Anything else (gradients, text,
 * transforms, embedded images) is skipped; with nothing drawable it returns false and the caller
 * prints the organisation name instead. Nothing in the file is fetched or executed. The preview
 * shows the same SVG as an image (the browser draws it, scripts never run in an <img>).
 */
export function svgLogoToOps(
  w: PdfWriter,
  bytes: Buffer,
  x: number,
  y: number,
  maxW: number,
  maxH: number,
): boolean {
  const src = bytes.toString('utf8').slice(0, 500_000);
  const root = /<svg\b([^>]*)>/i.exec(src);
  if (!root) return false;
  const attrs = parseAttrs(root[1] ?? '');
  const vb = (attrs.viewBox ?? '').split(/[\s,]+/).map(Number);
  const [vx, vy, vw, vh] =
    vb.length === 4 && vb.every(Number.isFinite)
      ? (vb as [number, number, number, number])
      : [0, 0, parseFloat(attrs.width ?? ''), parseFloat(attrs.height ?? '')];
  if (!(vw > 0 && vh > 0)) return false;
  const scale = Math.min(maxW / vw, maxH / vh);

  const shapes: { d: string; fill: string }[] = [];
  const tag = /<(path|rect|circle|ellipse|polygon)\b([^>]*?)\/?>/gi;
  for (let m = tag.exec(src); m && shapes.length < 2000; m = tag.exec(src)) {
    const a = parseAttrs(m[2] ?? '');
    const fill = fillOf(a);
    if (!fill) continue;
    const d = shapePath(m[1]!.toLowerCase(), a);
    if (d) shapes.push({ d, fill });
  }
  if (shapes.length === 0) return false;

  const doc = w.doc;
  doc.save();
  doc.translate(x, y).scale(scale).translate(-vx, -vy);
  for (const s of shapes) doc.path(s.d).fillColor(s.fill).fill('nonzero');
  doc.restore();
  w.page.ops.push({
    t: 'image',
    x,
    y,
    w: vw * scale,
    h: vh * scale,
    mime: 'image/svg+xml',
    base64: bytes.toString('base64'),
  });
  return true;
}

function parseAttrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(s); m; m = re.exec(s)) out[m[1]!] = m[3] ?? m[4] ?? '';
  return out;
}

const COLOR = /^(#[0-9a-f]{3}|#[0-9a-f]{6}|[a-z]+)$/i;

function fillOf(a: Record<string, string>): string | null {
  const style = /(?:^|;)\s*fill\s*:\s*([^;]+)/i.exec(a.style ?? '')?.[1]?.trim();
  const fill = (style ?? a.fill ?? 'black').trim();
  if (fill === 'none' || !COLOR.test(fill)) return null;
  return fill;
}

const num = (v: string | undefined) => {
  const n = parseFloat(v ?? '0');
  return Number.isFinite(n) ? n : 0;
};

function shapePath(kind: string, a: Record<string, string>): string | null {
  switch (kind) {
    case 'path':
      return /^[\sMmLlHhVvCcSsQqTtAaZz0-9.,eE+-]+$/.test(a.d ?? '') ? a.d! : null;
    case 'rect': {
      const [x, y, w, h] = [num(a.x), num(a.y), num(a.width), num(a.height)];
      return w > 0 && h > 0 ? `M${x} ${y}H${x + w}V${y + h}H${x}Z` : null;
    }
    case 'circle':
    case 'ellipse': {
      const cx = num(a.cx);
      const cy = num(a.cy);
      const rx = kind === 'circle' ? num(a.r) : num(a.rx);
      const ry = kind === 'circle' ? num(a.r) : num(a.ry);
      if (!(rx > 0 && ry > 0)) return null;
      return `M${cx - rx} ${cy}A${rx} ${ry} 0 1 0 ${cx + rx} ${cy}A${rx} ${ry} 0 1 0 ${cx - rx} ${cy}Z`;
    }
    case 'polygon': {
      const pts = (a.points ?? '')
        .trim()
        .split(/[\s,]+/)
        .map(Number);
      if (pts.length < 6 || pts.some((n) => !Number.isFinite(n))) return null;
      const pairs: string[] = [];
      for (let i = 0; i + 1 < pts.length; i += 2) pairs.push(`${pts[i]} ${pts[i + 1]}`);
      return `M${pairs.join('L')}Z`;
    }
    default:
      return null;
  }
}
