import { hostKind } from '../../api';

/** In the app the core shows a native save dialog; in a browser the file is downloaded. */
export const saveTarget = (): 'dialog' | 'inline' =>
  hostKind() === 'electron' ? 'dialog' : 'inline';

/** Offers bytes or text as a file download (browser host only). */
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

export const base64ToBytes = (b64: string): Uint8Array =>
  Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
