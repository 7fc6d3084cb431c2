import PDFDocument from 'pdfkit';
import { fontPath, type FontName } from './fonts';

/**
 * Small, generic PDF helpers for everything the desk prints (letters, the transparency report):
 * an A4 document with the embedded DejaVu fonts, flowing paragraphs that wrap any value (a
 * 300-character street name or a `<script>` prints as text), tables that repeat their header on a
 * new page, and a running header/footer with "page X of Y", the register number and the audit
 * chain head, drawn once the page count is known.
 *
 * Every drawing call is also recorded as a plain operation, so the same layout can be shown as SVG
 * page images in the app (see svg.ts) — the PDF itself cannot be embedded under the renderer's CSP.
 *
 * Output is deterministic for the same input: the creation date is given (the moment of issue) and
 * pdfkit derives the file ID and font subset tags from it and from the font, never from a clock.
 */

/** A4 in PostScript points, with margins an office printer handles (≥ 15 mm everywhere). */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  left: 62, // 22 mm
  right: 57, // 20 mm
  top: 57, // 20 mm
  bottom: 80, // 28 mm: room for the footer
} as const;
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export type DrawOp =
  | {
      t: 'text';
      x: number;
      y: number;
      text: string;
      font: FontName;
      size: number;
      color: string;
      width: number;
      baseline: number;
    }
  | { t: 'line'; x1: number; y1: number; x2: number; y2: number; width: number; color: string }
  | { t: 'rect'; x: number; y: number; w: number; h: number; fill: string }
  | { t: 'image'; x: number; y: number; w: number; h: number; mime: string; base64: string };

export interface PageOps {
  width: number;
  height: number;
  ops: DrawOp[];
}

export interface DocumentSetup {
  title: string;
  author: string;
  subject?: string;
  /** The moment of issue: becomes the PDF CreationDate (and so the file ID). */
  issuedAt: Date;
  /** The document's language tag (the letters: nl or en; the Annex III form also de). */
  language: 'nl' | 'en' | 'de';
}

export interface TextStyle {
  font?: FontName;
  size?: number;
  color?: string;
}

export interface ParagraphStyle extends TextStyle {
  /** Extra left indent in points. */
  indent?: number;
  width?: number;
  /** Space after the paragraph in points (default: half a line). */
  gapAfter?: number;
  /** Keep this many points free below the first line (avoids a heading alone at a page end). */
  keepWithNext?: number;
}

export interface TableColumn {
  header: string;
  /** Share of the table width (the shares are normalised). */
  share: number;
  font?: FontName;
}

export interface TableSpec {
  columns: TableColumn[];
  rows: string[][];
  size?: number;
  indent?: number;
  width?: number;
  /** Draw the header row (default true). */
  header?: boolean;
  /** Start the table on a new page rather than split it, when it fits on one (default true). */
  keepTogether?: boolean;
  /** A small line above the table, kept on the same page as the table's start. */
  caption?: string;
  /** Space above and below the text of each cell (default 4 points). */
  padY?: number;
}

export interface RunningText {
  /** Small line at the top right of every page after the first (e.g. the register number). */
  header?: (page: number, count: number) => string;
  /** Lines at the bottom of every page. */
  footer: (page: number, count: number) => string[];
}

const BLACK = '#111111';
const GREY = '#555555';
const RULE = '#9a9a9a';
const HEADER_FILL = '#e9ecef';
const LINE_FACTOR = 1.32;
const CELL_PAD = 4;

// Control characters (except newline) would print as boxes or confuse line breaking.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Any value as printable text: control characters become spaces; nothing is interpreted. */
export const printable = (value: unknown): string =>
  String(value ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, ' ');

/**
 * Each font parsed once per process. Opened by path, fontkit parses the whole TTF again for every
 * document, which was most of a letter's render time (the demo issues a score of letters). pdfkit
 * also takes an already parsed font in place of a path, and every document still embeds its own
 * subset of it, so the bytes do not change. pdfkit's types name only paths and bytes.
 */
