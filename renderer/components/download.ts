import { hostKind } from '../api';

/**
 * Files that leave the app: in Electron the core shows a native save dialog and writes the file
 * (`dialog`); in a browser (the test transport) the page receives the content (`inline`) and
 * offers it as a download. Nothing is ever written to a temp file.
 */
export const saveTarget = (): 'dialog' | 'inline' =>
  hostKind() === 'electron' ? 'dialog' : 'inline';

export const base64ToBytes = (b64: string): Uint8Array =>
  Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

/** Offers text or bytes as a file download (browser host only). */
export function downloadFile(name: string, content: string | Uint8Array, mime: string): void {
  const part: BlobPart = typeof content === 'string' ? content : new Uint8Array(content);
  const url = URL.createObjectURL(new Blob([part], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
