import { useReducer } from 'react';
import { DEFAULT_TIME_ZONE } from '../../../../shared/moment';
import {
  NAW_CATEGORIES,
  type DataCategory,
  type IssuerFunction,
  type RequestChannel,
  type Urgency,
} from '../../../../shared/schemas/terms';
import type { NewRequestInput, Verification } from '../../../../shared/schemas/requests';
import { localNow } from '../../../components/format';
import { epocInput, epocShown, initialEpoc, missingEpoc, type EpocDraft } from './epoc-draft';

/** One identifier as typed: the port only counts for an IP address. */
export interface ItemDraft {
  kind: 'phone' | 'ip';
  value: string;
  port: string;
  /** The moment, or the start of the period. */
  moment: string;
  /** A moment (default) or a period `[moment, periodTo)`. */
  timing?: 'moment' | 'period';
  /** The end of a period ('' while not typed). */
  periodTo?: string;
  timeZone: string;
  /** Read from the document: the index of the draft's item it came from. */
  from?: number;
  /** A read item the officer compared with the document (or corrected, which is the same). */
  confirmed?: boolean;
}

export interface RequesterDraft {
  name: string;
  function: IssuerFunction;
  badge: string;
  email: string;
  phone: string;
}

/** The logging form as typed, before anything is sent. */
export interface RequestDraft {
  authority: string;
  basis: string;
  caseReference: string;
  receivedAt: string;
  channel: RequestChannel;
  urgency: Urgency;
  deadline: string;
  categories: DataCategory[];
  requester: RequesterDraft;
  verified: boolean;
  verification: Verification;
  items: ItemDraft[];
  document: { token: string; name: string } | null;
  /** The EPOC certificate, sent when the section shows (epoc-draft.ts). */
  epoc: EpocDraft;
}

export const newItem = (): ItemDraft => ({
  kind: 'phone',
  value: '',
  port: '',
  moment: '',
  timeZone: DEFAULT_TIME_ZONE,
});

/** A new request as most arrive: by e-mail, normal urgency, the NAW data, one identifier. */
export const initialDraft = (userName: string): RequestDraft => ({
  authority: '',
  basis: 'sv-126na-1',
  caseReference: '',
  receivedAt: localNow(),
  channel: 'email',
  urgency: 'normal',
  deadline: '',
  categories: [...NAW_CATEGORIES],
  requester: { name: '', function: 'opsporingsambtenaar', badge: '', email: '', phone: '' },
  verified: false,
  verification: { method: 'callback', by: userName, at: localNow(), note: '' },
  items: [newItem()],
  document: null,
  epoc: initialEpoc(),
});

/**
 * The required fields left empty: `authority`, …, and `value<i>` / `moment<i>` per identifier
 * (`periodTo<i>` too for a period).
 */
export function missingFields(d: RequestDraft): Set<string> {
  const m = new Set<string>();
  if (!d.authority) m.add('authority');
  if (!d.requester.name.trim()) m.add('requesterName');
  if (!d.caseReference.trim()) m.add('caseReference');
  if (!d.receivedAt) m.add('receivedAt');
  if (d.categories.length === 0) m.add('categories');
  if (epocShown(d)) for (const k of missingEpoc(d.epoc)) m.add(k);
  d.items.forEach((it, i) => {
    if (!it.value.trim()) m.add(`value${i}`);
    if (!it.moment) m.add(`moment${i}`);
    if (it.timing === 'period' && !it.periodTo) m.add(`periodTo${i}`);
  });
  return m;
}

/** What a verification as typed lacks to count: its catalogue channel, or its document. */
export type VerificationProblem = 'verificationChannel' | 'verificationDocument';

/**
 * Why the verification as typed would not count, or null: a call-back names one of the chosen
 * authority's verified catalogue channels, a signed document is only one with the document on
 * the request. The core logs either as unverified; the form does not let it look verified.
 */
export function verificationProblem(
  d: RequestDraft,
  channels: readonly { value: string }[],
): VerificationProblem | null {
  if (!d.verified) return null;
  const v = d.verification;
  if (v.method === 'callback' && !channels.some((c) => c.value === v.channel)) {
    return 'verificationChannel';
  }
  if (v.method === 'signed_document' && !d.document) return 'verificationDocument';
  return null;
}

