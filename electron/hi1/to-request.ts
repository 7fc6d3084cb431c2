import type { EpocCategory, EpocInput } from '../../shared/schemas/epoc';
import { EpocFunction, registerCategoriesOf } from '../../shared/schemas/epoc';
import type { NewItem, NewRequestInput } from '../../shared/schemas/requests';
import { IssuerFunction, type DataCategory } from '../../shared/schemas/terms';
import { failWith } from '../core/errors';
import type { Hi1Order, Hi1Task } from './message';

/**
 * An HI-1 order as the register's create input — the same input request JSON and the wizard give
 * (NewRequestInput), with the `epoc` block when the authorisation's legal type is an EPOC — and,
 * per LDTaskObject, the request items it became. Pure; docs/HI1.md says which element goes where.
 */

/** The task types (task:RequestDetails/task:Type) the desk knows, and what each asks for. */
const TYPES: Record<string, { national: DataCategory[]; epoc: EpocCategory[] }> = {
  SubscriberData: {
    national: ['name', 'address', 'postcode', 'city', 'number', 'service_type'],
    epoc: ['subscriber_identity', 'subscriber_service'],
  },
  UserIdentifyingData: {
    national: ['name', 'address', 'postcode', 'city'],
    epoc: ['identification'],
  },
  // Never matched here: the checks refuse (national) or refer (EPOC) an order that asks for them.
  TrafficData: { national: ['traffic'], epoc: ['traffic'] },
  LocationData: { national: ['location'], epoc: ['traffic'] },
  ContentData: { national: ['content'], epoc: ['content'] },
  StoredContentData: { national: ['content'], epoc: ['content'] },
  Content: { national: ['content'], epoc: ['content'] },
};
/** A task type the desk does not know is treated as traffic data: never matched, refused or referred. */
const typeOf = (t: Hi1Task) => TYPES[t.type] ?? TYPES.TrafficData!;
export const isMatchableType = (type: string) =>
  type === 'SubscriberData' || type === 'UserIdentifyingData';

const PHONE_FORMATS = new Set(['InternationalE164', 'E164Number', 'MSISDN']);
const IP_FORMATS = new Set(['IPv4Address', 'IPv6Address']);
const PORT_FORMATS = new Set(['PortNumber', 'TCPPort', 'UDPPort']);

export interface TaskItems {
  objectId: string;
  ldid: string;
  type: string;
  items: number[];
}

export interface OrderContext {
  /** The authority the sender is linked to (null: not linked). */
  authority: { code: string; name: string } | null;
  /** The catalogue basis the legal type names; null for an EPOC. */
  basisCode: string | null;
  epoc: boolean;
  nowIso: string;
  /** Who logs it (the verification's `by`). */
  userName: string;
}

export const isEpocLegalType = (t: string | null) => /^EPOC$/i.test(t?.trim() ?? '');

/** An HI-1 dateTime has an offset or Z; one without is read as UTC (the HI-1 convention). */
const zoneOf = (iso: string) => (/(?:Z|[+-]\d\d:?\d\d)$/i.test(iso) ? undefined : 'UTC');

function itemsOf(t: Hi1Task): NewItem[] {
  const when =
    t.observedTime !== null
      ? { moment: t.observedTime }
      : t.startTime !== null && t.endTime !== null
        ? { period: { from: t.startTime, to: t.endTime } }
        : failWith('BAD_INPUT', 'hi1.timeMissing', { task: t.objectId });
  const zone = zoneOf(t.observedTime ?? t.startTime!);
  const out: NewItem[] = [];
  for (const v of t.values) {
    if (PORT_FORMATS.has(v.formatName)) {
      const last = out.at(-1);
      if (!last || last.kind !== 'ip')
        failWith('BAD_INPUT', 'hi1.portWithoutAddress', { task: t.objectId });
      last!.port = v.value;
      continue;
    }
    const kind = PHONE_FORMATS.has(v.formatName)
      ? 'phone'
      : IP_FORMATS.has(v.formatName)
        ? 'ip'
        : failWith('BAD_INPUT', 'hi1.formatUnsupported', {
            task: t.objectId,
            format: v.formatName,
          });
    // E.164 in HI-1 is digits only; the register reads it as an international number.
    const value = kind === 'phone' && /^\d+$/.test(v.value) ? `+${v.value}` : v.value;
    out.push({ kind, value, ...when, ...(zone ? { timeZone: zone } : {}) } as NewItem);
  }
  if (out.length === 0) failWith('BAD_INPUT', 'hi1.noValues', { task: t.objectId });
  return out;
}

const unique = <T>(xs: T[]) => [...new Set(xs)];

