import { normalisePhone } from '../../shared/identifiers';
import type { Authority } from '../../shared/schemas/catalogue';
import type { Db } from '../core/db';
import { failWith } from '../core/errors';
import { getAuthority } from '../catalogue/catalogue';
import type { VERIFICATION_METHODS } from '../../shared/schemas/terms';

type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

const same = (a: string, b: string): boolean => {
  if (a.trim().toLowerCase() === b.trim().toLowerCase()) return true;
  const pa = normalisePhone(a);
  const pb = normalisePhone(b);
  return pa.ok && pb.ok && pa.value.e164 === pb.value.e164;
};

/** The authority's verified catalogue channel `named` refers to (a phone number in any notation). */
export const catalogueChannel = (authority: Authority, named: string) =>
  authority.contacts.find((c) => same(c.value, named)) ?? null;

/**
 * A call-back counts only when it was made on a channel the provider verified beforehand and keeps
 * in the catalogue, never on a number from the request itself (a hijacked mailbox sends its own
 * "duty desk" number). The channel as the catalogue holds it; null when the method is no call-back.
 */
export function callbackChannel(
  authority: Authority,
  v: { method: string; channel?: string | undefined },
): string | null {
  if (v.method !== 'callback') return null;
  if (authority.contacts.length === 0) {
    failWith('BAD_INPUT', 'verification.noChannels', { authority: authority.name });
  }
  const named = v.channel?.trim();
  if (!named) failWith('BAD_INPUT', 'verification.channelRequired', { authority: authority.name });
  const known = catalogueChannel(authority, named!);
  if (!known) {
    return failWith('BAD_INPUT', 'verification.channelUnknown', {
      channel: named!,
      authority: authority.name,
    });
  }
  return known.value;
}

/** The channel the request's latest verification named (kept on its timeline), if any. */
export function verificationChannel(db: Db, requestId: number): string | null {
  const e = db
    .prepare(
      `SELECT details FROM request_event WHERE request_id = ? AND kind IN ('verified', 'logged')
       ORDER BY id DESC LIMIT 1`,
    )
    .get(requestId) as { details: string } | undefined;
  const channel = e ? (JSON.parse(e.details) as { channel?: unknown }).channel : undefined;
  return typeof channel === 'string' ? channel : null;
}

/**
 * Why a recorded verification does not count, or null when it does: a call-back that names no
 * channel (a record from before channels were named, or request JSON without one) or one the
 * catalogue does not (or no longer) hold, a signed document with no document on the request.
 */
export type VerificationGap = 'none' | 'callback_unnamed' | 'callback_unknown' | 'no_document';

export function verificationGap(v: {
  method: VerificationMethod | null;
  channel: string | null;
  authority: Authority;
  hasDocument: boolean;
}): VerificationGap | null {
  if (v.method === null) return 'none';
  if (v.method === 'callback') {
    if (!v.channel) return 'callback_unnamed';
    if (!catalogueChannel(v.authority, v.channel)) return 'callback_unknown';
  }
  if (v.method === 'signed_document' && !v.hasDocument) return 'no_document';
  return null;
}

/** Whether the request holds its original document (what a signed-document verification rests on). */
export const hasDocument = (db: Db, requestId: number): boolean =>
  db.prepare('SELECT 1 FROM request_document WHERE request_id = ?').get(requestId) !== undefined;

/** A request as the verification reads it (a RequestRow). */
interface Verifiable {
  id: number;
  authority_code: string;
  verification_method: VerificationMethod | null;
}

/** The request's verification as the register holds it now, and why it does not count (if so). */
export function verificationOf(
  db: Db,
  r: Verifiable,
): { channel: string | null; gap: VerificationGap | null } {
  if (r.verification_method === null) return { channel: null, gap: 'none' };
  const channel = r.verification_method === 'callback' ? verificationChannel(db, r.id) : null;
  const gap = verificationGap({
    method: r.verification_method,
    channel,
    authority: getAuthority(db, r.authority_code),
    hasDocument: hasDocument(db, r.id),
  });
  return { channel, gap };
}

/** Only a verification that counts lets a disclosure be decided or approved. */
export const isVerified = (db: Db, r: Verifiable): boolean => verificationOf(db, r).gap === null;
