import type { Element } from '@xmldom/xmldom';
import { failWith } from '../core/errors';
import {
  child,
  childElements,
  children,
  dictionaryValue,
  guardedText,
  NS,
  parseHi1Xml,
  textOf,
  xsiType,
} from './xml';

/**
 * An HI1Message (ETSI TS 103 120) as the desk reads it: the header and, per action, what it
 * carries. Pure: bytes in, a typed message out, or a worded refusal. Read by the import (an order:
 * CREATE of an AuthorisationObject and LDTaskObjects), by intake (the same, into a draft), and by
 * the tests of the export (DELIVER of DeliveryObjects, UPDATE of the tasks' status).
 */

export interface Hi1Endpoint {
  countryCode: string;
  uniqueIdentifier: string;
}

export interface Hi1Header {
  sender: Hi1Endpoint;
  receiver: Hi1Endpoint;
  transactionId: string;
  timestamp: string;
  version: string;
}

export interface Hi1Authorisation {
  objectId: string;
  countryCode: string | null;
  ownerId: string | null;
  reference: string | null;
  legalType: string | null;
  priority: string | null;
  desiredStatus: string | null;
  timespan: { start: string | null; end: string | null };
  emergency: boolean;
  approverName: string | null;
  approverRole: string | null;
}

export interface Hi1RequestValue {
  formatOwner: string | null;
  formatName: string;
  value: string;
}

export interface Hi1Task {
  objectId: string;
  countryCode: string | null;
  ownerId: string | null;
  associated: string[];
  ldid: string;
  desiredStatus: string | null;
  type: string;
  subtypes: string[];
  observedTime: string | null;
  startTime: string | null;
  endTime: string | null;
  values: Hi1RequestValue[];
  emergency: boolean;
  /** `task:Deadlines`: each deadline the issuer set, its date-time and what it is for. */
  deadlines: Hi1Deadline[];
}

export interface Hi1Deadline {
  dateTime: string;
  nature: string | null;
}

export interface Hi1Delivery {
  objectId: string;
  associated: string[];
  ldid: string | null;
  deliveryId: string | null;
  sequenceNumber: number | null;
  lastSequence: boolean;
  manifest: string | null;
  dataExistence: boolean | null;
  /** The delivered data: BinaryData's Data, base64-decoded. */
  data: Buffer | null;
  contentType: string | null;
  checksum: string | null;
}

export interface Hi1TaskStatus {
  objectId: string;
  ldid: string | null;
  status: string | null;
}

export type Hi1Action =
  | { id: string; verb: 'CREATE'; authorisation: Hi1Authorisation }
  | { id: string; verb: 'CREATE'; task: Hi1Task }
  | { id: string; verb: 'DELIVER'; delivery: Hi1Delivery }
  | { id: string; verb: 'UPDATE'; taskStatus: Hi1TaskStatus }
  | { id: string; verb: string; other: string };

export interface Hi1Message {
  header: Hi1Header;
  actions: Hi1Action[];
}

/** The prefixes this file names types by, whatever prefix the message itself chose. */
const PREFIX: Record<string, string> = {
  [NS.task]: 'task:',
  [NS.auth]: 'auth:',
  [NS.delivery]: 'delivery:',
};

const need = (e: Element | null, ns: string, name: string): string =>
  textOf(e, ns, name) ?? failWith('BAD_INPUT', 'hi1.missing', { element: name });

const endpoint = (e: Element | null, name: string): Hi1Endpoint => {
  const el = child(e, NS.core, name) ?? failWith('BAD_INPUT', 'hi1.missing', { element: name });
  return {
    countryCode: need(el, NS.core, 'CountryCode').toUpperCase(),
    uniqueIdentifier: need(el, NS.core, 'UniqueIdentifier'),
  };
};

function header(root: Element): Hi1Header {
  const h =
    child(root, NS.core, 'Header') ?? failWith('BAD_INPUT', 'hi1.missing', { element: 'Header' });
  const version = child(h, NS.core, 'Version');
  return {
    sender: endpoint(h, 'SenderIdentifier'),
    receiver: endpoint(h, 'ReceiverIdentifier'),
    transactionId: need(h, NS.core, 'TransactionIdentifier'),
    timestamp: need(h, NS.core, 'Timestamp'),
    version: textOf(version, NS.core, 'ETSIVersion') ?? textOf(version) ?? '',
  };
}