/** The moment it arrived: the message's timestamp, never later than now. */
function receivedAt(timestamp: string, nowIso: string): string {
  const t = Date.parse(timestamp);
  return Number.isNaN(t) || t > Date.parse(nowIso) ? nowIso : new Date(t).toISOString();
}

/** The earliest deadline the order's tasks set that reads as a date-time (others are ignored). */
function earliestDeadline(
  o: Hi1Order,
): { iso: string; dateTime: string; nature: string | null } | null {
  let best: { iso: string; dateTime: string; nature: string | null } | null = null;
  for (const t of o.tasks) {
    for (const d of t.deadlines) {
      const ms = Date.parse(d.dateTime);
      if (Number.isNaN(ms) || !/(Z|[+-]\d\d:\d\d)$/.test(d.dateTime)) continue;
      const iso = new Date(ms).toISOString();
      if (!best || iso < best.iso) best = { iso, dateTime: d.dateTime, nature: d.nature };
    }
  }
  return best;
}

export function requestFromOrder(
  o: Hi1Order,
  c: OrderContext,
): { input: NewRequestInput; tasks: TaskItems[] } {
  const a = o.authorisation;
  const seen = new Set<string>();
  const items: NewItem[] = [];
  const tasks: TaskItems[] = o.tasks.map((t) => {
    if (seen.has(t.objectId)) failWith('BAD_INPUT', 'hi1.duplicateTask', { task: t.objectId });
    seen.add(t.objectId);
    const own = itemsOf(t);
    const first = items.length + 1;
    items.push(...own);
    return {
      objectId: t.objectId,
      ldid: t.ldid,
      type: t.type,
      items: own.map((_, i) => first + i),
    };
  });
  const emergency = a.emergency || o.tasks.some((t) => t.emergency);
  const urgent = /^(high|urgent)$/i.test(a.priority ?? '');
  const sender = `${o.header.sender.countryCode} ${o.header.sender.uniqueIdentifier}`;
  const issuer = a.approverName ?? c.authority?.name ?? sender;
  const fileReference = a.reference ?? a.objectId;
  const deadline = earliestDeadline(o);
  const common = {
    authority: c.authority?.code ?? 'eu-issuing',
    caseReference: fileReference,
    receivedAt: receivedAt(o.header.timestamp, c.nowIso),
    urgency: emergency
      ? ('emergency' as const)
      : urgent
        ? ('urgent' as const)
        : ('normal' as const),
    // It came over the HI-1 interface; whether that sender is who it says is the sender check.
    verification: {
      method: 'known_portal' as const,
      by: c.userName,
      at: c.nowIso,
      note: `HI-1 message ${o.header.transactionId} from ${sender}`,
    },
    note: `HI-1 order: transaction ${o.header.transactionId}, authorisation ${a.objectId}${
      deadline
        ? `; deadline ${deadline.dateTime}${deadline.nature ? ` (${deadline.nature})` : ''}`
        : ''
    }`,
    // The order's own deadline; for an EPOC it holds only when earlier than the statutory one.
    ...(deadline ? { deadline: deadline.iso } : {}),
    items,
  };
  if (c.epoc) {
    const categories = unique(o.tasks.flatMap((t) => typeOf(t).epoc));
    const fn = EpocFunction.safeParse(a.approverRole ?? '');
    const issuerFunction = fn.success ? fn.data : 'other_competent';
    const epoc: EpocInput = {
      issuingState: o.header.sender.countryCode,
      issuingAuthority: { name: issuer, function: issuerFunction, fileReference },
      validatingAuthority: null,
      // An emergency order of a non-judicial authority is validated within 48 hours (Art. 4(5)).
      noValidationReason:
        emergency && issuerFunction === 'other_competent'
          ? 'emergency_pending_validation'
          : 'not_required',
      addressee: `${o.header.receiver.countryCode} ${o.header.receiver.uniqueIdentifier}`,
      deadline: emergency ? 'emergency_8_hours' : 'asap_10_days',
      emergency,
      categories,
      enforcingStateNotified: false,
    };
    const traffic = categories.some((x) => x === 'traffic' || x === 'content');
    return {
      input: {
        ...common,
        requester: { name: issuer, function: 'foreign_judicial_authority' },
        legalBasis: traffic ? 'eu-epoc-traffic' : 'eu-epoc-subscriber',
        channel: 'epoc',
        categories: registerCategoriesOf(categories),
        epoc,
      },
      tasks,
    };
  }
  const fn = IssuerFunction.safeParse(a.approverRole ?? '');
  return {
    input: {
      ...common,
      requester: { name: issuer, function: fn.success ? fn.data : 'opsporingsambtenaar' },
      legalBasis: c.basisCode!,
      channel: 'portal',
      categories: unique(o.tasks.flatMap((t) => typeOf(t).national)),
    },
    tasks,
  };
}