const parsedFonts = new Map<FontName, string>();
function parsedFont(name: FontName): string {
  let font = parsedFonts.get(name);
  if (!font) {
    const probe = new PDFDocument({ autoFirstPage: false, font: fontPath(name) });
    font = (probe as unknown as { _font: { font: string } })._font.font;
    parsedFonts.set(name, font);
  }
  return font;
}

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly pages: PageOps[] = [];
  /** Top of the next line on the current page. */
  y: number = PAGE.top;
  private readonly chunks: Buffer[] = [];
  private readonly ascender: Record<FontName, number>;
  private readonly done: Promise<Buffer>;
  private pageIndex = 0;

  constructor(setup: DocumentSetup) {
    this.doc = new PDFDocument({
      size: 'A4',
      margin: 0,
      bufferPages: true,
      autoFirstPage: false,
      compress: true,
      lang: setup.language,
      displayTitle: true,
      info: {
        Title: setup.title,
        Author: setup.author,
        Subject: setup.subject ?? setup.title,
        Creator: 'NAW Desk',
        Producer: 'NAW Desk (pdfkit)',
        CreationDate: setup.issuedAt,
        ModDate: setup.issuedAt,
      },
    });
    // Registered by name only, not also as the document's default font: pdfkit never caches a font
    // under a second name, so every switch back to 'regular' would open it anew (and lose its
    // layout cache). The default (Helvetica) is never drawn with, so never embedded.
    this.doc.registerFont('regular', parsedFont('regular'));
    this.doc.registerFont('bold', parsedFont('bold'));
    this.ascender = {
      regular: this.fontAscender('regular'),
      bold: this.fontAscender('bold'),
    };
    this.done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (c: Buffer) => this.chunks.push(c));
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.newPage();
  }

  private fontAscender(font: FontName): number {
    this.doc.font(font);
    return (this.doc as unknown as { _font: { ascender: number } })._font.ascender / 1000;
  }

  /** The page drawing calls go to (the running header/footer revisits earlier pages). */
  get page(): PageOps {
    return this.pages[this.pageIndex]!;
  }

  get bottom(): number {
    return PAGE.height - PAGE.bottom;
  }

  newPage(): void {
    this.doc.addPage({ size: 'A4', margin: 0 });
    this.pages.push({ width: PAGE.width, height: PAGE.height, ops: [] });
    this.pageIndex = this.pages.length - 1;
    this.y = this.pages.length > 1 ? PAGE.top + 18 : PAGE.top;
  }

  /** Starts a new page unless `height` points still fit above the footer. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  lineHeight(size: number): number {
    return size * LINE_FACTOR;
  }

  measure(text: string, font: FontName = 'regular', size = 10): number {
    return this.doc.font(font).fontSize(size).widthOfString(text);
  }

  /** Breaks text into lines no wider than `width`; a word longer than a line breaks anywhere. */
  wrap(text: string, width: number, font: FontName = 'regular', size = 10): string[] {
    const out: string[] = [];
    for (const para of printable(text).split('\n')) {
      const words = para.split(/ +/).filter((w, i, a) => w !== '' || a.length === 1);
      let line = '';
      for (const word of words) {
        const candidate = line ? `${line} ${word}` : word;
        if (this.measure(candidate, font, size) <= width) {
          line = candidate;
          continue;
        }
        if (line) out.push(line);
        line = '';
        if (this.measure(word, font, size) <= width) {
          line = word;
          continue;
        }
        // Hard break inside a word that does not fit on a line of its own.
        let piece = '';
        for (const ch of Array.from(word)) {
          if (piece && this.measure(piece + ch, font, size) > width) {
            out.push(piece);
            piece = '';
          }
          piece += ch;
        }
        line = piece;
      }
      out.push(line);
    }
    return out;
  }

  /** Draws one line of text with its top at y; no wrapping, no page logic. */
  drawText(text: string, x: number, y: number, style: TextStyle = {}): number {
    const font = style.font ?? 'regular';
    const size = style.size ?? 10;
    const color = style.color ?? BLACK;
    const clean = printable(text).replace(/\n/g, ' ');
    const width = this.measure(clean, font, size);
    if (clean !== '') {
      this.doc
        .font(font)
        .fontSize(size)
        .fillColor(color)
        .text(clean, x, y, { lineBreak: false, baseline: 'top' });
    }
    this.page.ops.push({
      t: 'text',
      x,
      y,
      text: clean,
      font,
      size,
      color,
      width,
      baseline: y + this.ascender[font] * size,
    });
    return width;
  }

  /** A line of text aligned right, ending at `right`. */
  drawTextRight(text: string, right: number, y: number, style: TextStyle = {}): void {
    const w = this.measure(printable(text), style.font ?? 'regular', style.size ?? 10);
    this.drawText(text, right - w, y, style);
  }

  drawLine(x1: number, y1: number, x2: number, y2: number, width = 0.6, color = RULE): void {
    this.doc.save().moveTo(x1, y1).lineTo(x2, y2).lineWidth(width).strokeColor(color).stroke();
    this.doc.restore();
    this.page.ops.push({ t: 'line', x1, y1, x2, y2, width, color });
  }

  drawRect(x: number, y: number, w: number, h: number, fill: string): void {
    this.doc.save().rect(x, y, w, h).fillColor(fill).fill();
    this.doc.restore();
    this.page.ops.push({ t: 'rect', x, y, w, h, fill });
  }

  /** A PNG or JPEG scaled to fit the box (aspect kept, top-left aligned); returns its size. */
  drawImage(
    bytes: Buffer,
    mime: 'image/png' | 'image/jpeg',
    x: number,
    y: number,
    maxW: number,
    maxH: number,
  ): { w: number; h: number } {
    // openImage exists in pdfkit but not in its typings: it gives the size before drawing.
    const img = (
      this.doc as unknown as { openImage(b: Buffer): { width: number; height: number } }
    ).openImage(bytes);
    const scale = Math.min(maxW / img.width, maxH / img.height);
    const w = img.width * scale;
    const h = img.height * scale;
    this.doc.image(img as unknown as Buffer, x, y, { width: w, height: h });
    this.page.ops.push({ t: 'image', x, y, w, h, mime, base64: bytes.toString('base64') });
    return { w, h };
  }

  spacer(points: number): void {
    this.y += points;
  }

  /** A wrapped paragraph flowing over pages. */
  paragraph(text: string, style: ParagraphStyle = {}): void {
    const font = style.font ?? 'regular';
    const size = style.size ?? 10;
    const indent = style.indent ?? 0;
    const width = style.width ?? CONTENT_WIDTH - indent;
    const lh = this.lineHeight(size);
    const lines = this.wrap(text, width, font, size);
    this.ensure(lh + (style.keepWithNext ?? 0));
    for (const line of lines) {
      this.ensure(lh);
      this.drawText(line, PAGE.left + indent, this.y, { font, size, color: style.color ?? BLACK });
      this.y += lh;
    }
    this.y += style.gapAfter ?? lh / 2;
  }

  /** A bulleted list item. */
  bullet(text: string, style: ParagraphStyle = {}): void {
    const size = style.size ?? 10;
    const indent = style.indent ?? 0;
    this.ensure(this.lineHeight(size));
    this.drawText('•', PAGE.left + indent + 4, this.y, { size });
    this.paragraph(text, { ...style, indent: indent + 16, gapAfter: style.gapAfter ?? 2 });
  }

  /** A horizontal rule across the content width. */
  rule(gap = 6): void {
    this.ensure(gap * 2);
    this.y += gap;
    this.drawLine(PAGE.left, this.y, PAGE.width - PAGE.right, this.y);
    this.y += gap;
  }

  /**
   * A table with wrapped cells and thin rules. The header row repeats on every page the table
   * continues on; a row taller than a page is split into continuation rows.
   */
  /**
   * The height a table needs on the current page before it starts: the whole table when it is
   * kept together, else its caption, header and first row. A heading uses it to stay with its table.
   */
  tableStart(spec: TableSpec): number {
    return this.tableLayout(spec).start;
  }

  private tableLayout(spec: TableSpec) {
    const size = spec.size ?? 9;
    const padY = spec.padY ?? CELL_PAD;
    const lh = this.lineHeight(size);
    const totalW = spec.width ?? CONTENT_WIDTH - (spec.indent ?? 0);
    const shares = spec.columns.reduce((a, c) => a + c.share, 0);
    const widths = spec.columns.map((c) => (c.share / shares) * totalW);
    const showHeader = spec.header ?? true;
    const cellLines = (row: string[], bold = false) =>
      spec.columns.map((c, i) =>
        this.wrap(
          row[i] ?? '',
          widths[i]! - 2 * CELL_PAD,
          bold ? 'bold' : (c.font ?? 'regular'),
          size,
        ),
      );
    const headerLines = cellLines(
      spec.columns.map((c) => c.header),
      true,
    );
    const headerH = Math.max(...headerLines.map((l) => l.length)) * lh + 2 * padY;
    const rowHeights = spec.rows.map(
      (r) => Math.max(1, ...cellLines(r).map((l) => l.length)) * lh + 2 * padY,
    );
    const captionH = spec.caption ? lh + 2 : 0;
    const whole = captionH + (showHeader ? headerH : 0) + rowHeights.reduce((a, h) => a + h, 0);
    const pageRoom = this.bottom - PAGE.top - 18;
    const start =
      (spec.keepTogether ?? true) && whole <= pageRoom / 2
        ? whole
        : captionH + headerH + lh + 2 * padY;
    return {
      size,
      padY,
      lh,
      totalW,
      widths,
      showHeader,
      cellLines,
      headerLines,
      headerH,
      start,
    };
  }

  table(spec: TableSpec): void {
    const { size, padY, lh, totalW, widths, showHeader, cellLines, headerLines, headerH } =
      this.tableLayout(spec);
    const x0 = PAGE.left + (spec.indent ?? 0);
    const xs = widths.map((_, i) => x0 + widths.slice(0, i).reduce((a, w) => a + w, 0));

    const drawRow = (lines: string[][], fonts: FontName[], fill?: string) => {
      const h = Math.max(1, ...lines.map((l) => l.length)) * lh + 2 * padY;
      if (fill) this.drawRect(x0, this.y, totalW, h, fill);
      lines.forEach((cell, i) => {
        cell.forEach((line, j) =>
          this.drawText(line, xs[i]! + CELL_PAD, this.y + padY + j * lh, {
            font: fonts[i]!,
            size,
          }),
        );
      });
      this.drawLine(x0, this.y + h, x0 + totalW, this.y + h, 0.5);
      this.y += h;
    };
    const drawHeader = () => {
      if (!showHeader) return;
      this.drawLine(x0, this.y, x0 + totalW, this.y, 0.5);
      drawRow(
        headerLines,
        spec.columns.map(() => 'bold'),
        HEADER_FILL,
      );
    };

    const maxRowLines = Math.floor((this.bottom - PAGE.top - 18 - headerH - 2 * padY - 4) / lh);
    const fonts = spec.columns.map((c) => c.font ?? 'regular');
    const captionH = spec.caption ? lh + 2 : 0;
    this.ensure(this.tableStart(spec));
    if (spec.caption) {
      this.drawText(spec.caption, x0, this.y, { size: size, color: GREY });
      this.y += captionH;
    }
    drawHeader();
    if (!showHeader) this.drawLine(x0, this.y, x0 + totalW, this.y, 0.5);
    for (const row of spec.rows) {
      let lines = cellLines(row);
      while (lines.some((l) => l.length > 0)) {
        const take = Math.min(maxRowLines, Math.max(1, ...lines.map((l) => l.length)));
        const part = lines.map((l) => l.slice(0, take));
        const h = Math.max(1, ...part.map((l) => l.length)) * lh + 2 * padY;
        if (this.y + h > this.bottom) {
          this.newPage();
          drawHeader();
          if (!showHeader) this.drawLine(x0, this.y, x0 + totalW, this.y, 0.5);
        }
        drawRow(part, fonts);
        lines = lines.map((l) => l.slice(take));
      }
    }
    this.y += lh / 2;
  }

  /** Draws the running header and footer on every page, then ends the document. */
  async finish(running: RunningText): Promise<{ pdf: Buffer; pages: PageOps[] }> {
    const count = this.pages.length;
    for (let i = 0; i < count; i++) {
      this.doc.switchToPage(i);
      this.pageIndex = i;
      const head = running.header?.(i + 1, count);
      if (head && i > 0) {
        this.drawTextRight(head, PAGE.width - PAGE.right, PAGE.top - 16, {
          size: 8,
          color: GREY,
        });
      }
      const lines = running.footer(i + 1, count);
      let fy = PAGE.height - PAGE.bottom + 22;
      this.drawLine(PAGE.left, fy - 6, PAGE.width - PAGE.right, fy - 6, 0.5);
      for (const line of lines) {
        for (const l of this.wrap(line, CONTENT_WIDTH, 'regular', 7.5)) {
          this.drawText(l, PAGE.left, fy, { size: 7.5, color: GREY });
          fy += this.lineHeight(7.5);
        }
      }
    }
    this.doc.end();
    return { pdf: await this.done, pages: this.pages };
  }
}
