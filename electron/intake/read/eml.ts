import PostalMime from 'postal-mime';
import type { IntakeWarning } from '../../../shared/schemas/intake';
import type { IntakeDocument } from '../text/document';
import { readAttachments } from './attachments';
import { htmlToText } from './html-text';
import { refuse } from './limits';
import { cleanText } from './text';

/**
 * A mail (.eml): page 1 is its header (From, To, Date, Subject as sent) and its body; then the
 * pages of every PDF and text attachment, each page named after its attachment.
 */
const mailbox = (a: { name?: string; address?: string } | undefined) =>
  a ? (a.name ? `${a.name} <${a.address ?? ''}>` : (a.address ?? '')) : '';

export async function readEml(
  bytes: Uint8Array,
): Promise<{ doc: IntakeDocument; warnings: IntakeWarning[] }> {
  const head = Buffer.from(bytes.subarray(0, 64 * 1024)).toString('latin1');
  const contentType =
    /^content-type:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*/im.exec(
      head.split(/\r?\n\r?\n/)[0] ?? '',
    )?.[0] ?? '';
  if (/multipart\//i.test(contentType) && !/boundary\s*=/i.test(contentType)) {
    refuse('malformed_mime', 'The mail is multipart but names no boundary; it cannot be read.');
  }
  let email: Awaited<ReturnType<typeof PostalMime.parse>>;
  try {
    email = await PostalMime.parse(bytes, {
      attachmentEncoding: 'arraybuffer',
      maxNestingDepth: 20,
    });
  } catch {
    refuse('malformed_mime', 'The mail’s MIME structure cannot be read.');
  }
  if (!email.headers.length) refuse('malformed_mime', 'The file has no mail header.');
  const raw = (key: string) => email.headers.find((h) => h.key === key)?.value;
  const header = [
    `From: ${mailbox(email.from as { name?: string; address?: string } | undefined)}`,
    email.to?.length
      ? `To: ${email.to.map((t) => mailbox(t as { name?: string; address?: string })).join(', ')}`
      : '',
    raw('date') ? `Date: ${raw('date')}` : '',
    email.subject ? `Subject: ${email.subject}` : '',
  ].filter(Boolean);
  const body = email.text ?? (email.html ? htmlToText(email.html) : '');
  const pages: IntakeDocument['pages'] = [{ text: cleanText(`${header.join('\n')}\n\n${body}`) }];
  const att = await readAttachments(
    email.attachments.map((a) => ({
      name: a.filename ?? 'attachment',
      mime: a.mimeType,
      bytes: new Uint8Array(a.content as ArrayBuffer),
      inline: a.related === true || (a.disposition === 'inline' && /^image\//.test(a.mimeType)),
    })),
  );
  pages.push(...att.pages);
  return { doc: { kind: 'eml', pages }, warnings: att.warnings };
}
