import MsgReaderModule from '@kenjiuno/msgreader';
import type { IntakeWarning } from '../../../shared/schemas/intake';
import type { IntakeDocument } from '../text/document';
import { readAttachments } from './attachments';
import { htmlToText } from './html-text';
import { refuse } from './limits';
import { cleanText } from './text';

/** The reader class, whether the CommonJS module arrives wrapped (plain ESM) or not (bundles). */
const MsgReader: typeof MsgReaderModule =
  (MsgReaderModule as unknown as { default?: typeof MsgReaderModule }).default ?? MsgReaderModule;
type MsgReader = MsgReaderModule;

/** An Outlook message (.msg): read as a mail — its header, body and PDF/text attachments. */
export async function readMsg(
  bytes: Uint8Array,
): Promise<{ doc: IntakeDocument; warnings: IntakeWarning[] }> {
  let reader: MsgReader;
  let data: ReturnType<MsgReader['getFileData']>;
  try {
    reader = new MsgReader(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    data = reader.getFileData();
  } catch {
    refuse('broken_msg', 'The Outlook message cannot be read.');
  }
  if (data.error) refuse('broken_msg', 'The Outlook message cannot be read.');
  const sent = data.messageDeliveryTime ?? data.clientSubmitTime;
  const from = data.senderName
    ? `${data.senderName} <${data.senderSmtpAddress ?? data.senderEmail ?? ''}>`
    : (data.senderSmtpAddress ?? data.senderEmail ?? '');
  const header = [
    `From: ${from}`,
    sent ? `Date: ${sent}` : '',
    data.subject ? `Subject: ${data.subject}` : '',
  ].filter(Boolean);
  const html = (data as { html?: Uint8Array }).html;
  const body = data.body ?? (html ? htmlToText(new TextDecoder().decode(html)) : '');
  const pages: IntakeDocument['pages'] = [{ text: cleanText(`${header.join('\n')}\n\n${body}`) }];
  const list = (data.attachments ?? []).map((a) => {
    const file = reader.getAttachment(a);
    return {
      name: file.fileName || a.fileName || 'attachment',
      mime: a.attachMimeTag ?? '',
      bytes: file.content,
      inline: !!(a as { attachmentHidden?: boolean }).attachmentHidden,
    };
  });
  const att = await readAttachments(list);
  pages.push(...att.pages);
  return { doc: { kind: 'msg', pages }, warnings: att.warnings };
}
