import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { DeskContext } from '../core/context';
import { DeskError } from '../core/errors';

export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

/** PDF or image, recognised by content (never by the name alone). */
export function sniffMime(bytes: Buffer): string | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Stores the original request document (picked or uploaded, known by token) in the vault. */
export function storeDocument(
  ctx: DeskContext,
  requestId: number,
  registerNo: string,
  token: string,
): void {
  const file = ctx.session.files.resolve(token);
  if (statSync(file.path).size > MAX_DOCUMENT_BYTES) {
    throw new DeskError(
      'BAD_INPUT',
      'The document is larger than 25 MB; scan it at a lower resolution.',
    );
  }
  const bytes = readFileSync(file.path);
  const mime = sniffMime(bytes);
  if (!mime) {
    throw new DeskError('BAD_INPUT', `${file.name} is not a PDF, PNG or JPEG file.`);
  }
  const exists = ctx.db
    .prepare('SELECT 1 FROM request_document WHERE request_id = ?')
    .get(requestId);
  if (exists) {
    throw new DeskError(
      'CONFLICT',
      `Request ${registerNo} already has its original document; it is never replaced. Add an amendment instead.`,
    );
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
}

/** The stored original document, for viewing; audited. */
export function readDocument(ctx: DeskContext, registerNo: string) {
  const row = ctx.db
    .prepare(
      `SELECT d.name, d.mime, d.size, d.sha256, d.bytes FROM request_document d
       JOIN request r ON r.id = d.request_id WHERE r.register_no = ?`,
    )
    .get(registerNo) as
    { name: string; mime: string; size: number; sha256: string; bytes: Buffer } | undefined;
  if (!row) throw new DeskError('NOT_FOUND', `Request ${registerNo} has no document.`);
  ctx.db.transaction(() =>
    ctx.audit('request.document_viewed', `request:${registerNo}`, { sha256: row.sha256 }),
  )();
  return {
    name: row.name,
    mime: row.mime,
    size: row.size,
    sha256: row.sha256,
    base64: row.bytes.toString('base64'),
  };
}
