import { normalisePhone } from '../../shared/identifiers';
import type { Authority } from '../../shared/schemas/catalogue';
import type { Db } from '../core/db';
import { failWith } from '../core/errors';

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
