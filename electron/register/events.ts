import type { DeskContext } from '../core/context';

/** One line on a request's timeline; the audit event is written by the caller, same transaction. */
export function addEvent(
  ctx: DeskContext,
  requestId: number,
  kind: string,
  details: Record<string, unknown> = {},
): void {
  ctx.db
    .prepare(
      'INSERT INTO request_event (request_id, at, user, kind, details) VALUES (?, ?, ?, ?, ?)',
    )
    .run(requestId, ctx.nowIso(), ctx.user.name, kind, JSON.stringify(details));
}