const associatedOf = (o: Element) =>
  children(child(o, NS.core, 'AssociatedObjects'), NS.core, 'AssociatedObject')
    .map((a) => textOf(a))
    .filter((s): s is string => s !== null);

/** Flags named like `IsEmergency` in a list of dictionary entries. */
const hasFlag = (list: Element | null, ns: string, name: string, flag: string) =>
  children(list, ns, name).some((f) => dictionaryValue(f)?.toLowerCase() === flag.toLowerCase());

function authorisation(o: Element): Hi1Authorisation {
  const span = child(o, NS.auth, 'AuthorisationTimespan');
  const approver = child(
    child(o, NS.auth, 'AuthorisationApprovalDetails'),
    NS.common,
    'ApproverDetails',
  );
  const priority = dictionaryValue(child(o, NS.auth, 'AuthorisationPriority'));
  return {
    objectId: need(o, NS.core, 'ObjectIdentifier'),
    countryCode: textOf(o, NS.core, 'CountryCode'),
    ownerId: textOf(o, NS.core, 'OwnerIdentifier'),
    reference: textOf(o, NS.auth, 'AuthorisationReference'),
    legalType: dictionaryValue(child(o, NS.auth, 'AuthorisationLegalType')),
    priority,
    desiredStatus: dictionaryValue(child(o, NS.auth, 'AuthorisationDesiredStatus')),
    timespan: { start: textOf(span, NS.auth, 'StartTime'), end: textOf(span, NS.auth, 'EndTime') },
    emergency:
      priority?.toLowerCase() === 'emergency' ||
      hasFlag(child(o, NS.auth, 'AuthorisationFlags'), NS.auth, 'AuthorisationFlag', 'IsEmergency'),
    approverName: textOf(approver, NS.common, 'ApproverName'),
    approverRole: textOf(approver, NS.common, 'ApproverRole'),
  };
}

function task(o: Element): Hi1Task {
  const d =
    child(o, NS.task, 'RequestDetails') ??
    failWith('BAD_INPUT', 'hi1.missing', { element: 'RequestDetails' });
  const values = children(child(d, NS.task, 'RequestValues'), NS.task, 'RequestValue').map((v) => {
    const f = child(v, NS.task, 'FormatType');
    return {
      formatOwner: textOf(f, NS.task, 'FormatOwner'),
      formatName: need(f, NS.task, 'FormatName'),
      value: need(v, NS.task, 'Value'),
    };
  });
  const subtypes = children(child(d, NS.task, 'Subtype'), NS.task, 'RequestSubtype')
    .map((s) => dictionaryValue(s))
    .filter((s): s is string => s !== null);
  return {
    objectId: need(o, NS.core, 'ObjectIdentifier'),
    countryCode: textOf(o, NS.core, 'CountryCode'),
    ownerId: textOf(o, NS.core, 'OwnerIdentifier'),
    associated: associatedOf(o),
    ldid: need(o, NS.task, 'Reference'),
    desiredStatus: dictionaryValue(child(o, NS.task, 'DesiredStatus')),
    type:
      dictionaryValue(child(d, NS.task, 'Type')) ??
      failWith('BAD_INPUT', 'hi1.missing', { element: 'task:Type' }),
    subtypes,
    observedTime: textOf(d, NS.task, 'ObservedTime'),
    startTime: textOf(d, NS.task, 'StartTime'),
    endTime: textOf(d, NS.task, 'EndTime'),
    values,
    emergency: hasFlag(child(o, NS.task, 'Flags'), NS.task, 'LDTaskFlag', 'IsEmergency'),
    deadlines: deadlinesOf(child(o, NS.task, 'Deadlines')),
  };
}

/**
 * `task:Deadlines`: a list of `task:LDDeadline`, each a `task:DateTime` with its
 * `task:NatureOfDeadline` (a dictionary entry). An entry without a date-time says nothing.
 */
function deadlinesOf(list: Element | null): Hi1Deadline[] {
  return children(list, NS.task, 'LDDeadline').flatMap((d) => {
    const dateTime = textOf(d, NS.task, 'DateTime');
    return dateTime === null
      ? []
      : [{ dateTime, nature: dictionaryValue(child(d, NS.task, 'NatureOfDeadline')) }];
  });
}

