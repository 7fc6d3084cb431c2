/**
 * A one-page PDF with a text layer, written by hand (no PDF library: this file is bundled into
 * the Electron smoke driver, which has no node_modules of its own): the request document the
 * smoke journey reads in through the intake worker, where pdf.js extracts its text.
 */
export const REQUEST_LINES = [
  'Politie Amsterdam, Team Digitale Opsporing',
  'Vordering verstrekking gegevens (artikel 126na lid 1 Sv)',
  'Zaaknummer: PL1300-2026012345',
  'Gevraagd: naam en adres van de gebruiker van telefoonnummer 06-23456789',
  'op 1 mei 2024 om 10:00 uur.',
  'J. de Boer, opsporingsambtenaar',
];

/** PDF text strings escape backslashes and parentheses. */
const pdfString = (s: string) => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;

export function requestDocumentPdf(lines: readonly string[] = REQUEST_LINES): Buffer {
  const text = lines.map((l, i) => `BT /F1 11 Tf 72 ${770 - i * 18} Td ${pdfString(l)} Tj ET`);
  const stream = text.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
