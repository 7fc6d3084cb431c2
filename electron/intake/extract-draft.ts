import type { Draft, DraftItem, IntakeWarning, SourceSpan } from '../../shared/schemas/intake';
import type { Authority, LegalBasis } from '../../shared/schemas/catalogue';
import { normalisePhone } from '../../shared/identifiers';
import { findAuthority } from './rules/authority';
import { findCaseReference } from './rules/case-reference';
import { findCategories } from './rules/categories';
import { findChannel } from './rules/channel';
import { findDeadline } from './rules/deadline';
import { findEpoc, missingEpocFields } from './rules/epoc';
import { isTrafficOrContent, registerCategoriesOf } from '../../shared/schemas/epoc';
import { findIdentifiers, type Candidate } from './rules/identifiers';
import { functionFromAuthority } from './rules/issuer-functions';
import { findLegalBasis } from './rules/legal-basis';
import { SERVICE_NUMBER_TYPES } from './rules/phones';
import { chooseMoment, type DocumentZone } from './rules/moments';
import { findDocumentDate, findReceivedAt } from './rules/received-at';
import { findRequester } from './rules/requester';
import { documentZoneIn } from './rules/time-zones';
import { findUrgency } from './rules/urgency';
import { source, type IntakeDocument, type Span } from './text/document';
import { layoutOf, type Layout } from './text/layout';

/** What the extraction resolves against: the catalogue, and the provider's own details. */
export interface IntakeCatalogues {
  authorities: Authority[];
  legalBases: LegalBasis[];
  /** The provider's own contact details (settings → organisation): never the requester's. */
  own?: { phone?: string; email?: string };
}

/** A request holds at most this many items (NewRequestInput). */
export const MAX_ITEMS = 200;

/**
 * Reads a request document (as text, page by page) into a draft in the request JSON format,
 * with the source of every value and warnings for what the officer must look at. Pure: the same
 * document and catalogue give the same draft. Nothing is invented: a field the document does not
 * state is left out (and named in a `missing_field` warning).
 */
