import type { IntakeWarning } from '../../../shared/schemas/intake';
import type { IntakeDocument } from '../text/document';
import { LIMITS, refuse } from './limits';
import { readPdf } from './pdf';
import { decodeText, textPages } from './text';

/**
 * The attachments of a mail that are read along with its body: PDFs (their text layer) and
 * plain text. Archives are never unpacked (no zip bomb can go off); images, office files and
 * the like are skipped and named in a warning.
 */
export interface AttachmentInput {
  name: string;
  mime: string;
  bytes: Uint8Array;
  /** An inline picture of the HTML body (a logo): skipped without a word. */
  inline?: boolean;
}

const ARCHIVE = /zip|gzip|x-7z|x-rar|x-tar|x-bzip|compressed/i;

export async function readAttachments(
  list: AttachmentInput[],
): Promise<{ pages: IntakeDocument['pages']; warnings: IntakeWarning[] }> {
  if (list.length > LIMITS.attachments) {
    refuse('too_many_attachments', `The mail has more than ${LIMITS.attachments} attachments.`, {
      max: LIMITS.attachments,
    });
  }
  const pages: IntakeDocument['pages'] = [];
  const warnings: IntakeWarning[] = [];
  for (const a of list) {
    if (a.bytes.byteLength > LIMITS.attachmentBytes) {
      refuse('attachment_too_large', `The attachment ${a.name} is larger than 25 MB.`, {
        name: a.name,
        maxBytes: LIMITS.attachmentBytes,
      });
    }
    const isPdf =
      /pdf/i.test(a.mime) ||
      /\.pdf$/i.test(a.name) ||
      Buffer.from(a.bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
    if (isPdf) {
      const r = await readPdf(a.bytes, a.name);
      pages.push(...r.pages);
      warnings.push(...r.warnings);
    } else if (/^text\/plain/i.test(a.mime) || /\.txt$/i.test(a.name)) {
      pages.push(...textPages(decodeText(a.bytes), a.name));
    } else if (!a.inline) {
      const reason =
        ARCHIVE.test(a.mime) || /\.(zip|gz|7z|rar|tar|tgz)$/i.test(a.name) ? 'archive' : 'type';
      warnings.push({ code: 'attachment_skipped', params: { name: a.name, reason } });
    }
    if (pages.length > LIMITS.pages)
      refuse('too_many_pages', `The mail has more than ${LIMITS.pages} pages.`, {
        max: LIMITS.pages,
      });
  }
  return { pages, warnings };
}