function delivery(o: Element): Hi1Delivery {
  const body = child(o, NS.delivery, 'Delivery');
  const binary = child(body, NS.delivery, 'BinaryData');
  const data = textOf(binary, NS.delivery, 'Data');
  const exists = textOf(body, NS.delivery, 'DataExistence');
  const seq = textOf(o, NS.delivery, 'SequenceNumber');
  return {
    objectId: need(o, NS.core, 'ObjectIdentifier'),
    associated: associatedOf(o),
    ldid: textOf(child(o, NS.delivery, 'Reference'), NS.delivery, 'LDID'),
    deliveryId: textOf(o, NS.delivery, 'DeliveryID'),
    sequenceNumber: seq === null ? null : Number(seq),
    lastSequence: textOf(o, NS.delivery, 'LastSequence') === 'true',
    manifest: dictionaryValue(
      child(child(o, NS.delivery, 'Manifest'), NS.delivery, 'Specification'),
    ),
    dataExistence: exists === null ? null : exists === 'true',
    data: data === null ? null : Buffer.from(data, 'base64'),
    contentType: textOf(binary, NS.delivery, 'ContentType'),
    checksum: textOf(binary, NS.delivery, 'Checksum'),
  };
}

function action(a: Element): Hi1Action {
  const id = need(a, NS.core, 'ActionIdentifier');
  for (const verb of ['CREATE', 'UPDATE', 'DELIVER'] as const) {
    const v = child(a, NS.core, verb);
    if (!v) continue;
    const o =
      child(v, NS.core, 'HI1Object') ??
      failWith('BAD_INPUT', 'hi1.missing', { element: 'HI1Object' });
    const t = xsiType(o);
    const type = t ? `${PREFIX[t.ns ?? ''] ?? '?:'}${t.name}` : '(none)';
    if (verb === 'CREATE' && type === 'auth:AuthorisationObject')
      return { id, verb, authorisation: authorisation(o) };
    if (verb === 'CREATE' && type === 'task:LDTaskObject') return { id, verb, task: task(o) };
    if (verb === 'DELIVER' && type === 'delivery:DeliveryObject')
      return { id, verb, delivery: delivery(o) };
    if (verb === 'UPDATE' && type === 'task:LDTaskObject')
      return {
        id,
        verb,
        taskStatus: {
          objectId: need(o, NS.core, 'ObjectIdentifier'),
          ldid: textOf(o, NS.task, 'Reference'),
          status: dictionaryValue(child(o, NS.task, 'Status')),
        },
      };
    return { id, verb, other: type };
  }
  const verb = childElements(a).at(-1)?.localName ?? '(none)';
  return { id, verb, other: verb };
}

/** Reads an HI1Message from its bytes: guarded first (xml.ts), then parsed and read. */
export function readHi1Message(bytes: Uint8Array): Hi1Message {
  const root = parseHi1Xml(guardedText(bytes));
  const payload = child(root, NS.core, 'Payload');
  const requests = child(child(payload, NS.core, 'RequestPayload'), NS.core, 'ActionRequests');
  const list = children(requests, NS.core, 'ActionRequest');
  return { header: header(root), actions: list.map(action) };
}

/** An order: one AuthorisationObject and its LDTaskObjects, all created in one message. */
export interface Hi1Order {
  header: Hi1Header;
  authorisation: Hi1Authorisation;
  tasks: Hi1Task[];
  /** Actions the desk does not act on (other objects or verbs), by type, for the record. */
  ignored: string[];
}

export function orderOf(m: Hi1Message): Hi1Order {
  const auths = m.actions.flatMap((a) => ('authorisation' in a ? [a.authorisation] : []));
  const tasks = m.actions.flatMap((a) => ('task' in a ? [a.task] : []));
  if (auths.length !== 1 || tasks.length === 0)
    failWith('BAD_INPUT', 'hi1.noOrder', { authorisations: auths.length, tasks: tasks.length });
  if (tasks.length > 200) failWith('BAD_INPUT', 'hi1.tooManyTasks', { max: 200 });
  return {
    header: m.header,
    authorisation: auths[0]!,
    tasks,
    ignored: m.actions.flatMap((a) => ('other' in a ? [`${a.verb} ${a.other}`] : [])),
  };
}
