import { statSync } from 'node:fs';
import type { z } from 'zod';
import type { NewItem, NewRequestInput } from '../../shared/schemas/requests';
import type { DeskContext } from '../core/context';
import { storeIdentifiers } from './import';
import { orderOf, readHi1Message, type Hi1Order } from './message';
import { isEpocLegalType, requestFromOrder, type TaskItems } from './to-request';
import { MAX_HI1_BYTES, readHi1File } from './xml';

type Parsed = z.output<typeof NewRequestInput>;

/** An item as compared: what the officer may have changed of it. */
const itemKey = (i: NewItem) =>
  JSON.stringify([
    i.kind,
    i.value,
    i.port === undefined ? null : String(i.port),
    i.moment ?? null,
    i.period ?? null,
    i.timeZone ?? null,
  ]);

/** The order in a request document, or null when it is none (or not one the desk reads). */
function orderIn(ctx: DeskContext, token: string): Hi1Order | null {
  try {
    const file = ctx.session.files.resolve(token);
    if (statSync(file.path).size > MAX_HI1_BYTES) return null;
    const bytes = readHi1File(file.path);
    if (!/<(?:[A-Za-z_][\w.-]*:)?HI1Message[\s>/]/.test(bytes.subarray(0, 65536).toString('utf8')))
      return null;
    return orderOf(readHi1Message(bytes));
  } catch {
    // Not an order (or refused as hostile): stored as a document only, never parsed further.
    return null;
  }
}

/**
 * A request logged in the wizard from an HI-1 order keeps the order's HI-1 identifiers, so it can
 * be answered over HI-1 like an imported one — but only while its identifiers are exactly those
 * the message gives (in its order): an officer who changed them made a request the tasks no longer
 * describe, which is then logged as any other. A transaction already logged keeps its first request.
 */
export function hi1IdentifiersFor(
  ctx: DeskContext,
  input: Parsed,
): ((id: number, registerNo: string) => void) | undefined {
  if (!input.documentToken) return undefined;
  const order = orderIn(ctx, input.documentToken);
  if (!order) return undefined;
  let tasks: TaskItems[];
  let items: NewItem[];
  try {
    ({
      tasks,
      input: { items },
    } = requestFromOrder(order, {
      authority: null,
      basisCode: '',
      epoc: isEpocLegalType(order.authorisation.legalType),
      nowIso: ctx.nowIso(),
      userName: ctx.user.name,
    }));
  } catch {
    return undefined;
  }
  if (items.map(itemKey).join('\n') !== input.items.map(itemKey).join('\n')) return undefined;
  const { sender } = order.header;
  const seen = ctx.db
    .prepare(
      `SELECT 1 FROM request_hi1 WHERE sender_country = ? AND sender_identifier = ?
         AND transaction_id = ? AND authorisation_object_id = ?`,
    )
    .get(
      sender.countryCode,
      sender.uniqueIdentifier,
      order.header.transactionId,
      order.authorisation.objectId,
    );
  if (seen) return undefined;
  return (id, registerNo) => {
    storeIdentifiers(ctx, id, order, tasks);
    ctx.audit('hi1.imported', `request:${registerNo}`, {
      via: 'wizard',
      sender: `${sender.countryCode}/${sender.uniqueIdentifier}`,
      transaction: order.header.transactionId,
      authorisation: order.authorisation.objectId,
      tasks: tasks.map((t) => ({ id: t.objectId, ldid: t.ldid, type: t.type })),
    });
  };
}
