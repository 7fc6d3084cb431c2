import { hostKind } from '../../api';

/** In the app the core shows a native save dialog; in a browser the file is downloaded. */
export const fileTarget = (): 'dialog' | 'inline' =>
  hostKind() === 'electron' ? 'dialog' : 'inline';

/** Offers text or base64 bytes as a download (browser host only; nothing is written by the page). */
export function download(
  name: string,
  mime: string,
  content: { text: string } | { base64: string },
) {
  const part: BlobPart =
    'text' in content
      ? content.text
      : Uint8Array.from(atob(content.base64), (c) => c.charCodeAt(0));
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
