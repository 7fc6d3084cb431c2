import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { z } from 'zod';
import type { DocumentText } from '../../shared/schemas/requests';
import type { DeskContext } from '../core/context';
import { FileDelivery } from '../core/deliver';
import { DeskError, wordedError } from '../core/errors';
import { intakeCatalogues } from '../intake/extract';
import { decodeText } from '../intake/read/text';
import { sniff } from '../intake/read/sniff';
import { extractInWorker } from '../intake/run-worker';

export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

/** The documents the wizard reads, by what intake recognises in the bytes, and their names. */
const READ_IN: Record<string, { mime: string; extensions: string[] }> = {
  eml: { mime: 'message/rfc822', extensions: ['.eml'] },
  msg: { mime: 'application/vnd.ms-outlook', extensions: ['.msg'] },
  json: { mime: 'application/json', extensions: ['.json'] },
  hi1: { mime: 'application/xml', extensions: ['.xml'] },
  text: { mime: 'text/plain', extensions: ['.txt', '.text', '.xml'] },
};

/** PDF or image, recognised by content (never by the name alone). */
export function sniffMime(bytes: Buffer): string | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/**
 * A request document's type: a PDF or image by content; a mail, Outlook message, text or
 * request JSON when the content is that kind AND the name says so, so that text named `.pdf`
 * (or an Office file, which shares the .msg signature) is never taken for a request document.
 */
export function documentMime(bytes: Buffer, name: string): string | null {
  const binary = sniffMime(bytes);
  if (binary) return binary;
  const s = sniff(bytes, name);
  const kind = s.kind ? READ_IN[s.kind] : undefined;
  // A mail saved as .txt, or request JSON saved as .txt, is still the text it was read from.
  const ext = extname(name).toLowerCase();
  if (kind?.extensions.includes(ext)) return kind.mime;
  if (s.kind && s.kind !== 'msg' && READ_IN.text!.extensions.includes(ext)) return 'text/plain';
  return null;
}

/** Stores the original request document (picked or uploaded, known by token) in the vault. */
export function storeDocument(
  ctx: DeskContext,
  requestId: number,
  registerNo: string,
  token: string,
): { sha256: string } {
  const file = ctx.session.files.resolve(token);
  if (statSync(file.path).size > MAX_DOCUMENT_BYTES) {
    throw wordedError('BAD_INPUT', 'register.documentTooLarge');
  }
  const bytes = readFileSync(file.path);
  const mime = documentMime(bytes, file.name);
  if (!mime) {
    throw wordedError('BAD_INPUT', 'register.documentType', { name: file.name });
  }
  const exists = ctx.db
    .prepare('SELECT 1 FROM request_document WHERE request_id = ?')
    .get(requestId);
  if (exists) {
    throw wordedError('CONFLICT', 'register.documentExists', { no: registerNo });
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  ctx.db
    .prepare(
      `INSERT INTO request_document (request_id, name, mime, size, sha256, bytes, added_by, added_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(requestId, file.name, mime, bytes.length, sha256, bytes, ctx.user.name, ctx.nowIso());
  ctx.db
    .prepare(
      'INSERT INTO request_event (request_id, at, user, kind, details) VALUES (?, ?, ?, ?, ?)',
    )
    .run(
      requestId,
      ctx.nowIso(),
      ctx.user.name,
      'document_added',
      JSON.stringify({ sha256, mime }),
    );
  ctx.audit('request.document_added', `request:${registerNo}`, {
    sha256,
    mime,
    size: bytes.length,
  });
  return { sha256 };
}

/** The stored original document's row; its viewing is audited. */
function viewDocument(ctx: DeskContext, registerNo: string, action = 'request.document_viewed') {
  const row = ctx.db
    .prepare(
      `SELECT d.name, d.mime, d.size, d.sha256, d.bytes FROM request_document d
       JOIN request r ON r.id = d.request_id WHERE r.register_no = ?`,
    )
    .get(registerNo) as
    { name: string; mime: string; size: number; sha256: string; bytes: Buffer } | undefined;
  if (!row) throw wordedError('NOT_FOUND', 'register.noDocument', { no: registerNo });
  ctx.db.transaction(() => ctx.audit(action, `request:${registerNo}`, { sha256: row.sha256 }))();
  return row;
}

/**
 * The original document to a file picked in the save dialog, to open it in the reader the
 * computer has (a PDF with its layout, a mail in the mail program); the file leaves the vault,
 * so it is audited as `request.document_saved` with the file's name.
 */
export async function saveDocument(ctx: DeskContext, registerNo: string) {
  const known = ctx.db
    .prepare(
      `SELECT d.name FROM request_document d JOIN request r ON r.id = d.request_id
       WHERE r.register_no = ?`,
    )
    .get(registerNo) as { name: string } | undefined;
  if (!known) throw wordedError('NOT_FOUND', 'register.noDocument', { no: registerNo });
  const ext = extname(known.name).slice(1).toLowerCase();
  const to = await FileDelivery.choose(ctx, 'dialog', {
    title: 'Save the original request document',
    fileName: `${registerNo}-${known.name}`,
    extensions: ext ? [ext] : [],
  }).catch((e: unknown) => {
    if (e instanceof DeskError && e.code === 'CANCELLED') return null;
    throw e;
  });
  if (!to?.path) return { saved: false, name: null };
  const name = basename(to.path);
  to.write(ctx, () => ({ content: viewDocument(ctx, registerNo, 'request.document_saved').bytes }));
  return { saved: true, name };
}

/** The stored original document, for viewing; audited. */
export function readDocument(ctx: DeskContext, registerNo: string) {
  const row = viewDocument(ctx, registerNo);
  return {
    name: row.name,
    mime: row.mime,
    size: row.size,
    sha256: row.sha256,
    base64: row.bytes.toString('base64'),
  };
}

/**
 * The stored original document as text, for reading it again in the app (which shows no PDF
 * inline): a PDF, mail or Outlook message read by intake's worker, text and JSON as they are.
 * An image has no text (no pages); the app shows it from `readDocument`. Audited as a view.
 */
export async function documentText(
  ctx: DeskContext,
  registerNo: string,
): Promise<z.infer<typeof DocumentText>> {
  const row = viewDocument(ctx, registerNo);
  const head = { name: row.name, mime: row.mime, sha256: row.sha256 };
  if (row.mime.startsWith('image/')) return { ...head, pages: [], unreadPages: [] };
  if (row.mime === 'text/plain' || row.mime === 'application/json' || row.mime === 'application/xml') {
    return { ...head, pages: [{ origin: 'body', text: decodeText(row.bytes) }], unreadPages: [] };
  }
  const draft = await extractInWorker({ bytes: row.bytes, name: row.name }, intakeCatalogues(ctx));
  const doc = draft.extraction.document;
  const scan = draft.warnings.find((w) => w.code === 'no_text_layer');
  return {
    ...head,
    pages: (doc.pageTexts ?? []).map((text, i) => ({ origin: doc.origins[i] ?? 'body', text })),
    unreadPages: String(scan?.params.pages ?? '')
      .split(',')
      .filter(Boolean)
      .map(Number),
  };
}
