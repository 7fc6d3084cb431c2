import { createHash, randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { FileTarget } from '../../shared/schemas/files';
import type { Hi1Exported } from '../../shared/schemas/hi1';
import type { MatchStatus } from '../../shared/schemas/terms';
import type { DeskContext } from '../core/context';
import type { Db } from '../core/db';
import { FileDelivery } from '../core/deliver';
import { failWith } from '../core/errors';
import { disclosedData } from '../letters/from-register';
import { latestDecision, type Decision } from '../register/decisions';
import { addEvent } from '../register/events';
import {
  isFinal,
  latestMatches,
  loadItems,
  loadRequest,
  requestSubject,
  type ItemRow,
} from '../register/store';
import { el, serialise, type XmlNode } from './write';
import { NS } from './xml';

/**
 * The answer to an HI-1 order as an HI1Message (docs/HI1.md): per LDTaskObject a DELIVER of a
 * DeliveryObject (the disclosed data as a JSON payload, or DataExistence false) and an UPDATE of
 * the task's status — `Disclosed`, `DisclosureNotAvailable` or `Rejected`. Only a decision that
 * took effect is answered (a disclosure once approved). The file leaves the vault through the
 * core's file delivery, written with its audit event in one transaction.
 */

export const DELIVERY_FORMAT = 'naw-desk/hi1-delivery/1';
export type TaskStatus = 'Disclosed' | 'DisclosureNotAvailable' | 'Rejected';

interface Hi1Row {
  sender_country: string;
  sender_identifier: string;
  receiver_country: string;
  receiver_identifier: string;
  transaction_id: string;
  etsi_version: string;
  authorisation_object_id: string;
}
interface TaskRow {
  idx: number;
  object_id: string;
  ldid: string;
  request_type: string;
  items: string;
}

/** What the delivery says of an item it does not disclose, by its match outcome. */
const UNANSWERED: Partial<Record<MatchStatus, string>> = {
  no_match: 'no_data',
  needs_port: 'needs_port',
  ambiguous: 'conflict',
  invalid_input: 'unusable',
  invalid_time: 'unusable',
  ambiguous_time: 'unusable',
};

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
/** A TS 103 120 dictionary entry. */
const dict = (owner: string, name: string, value: string): XmlNode[] => [
  el('common:Owner', owner),
  el('common:Name', name),
  el('common:Value', value),
];

/** The items of one task as the delivery states them: only disclosed categories, only decided items. */
function taskPayload(
  items: ItemRow[],
  matches: Map<number, ReturnType<typeof latestMatches>[number]>,
  d: Decision,
) {
  return items.map((i) => {
    const m = matches.get(i.idx);
    const base = {
      index: i.idx,
      kind: i.kind,
      value: i.normalised ?? i.value,
      ...(i.port !== null ? { port: i.port } : {}),
      ...(i.period_to !== null
        ? { period: { from: iso(i.utc_ms), to: iso(i.period_to_utc_ms) } }
        : { moment: iso(i.utc_ms) }),
    };
    if (d.outcome === 'disclose' && d.items.includes(i.idx) && m?.status === 'match') {
      return {
        ...base,
        outcome: 'disclosed',
        subscribers: m.subscribers.map((s) => ({
          ...disclosedData(s, m.evidence, i.normalised ?? i.value, d.categories),
          ...(s.interval ? { interval: s.interval } : {}),
        })),
      };
    }
    return { ...base, outcome: (m && UNANSWERED[m.status]) ?? 'not_answered', subscribers: [] };
  });
}

function loadHi1(db: Db, requestId: number, registerNo: string) {
  const h = db.prepare('SELECT * FROM request_hi1 WHERE request_id = ?').get(requestId) as
    Hi1Row | undefined;
  if (!h) return failWith('BAD_INPUT', 'hi1.notHi1Request', { no: registerNo });
  const tasks = db
    .prepare('SELECT * FROM request_hi1_task WHERE request_id = ? ORDER BY idx')
    .all(requestId) as TaskRow[];
  return { h, tasks };
}

/** The request, its HI-1 identifiers and the decision in effect; refused when not answerable. */
function answerable(db: Db, registerNo: string) {
  const r = loadRequest(db, registerNo);
  const { h, tasks } = loadHi1(db, r.id, registerNo);
  const d = latestDecision(db, r);
  if (!d || !isFinal(r.status)) {
    const key = r.status === 'awaiting_approval' ? 'hi1.notApproved' : 'hi1.notDecided';
    return failWith('CONFLICT', key, { no: registerNo });
  }
  return { r, h, tasks, d };
}

/** The message and what it says per task; reads the disclosed data (the caller audits it). */
export function buildAnswer(ctx: DeskContext, registerNo: string) {
  const db = ctx.db;
  const { r, h, tasks, d } = answerable(db, registerNo);
  const items = new Map(loadItems(db, r.id).map((i) => [i.idx, i]));
  const matches = new Map(latestMatches(db, r.id).map((m) => [m.index, m]));
  const owner = [el('CountryCode', h.sender_country), el('OwnerIdentifier', h.sender_identifier)];
  const actions: XmlNode[] = [];
  const sent: Hi1Exported['tasks'] = [];
  const customers = new Set<string>();
  let n = 0;
  for (const t of tasks) {
    const own = (JSON.parse(t.items) as number[]).flatMap((i) => items.get(i) ?? []);
    const payload =
      d.outcome === 'refuse' || d.outcome === 'referred' ? null : taskPayload(own, matches, d);
    const disclosed = payload?.some((p) => p.outcome === 'disclosed') ?? false;
    const status: TaskStatus =
      payload === null ? 'Rejected' : disclosed ? 'Disclosed' : 'DisclosureNotAvailable';
    const deliveryId = randomUUID();
    if (payload !== null) {
      for (const i of own)
        for (const s of matches.get(i.idx)?.subscribers ?? [])
          if (disclosed && d.items.includes(i.idx)) customers.add(s.customerId);
      const json = Buffer.from(
        JSON.stringify({
          format: DELIVERY_FORMAT,
          registerNo,
          ldid: t.ldid,
          task: t.object_id,
          requestType: t.request_type,
          categories: d.categories,
          items: payload,
        }),
        'utf8',
      );
      const body = disclosed
        ? [
            el('delivery:BinaryData', [
              el('delivery:Data', json.toString('base64')),
              el('delivery:ContentType', 'application/json'),
              el('delivery:Checksum', createHash('sha256').update(json).digest('hex')),
              el('delivery:ChecksumType', dict('ETSI', 'ChecksumType', 'SHA-256')),
            ]),
          ]
        : [el('delivery:DataExistence', 'false')];
      const objectId = randomUUID();
      actions.push(
        el('ActionRequest', [
          el('ActionIdentifier', String(n++)),
          el('DELIVER', [
            el('Identifier', objectId),
            el(
              'HI1Object',
              [
                el('ObjectIdentifier', objectId),
                ...owner,
                el('AssociatedObjects', [el('AssociatedObject', t.object_id)]),
                el('delivery:Reference', [el('delivery:LDID', t.ldid)]),
                el('delivery:DeliveryID', deliveryId),
                el('delivery:SequenceNumber', '1'),
                el('delivery:LastSequence', 'true'),
                el('delivery:Manifest', [
                  el(
                    'delivery:Specification',
                    dict(h.receiver_country, 'ManifestSpecification', DELIVERY_FORMAT),
                  ),
                ]),
                el('delivery:Delivery', body),
              ],
              { 'xsi:type': 'delivery:DeliveryObject' },
            ),
          ]),
        ]),
      );
    }
    actions.push(
      el('ActionRequest', [
        el('ActionIdentifier', String(n++)),
        el('UPDATE', [
          el(
            'HI1Object',
            [
              el('ObjectIdentifier', t.object_id),
              ...owner,
              el('task:Reference', t.ldid),
              el('task:Status', dict('ETSI', 'LDTaskStatus', status)),
            ],
            { 'xsi:type': 'task:LDTaskObject' },
          ),
        ]),
      ]),
    );
    sent.push({ ldid: t.ldid, status, deliveryId });
  }
  const transactionId = randomUUID();
  const message = el(
    'HI1Message',
    [
      el('Header', [
        el('SenderIdentifier', [
          el('CountryCode', h.receiver_country),
          el('UniqueIdentifier', h.receiver_identifier),
        ]),
        el('ReceiverIdentifier', [
          el('CountryCode', h.sender_country),
          el('UniqueIdentifier', h.sender_identifier),
        ]),
        el('TransactionIdentifier', transactionId),
        el('Timestamp', ctx.nowIso()),
        el('Version', [
          el('ETSIVersion', h.etsi_version || 'V1.13.1'),
          el('NationalProfileOwner', h.receiver_country),
          el('NationalProfileVersion', 'v1.0'),
        ]),
      ]),
      el('Payload', [el('RequestPayload', [el('ActionRequests', actions)])]),
    ],
    {
      xmlns: NS.core,
      'xmlns:common': NS.common,
      'xmlns:task': NS.task,
      'xmlns:delivery': NS.delivery,
      'xmlns:xsi': NS.xsi,
    },
  );
  const xml = serialise(message);
  return {
    request: r,
    xml,
    sha256: createHash('sha256').update(xml).digest('hex'),
    transactionId,
    answersTransaction: h.transaction_id,
    outcome: d.outcome,
    tasks: sent,
    customers: [...customers],
  };
}

export async function exportHi1(
  ctx: DeskContext,
  registerNo: string,
  target: FileTarget,
): Promise<Hi1Exported> {
  // Refused before any dialog opens: a request that cannot be answered costs no file.
  answerable(ctx.db, registerNo);
  const to = await FileDelivery.choose(ctx, target, {
    title: 'Save the HI-1 answer',
    fileName: `${registerNo}-hi1.xml`,
    extensions: ['xml'],
  });
  const made = to.write(ctx, () => {
    const a = buildAnswer(ctx, registerNo);
    addEvent(ctx, a.request.id, 'hi1_exported', { sha256: a.sha256, tasks: a.tasks });
    ctx.audit('hi1.exported', requestSubject(a.request), {
      sha256: a.sha256,
      transaction: a.transactionId,
      answers: a.answersTransaction,
      outcome: a.outcome,
      target: to.target,
      ...(to.path ? { file: basename(to.path) } : {}),
      tasks: a.tasks,
      disclosedCustomers: a.customers.length,
    });
    return { content: a.xml, ...a };
  });
  return {
    saved: to.path !== null,
    name: to.path ? basename(to.path) : null,
    xml: to.inline(made.xml),
    sha256: made.sha256,
    tasks: made.tasks,
  };
}
