/** Turns base64 PDF bytes into a Blob (never a file on disk: the browser downloads it on request). */
export function pdfBlob(base64: string): Blob {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type: 'application/pdf' });
}

/** The test transport (browser) has no save or print dialog: it downloads the PDF instead. */
export function downloadPdf(base64: string, name: string): void {
  const url = URL.createObjectURL(pdfBlob(base64));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