/** The identifiers read from the document that the officer has neither confirmed nor corrected. */
export const unconfirmedItems = (d: RequestDraft): number[] =>
  d.items.flatMap((it, i) => (it.from !== undefined && !it.confirmed ? [i] : []));

/** Text fields that were left empty are left out rather than sent as "". */
const optional = <K extends string>(key: K, value: string) =>
  (value.trim() ? { [key]: value.trim() } : {}) as Partial<Record<K, string>>;

/** What requests.create receives for the draft; `userName` verified it if nobody else is named. */
export function createInput(d: RequestDraft, userName: string): NewRequestInput {
  const v = d.verification;
  return {
    authority: d.authority,
    legalBasis: d.basis,
    caseReference: d.caseReference.trim(),
    receivedAt: d.receivedAt,
    channel: d.channel,
    urgency: d.urgency,
    ...(d.deadline ? { deadline: d.deadline } : {}),
    categories: d.categories,
    requester: {
      name: d.requester.name.trim(),
      function: d.requester.function,
      ...optional('badge', d.requester.badge),
      ...optional('email', d.requester.email),
      ...optional('phone', d.requester.phone),
    },
    ...(d.verified
      ? {
          verification: {
            method: v.method,
            by: v.by.trim() || userName,
            at: v.at,
            ...optional('note', v.note ?? ''),
            ...optional('channel', v.method === 'callback' ? (v.channel ?? '') : ''),
          },
        }
      : {}),
    items: d.items.map((it) => ({
      kind: it.kind,
      value: it.value.trim(),
      ...(it.timing === 'period'
        ? { period: { from: it.moment, to: it.periodTo ?? '' } }
        : { moment: it.moment }),
      timeZone: it.timeZone.trim() || DEFAULT_TIME_ZONE,
      ...(it.kind === 'ip' ? optional('port', it.port) : {}),
    })),
    ...(d.document ? { documentToken: d.document.token } : {}),
    ...(epocShown(d) ? { epoc: epocInput(d.epoc) } : {}),
  };
}

type Change =
  | { type: 'load'; draft: RequestDraft }
  | { type: 'set'; patch: Partial<RequestDraft> }
  | { type: 'requester'; patch: Partial<RequesterDraft> }
  | { type: 'verification'; patch: Partial<Verification> }
  | { type: 'item'; index: number; patch: Partial<ItemDraft> }
  | { type: 'addItem' }
  | { type: 'removeItem'; index: number };

/** Correcting a read item is looking at it: it counts as confirmed. */
const changeItem = (it: ItemDraft, patch: Partial<ItemDraft>): ItemDraft => ({
  ...it,
  ...patch,
  ...(it.from !== undefined && patch.confirmed === undefined ? { confirmed: true } : {}),
});

function apply(d: RequestDraft, c: Change): RequestDraft {
  switch (c.type) {
    case 'load':
      return c.draft;
    case 'set':
      return { ...d, ...c.patch };
    case 'requester':
      return { ...d, requester: { ...d.requester, ...c.patch } };
    case 'verification':
      return { ...d, verification: { ...d.verification, ...c.patch } };
    case 'item':
      return {
        ...d,
        items: d.items.map((it, j) => (j === c.index ? changeItem(it, c.patch) : it)),
      };
    case 'addItem':
      return { ...d, items: [...d.items, newItem()] };
    case 'removeItem':
      return { ...d, items: d.items.filter((_, j) => j !== c.index) };
  }
}

/** The draft and the ways the form's parts change it. */
export function useRequestDraft(userName: string) {
  const [draft, change] = useReducer(apply, userName, initialDraft);
  return {
    draft,
    /** Replaces the whole draft (with one read from a document). */
    load: (next: RequestDraft) => change({ type: 'load', draft: next }),
    set: (patch: Partial<RequestDraft>) => change({ type: 'set', patch }),
    setRequester: (patch: Partial<RequesterDraft>) => change({ type: 'requester', patch }),
    setVerification: (patch: Partial<Verification>) => change({ type: 'verification', patch }),
    setItem: (index: number, patch: Partial<ItemDraft>) => change({ type: 'item', index, patch }),
    addItem: () => change({ type: 'addItem' }),
    removeItem: (index: number) => change({ type: 'removeItem', index }),
  };
}

export type DraftEditor = ReturnType<typeof useRequestDraft>;
