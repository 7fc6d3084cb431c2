import { NewRequestInput } from '../../shared/schemas/requests';
import type { Hi1Imported } from '../../shared/schemas/hi1';
import type { DeskContext } from '../core/context';
import { failWith } from '../core/errors';
import { findLegalBasis, getAuthority } from '../catalogue/catalogue';
import { createRequest } from '../register/create';
import { orderOf, readHi1Message, type Hi1Order } from './message';
import { linkedAuthorityCode } from './sender-state';
import { isEpocLegalType, requestFromOrder, type TaskItems } from './to-request';
import { readHi1File } from './xml';

/**
 * Imports an HI-1 order (a file picked or uploaded in this session): refused before parsing when
 * hostile (xml.ts), read (message.ts), mapped to the register's create input (to-request.ts) and
 * logged as any request is — with the message as its document and its HI-1 identifiers stored
 * beside it, before the checks run, so the sender check sees them.
 */
export function importHi1(ctx: DeskContext, token: string): Hi1Imported {
  const file = ctx.session.files.resolve(token);
  const order = orderOf(readHi1Message(readHi1File(file.path)));
  const { sender } = order.header;
  const db = ctx.db;
  const before = db
    .prepare(
      `SELECT r.register_no FROM request_hi1 h JOIN request r ON r.id = h.request_id
       WHERE h.sender_country = ? AND h.sender_identifier = ? AND h.transaction_id = ?
         AND h.authorisation_object_id = ?`,
    )
    .get(
      sender.countryCode,
      sender.uniqueIdentifier,
      order.header.transactionId,
      order.authorisation.objectId,
    ) as { register_no: string } | undefined;
  if (before)
    failWith('CONFLICT', 'hi1.alreadyImported', {
      transaction: order.header.transactionId,
      authorisation: order.authorisation.objectId,
      no: before.register_no,
    });
  const code = linkedAuthorityCode(db, sender.countryCode, sender.uniqueIdentifier);
  const authority = code ? getAuthority(db, code) : null;
  const epoc = isEpocLegalType(order.authorisation.legalType);
  const basisCode = epoc ? null : basisOf(ctx, order);
  const { input, tasks } = requestFromOrder(order, {
    authority,
    basisCode,
    epoc,
    nowIso: ctx.nowIso(),
    userName: ctx.user.name,
  });
  const parsed = NewRequestInput.parse({ ...input, documentToken: token });
  return db.transaction(() => {
    const created = createRequest(ctx, parsed, (id) => storeIdentifiers(ctx, id, order, tasks));
    ctx.audit('hi1.imported', `request:${created.registerNo}`, {
      sender: `${sender.countryCode}/${sender.uniqueIdentifier}`,
      transaction: order.header.transactionId,
      authorisation: order.authorisation.objectId,
      tasks: tasks.map((t) => ({ id: t.objectId, ldid: t.ldid, type: t.type })),
      senderLinked: authority !== null,
      ignored: order.ignored,
    });
    const status = db.prepare('SELECT status FROM request WHERE id = ?').get(created.id) as {
      status: Hi1Imported['status'];
    };
    return {
      registerNo: created.registerNo,
      status: status.status,
      sender,
      senderLinked: authority !== null,
      transactionId: order.header.transactionId,
      tasks,
      ignored: order.ignored,
    };
  })();
}

/** A national order's legal type names a catalogue basis (its code or article). */
function basisOf(ctx: DeskContext, order: Hi1Order): string {
  const legalType = order.authorisation.legalType;
  if (!legalType) return failWith('BAD_INPUT', 'hi1.legalTypeUnknown', { legalType: '(none)' });
  try {
    return findLegalBasis(ctx.db, legalType).code;
  } catch {
    return failWith('BAD_INPUT', 'hi1.legalTypeUnknown', { legalType });
  }
}

/** The HI-1 identifiers of an order beside its request (before the checks run). */
export function storeIdentifiers(ctx: DeskContext, id: number, o: Hi1Order, tasks: TaskItems[]): void {
  const h = o.header;
  ctx.db
    .prepare(
      `INSERT INTO request_hi1 (request_id, sender_country, sender_identifier, receiver_country,
         receiver_identifier, transaction_id, message_timestamp, etsi_version,
         authorisation_object_id, authorisation_reference, legal_type)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      h.sender.countryCode,
      h.sender.uniqueIdentifier,
      h.receiver.countryCode,
      h.receiver.uniqueIdentifier,
      h.transactionId,
      h.timestamp,
      h.version,
      o.authorisation.objectId,
      o.authorisation.reference,
      o.authorisation.legalType,
    );
  const insert = ctx.db.prepare(
    `INSERT INTO request_hi1_task (request_id, idx, object_id, ldid, request_type, items)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  tasks.forEach((t, i) =>
    insert.run(id, i + 1, t.objectId, t.ldid, t.type, JSON.stringify(t.items)),
  );
}
