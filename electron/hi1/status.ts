import type { Hi1Status } from '../../shared/schemas/hi1';
import type { DeskContext } from '../core/context';
import { loadRequest } from '../register/store';
import { hi1SenderFact } from './sender-state';

/** Whether a request came as an HI-1 order, its sender and its tasks (no subscriber data). */
export function hi1Status(ctx: DeskContext, registerNo: string): Hi1Status {
  const r = loadRequest(ctx.db, registerNo);
  const sender = hi1SenderFact(ctx.db, r.id);
  const tasks = ctx.db
    .prepare(
      'SELECT ldid, request_type AS type FROM request_hi1_task WHERE request_id = ? ORDER BY idx',
    )
    .all(r.id) as { ldid: string; type: string }[];
  return {
    hi1: sender !== null,
    sender: sender ? { countryCode: sender.country, uniqueIdentifier: sender.identifier } : null,
    senderLinked: sender?.linked ?? false,
    tasks,
  };
}