export function extractDraft(doc: IntakeDocument, catalogues: IntakeCatalogues): Draft {
  const layout = layoutOf(doc);
  const fields: Record<string, SourceSpan> = {};
  const warnings: IntakeWarning[] = [];
  const warn = (code: IntakeWarning['code'], params: IntakeWarning['params'] = {}) =>
    warnings.push({ code, params });
  const draft: Omit<Draft, 'extraction' | 'warnings'> = { items: [] };

  // Identifiers first: the sender's own numbers they turn up are the requester's phone.
  const ownPhone = catalogues.own?.phone ? normalisePhone(catalogues.own.phone) : null;
  const candidates = findIdentifiers(layout, {
    ownNumbers: ownPhone?.ok ? [ownPhone.value.e164] : [],
  });

  const categories = findCategories(layout);
  const urgency = findUrgency(layout);
  const channel = findChannel(layout, doc.kind);

  const authority = findAuthority(layout, catalogues.authorities);
  if (authority.chosen) {
    draft.authority = authority.chosen.code;
    fields.authority = source(authority.chosen.span, authority.chosen.reason);
    if (authority.chosen.authority.legacy)
      warn('legacy_authority', { code: authority.chosen.code });
    if (authority.others.length) {
      warn('authority_multiple', {
        chosen: authority.chosen.code,
        others: authority.others.join(','),
      });
    }
  }

  const basis = findLegalBasis(layout, catalogues.legalBases, categories.value);
  if (basis.chosen) {
    draft.legalBasis = basis.chosen.basis.code;
    fields.legalBasis = source(basis.chosen.span, basis.chosen.reason);
    if (basis.chosen.assumed) warn('legal_basis_assumed', { chosen: basis.chosen.basis.code });
    if (basis.others.length) {
      warn('legal_basis_multiple', {
        chosen: basis.chosen.basis.code,
        others: basis.others.join(','),
      });
    }
  } else {
    for (const u of basis.unknown.slice(0, 3))
      warn('legal_basis_not_in_catalogue', { text: u.text });
  }
  // An EPOC from abroad: the catalogue's foreign issuing authority, when no Dutch one is named.
  if (!draft.authority && basis.chosen?.basis.code.startsWith('eu-')) {
    const foreign = catalogues.authorities.find((a) => a.kind === 'foreign');
    if (foreign) {
      draft.authority = foreign.code;
      fields.authority = source(basis.chosen.span, 'epoc_issuing_authority');
    }
  }

  const senderPhones = candidates
    .filter(
      (c) =>
        c.kind === 'phone' && c.ignored && c.valid && !SERVICE_NUMBER_TYPES.includes(c.type ?? ''),
    )
    .map((c) => ({ span: c.span, value: c.value, reason: c.ignored! }));
  const requester = findRequester(
    layout,
    senderPhones,
    catalogues.own?.email ? [catalogues.own.email] : [],
  );
  const req: NonNullable<Draft['requester']> = {};
  if (requester.name) {
    req.name = requester.name.value;
    fields['requester.name'] = source(requester.name.span, requester.name.reason);
  }
  const chosenAuthority = catalogues.authorities.find((a) => a.code === draft.authority);
  const foreignFn = chosenAuthority?.kind === 'foreign' ? 'foreign_judicial_authority' : undefined;
  if (foreignFn) {
    req.function = foreignFn;
    fields['requester.function'] = requester.function
      ? source(requester.function.span, 'foreign_authority')
      : { reason: 'foreign_authority' };
  } else if (requester.function) {
    req.function = requester.function.code;
    fields['requester.function'] = source(requester.function.span, requester.function.reason);
  } else if (chosenAuthority && functionFromAuthority(chosenAuthority)) {
    req.function = functionFromAuthority(chosenAuthority)!;
    fields['requester.function'] = { reason: 'authority_kind' };
  }
  for (const k of ['badge', 'email', 'phone'] as const) {
    const f = requester[k];
    if (!f) continue;
    req[k] = f.value;
    fields[`requester.${k}`] = source(f.span, f.reason);
  }
  if (Object.keys(req).length) draft.requester = req;

  const caseRef = findCaseReference(layout);
  if (caseRef) {
    draft.caseReference = caseRef.value;
    fields.caseReference = source(caseRef.span, caseRef.reason);
  }

  const received = findReceivedAt(layout, channel?.value === 'phone');
  if (received) {
    draft.receivedAt = received.value;
    fields.receivedAt = source(received.span, received.reason);
  }

  if (channel) {
    draft.channel = channel.value;
    fields.channel = channel.span
      ? source(channel.span, channel.reason)
      : { reason: channel.reason };
    if (channel.assumed) warn('channel_assumed', { channel: channel.value });
  }

  if (urgency) {
    draft.urgency = urgency.value;
    fields.urgency = source(urgency.span, 'stated');
  }

  const deadline = findDeadline(layout);
  if (deadline?.value) {
    draft.deadline = deadline.value;
    fields.deadline = source(deadline.span, deadline.reason);
  } else if (deadline?.relative) {
    warn('deadline_relative', { text: deadline.span.text });
  }

  if (categories.value.length) {
    draft.categories = categories.value;
    fields.categories = source(categories.spans[0]!, 'stated');
  } else if (basis.chosen) {
    draft.categories = [...basis.chosen.basis.categories];
    fields.categories = { reason: 'from_legal_basis' };
  }
  const epoc = findEpoc(layout, fields);
  if (epoc && Object.keys(epoc).length) {
    draft.epoc = epoc;
    if (!draft.caseReference && epoc.issuingAuthority?.fileReference) {
      draft.caseReference = epoc.issuingAuthority.fileReference;
      fields.caseReference = {
        ...fields['epoc.issuingAuthority.fileReference'],
        reason: 'epoc_file_number',
      };
    }
    // The ticked categories of the certificate decide, not every category its form lists.
    if (epoc.categories?.length) {
      const code = epoc.categories.some(isTrafficOrContent)
        ? 'eu-epoc-traffic'
        : 'eu-epoc-subscriber';
      if (draft.legalBasis !== code && catalogues.legalBases.some((b) => b.code === code)) {
        draft.legalBasis = code;
        fields.legalBasis = { ...fields['epoc.categories'], reason: 'epoc_categories' };
        const multiple = warnings.findIndex((w) => w.code === 'legal_basis_multiple');
        if (multiple >= 0) warnings.splice(multiple, 1);
      }
      const asked = registerCategoriesOf(epoc.categories);
      if (asked.length) {
        draft.categories = asked;
        fields.categories = { ...fields['epoc.categories'], reason: 'epoc_categories' };
      }
    }
    if (epoc.emergency && !draft.urgency) {
      draft.urgency = 'emergency';
      fields.urgency = { ...fields['epoc.deadline'], reason: 'epoc_deadline' };
    }
  }
  const nonNaw = (draft.categories ?? []).filter((c) =>
    ['traffic', 'location', 'content', 'identifying', 'sensitive'].includes(c),
  );
  if (nonNaw.length) warn('non_naw_categories', { categories: nonNaw.join(',') });

  addItems(layout, candidates, draft.items, fields, warn);

  for (const f of ['authority', 'legalBasis', 'receivedAt', 'channel', 'categories'] as const) {
    if (draft[f] === undefined) warn('missing_field', { field: f });
  }
  if (!req.name) warn('missing_field', { field: 'requester.name' });
  if (!req.function) warn('missing_field', { field: 'requester.function' });
  if (!draft.caseReference) warn('missing_field', { field: 'caseReference' });

  if (draft.epoc)
    for (const field of missingEpocFields(draft.epoc)) warn('missing_field', { field });

  const documentDate = findDocumentDate(layout);
  const extraction: Draft['extraction'] = {
    document: {
      kind: doc.kind,
      pages: doc.pages.length,
      origins: doc.pages.map((p) => p.origin ?? 'body'),
      ...(documentDate ? { documentDate: documentDate.value } : {}),
    },
    fields,
    ignored: candidates
      .filter((c) => c.ignored)
      .map((c) => ({ kind: c.kind, ...c.span, reason: c.ignored! })),
  };
  const ordered: Partial<Draft> = {};
  for (const k of FIELD_ORDER)
    if (draft[k] !== undefined) Object.assign(ordered, { [k]: draft[k] });
  return {
    ...ordered,
    items: draft.items,
    ...(draft.epoc ? { epoc: draft.epoc } : {}),
    extraction,
    warnings,
  };
}

