import type { Hi1Sender, Hi1SenderKey } from '../../shared/schemas/hi1';
import type { DeskContext } from '../core/context';
import { failWith } from '../core/errors';
import { findAuthority } from '../catalogue/catalogue';
import { runCheck } from '../register/check';
import { loadRequest } from '../register/store';

/**
 * The HI-1 senders an admin has linked to catalogue authorities. A message's header names its
 * sender; only this link says which authority that is, so an order from a sender not linked is
 * logged but fails the checks (`hi1_sender_unknown`) until an admin links it. Linking or unlinking
 * checks that sender's undecided requests again, so the failure clears (or returns) at once.
 */

interface SenderRow {
  country_code: string;
  unique_identifier: string;
  authority_code: string;
  authority_name: string;
  linked_by: string;
  linked_at: string;
}

const view = (r: SenderRow): Hi1Sender => ({
  countryCode: r.country_code,
  uniqueIdentifier: r.unique_identifier,
  authorityCode: r.authority_code,
  authorityName: r.authority_name,
  linkedBy: r.linked_by,
  linkedAt: r.linked_at,
});

const SELECT = `SELECT s.*, a.name AS authority_name FROM hi1_sender s
  JOIN authority a ON a.code = s.authority_code`;

export function listSenders(ctx: DeskContext): Hi1Sender[] {
  return (
    ctx.db.prepare(`${SELECT} ORDER BY s.country_code, s.unique_identifier`).all() as SenderRow[]
  ).map(view);
}

const subjectOf = (k: Hi1SenderKey) => `hi1-sender:${k.countryCode}/${k.uniqueIdentifier}`;

/** The undecided requests from this sender, checked again (their sender check follows the link). */
function recheckFrom(ctx: DeskContext, k: Hi1SenderKey): string[] {
  const nos = ctx.db
    .prepare(
      `SELECT r.register_no FROM request_hi1 h JOIN request r ON r.id = h.request_id
       WHERE h.sender_country = ? AND h.sender_identifier = ?
         AND r.status IN ('received', 'checked', 'matched') ORDER BY r.id`,
    )
    .all(k.countryCode, k.uniqueIdentifier) as { register_no: string }[];
  for (const { register_no } of nos) runCheck(ctx, loadRequest(ctx.db, register_no));
  return nos.map((n) => n.register_no);
}

export function linkSender(ctx: DeskContext, k: Hi1SenderKey & { authority: string }): Hi1Sender {
  const authority = findAuthority(ctx.db, k.authority);
  return ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `INSERT INTO hi1_sender (country_code, unique_identifier, authority_code, linked_by, linked_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (country_code, unique_identifier) DO UPDATE SET
           authority_code = excluded.authority_code, linked_by = excluded.linked_by,
           linked_at = excluded.linked_at`,
      )
      .run(k.countryCode, k.uniqueIdentifier, authority.code, ctx.user.name, ctx.nowIso());
    const rechecked = recheckFrom(ctx, k);
    ctx.audit('hi1.sender_linked', subjectOf(k), { authority: authority.code, rechecked });
    return view(
      ctx.db
        .prepare(`${SELECT} WHERE s.country_code = ? AND s.unique_identifier = ?`)
        .get(k.countryCode, k.uniqueIdentifier) as SenderRow,
    );
  })();
}

export function unlinkSender(ctx: DeskContext, k: Hi1SenderKey): { done: true } {
  return ctx.db.transaction(() => {
    const gone = ctx.db
      .prepare('DELETE FROM hi1_sender WHERE country_code = ? AND unique_identifier = ?')
      .run(k.countryCode, k.uniqueIdentifier).changes;
    if (gone === 0)
      failWith('NOT_FOUND', 'hi1.senderNotLinked', {
        country: k.countryCode,
        identifier: k.uniqueIdentifier,
      });
    const rechecked = recheckFrom(ctx, k);
    ctx.audit('hi1.sender_unlinked', subjectOf(k), { rechecked });
    return { done: true as const };
  })();
}