/** The request JSON's own order (docs/REQUEST-JSON.md), so a draft reads like a request file. */
const FIELD_ORDER = [
  'authority',
  'requester',
  'legalBasis',
  'caseReference',
  'receivedAt',
  'channel',
  'urgency',
  'deadline',
  'categories',
] as const;

function documentZone(layout: Layout): DocumentZone | null {
  for (const l of layout.lines) {
    if (layout.zones[l.index] !== 'body') continue;
    const z = documentZoneIn(l.text);
    if (z) {
      const s: Span = {
        page: l.page,
        start: l.start + z.from,
        end: l.start + z.to,
        text: l.text.slice(z.from, z.to),
      };
      return { zone: z.zone, span: s };
    }
  }
  return null;
}

function addItems(
  layout: Layout,
  candidates: Candidate[],
  items: DraftItem[],
  fields: Record<string, SourceSpan>,
  warn: (code: IntakeWarning['code'], params?: IntakeWarning['params']) => void,
): void {
  const offered = candidates.filter((c) => !c.ignored);
  const zone = documentZone(layout);
  const chosen = offered.map((c) => ({ c, m: chooseMoment(layout, c, offered, zone) }));
  // The same identifier at the same moment once; a mention without a moment (in the subject
  // line, say) gives way to one with.
  const key = (x: (typeof chosen)[number]) => `${x.c.kind}|${x.c.value}|${x.c.port?.value ?? ''}`;
  const when = (x: (typeof chosen)[number]) =>
    x.m.period ? `${x.m.period.from}/${x.m.period.to}` : (x.m.moment ?? '');
  const timed = new Set(chosen.filter((x) => when(x)).map(key));
  const seen = new Set<string>();
  for (const x of chosen) {
    const k = `${key(x)}|${when(x)}`;
    if (seen.has(k) || (!when(x) && timed.has(key(x)))) continue;
    seen.add(k);
    if (items.length >= MAX_ITEMS) {
      warn('too_many_items', { count: offered.length });
      break;
    }
    const n = items.length;
    const item: DraftItem = { kind: x.c.kind, value: x.c.value };
    fields[`items.${n}.value`] = source(x.c.span, x.c.table ? 'table_row' : 'body');
    if (x.c.port) {
      item.port = x.c.port.value;
      fields[`items.${n}.port`] = source(
        x.c.port.span,
        x.c.table ? 'port_column' : 'port_with_address',
      );
    }
    if (x.m.moment) item.moment = x.m.moment;
    if (x.m.timeZone) item.timeZone = x.m.timeZone;
    if (x.m.momentSource) {
      const { reason, ...s } = x.m.momentSource;
      fields[`items.${n}.moment`] = source(s, reason);
    }
    if (x.m.period && x.m.periodSources) {
      item.period = x.m.period;
      for (const end of ['from', 'to'] as const) {
        const { reason, ...s } = x.m.periodSources[end];
        fields[`items.${n}.period.${end}`] = source(s, reason);
      }
    }
    if (x.m.zoneSource && (item.moment || item.period))
      fields[`items.${n}.timeZone`] = x.m.zoneSource;
    items.push(item);
    const itemNo = n + 1;
    for (const code of x.m.warnings) warn(code, { item: itemNo, ...x.m.params });
    if (x.c.kind === 'phone' && !x.c.valid) warn('phone_not_valid', { item: itemNo });
    if (x.c.nonPublic) warn('ip_not_public', { item: itemNo, range: x.c.nonPublic });
  }
  if (!items.length) warn('no_identifiers');
}
