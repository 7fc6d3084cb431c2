import { normalisePhone, parseIpPrefix, parsePort } from '../../shared/identifiers';
import type { IpFamily } from '../../shared/identifiers';
import type { ImportIssue, IssueCode } from '../../shared/schemas/customers';
import type { HeaderMap } from './columns';
import { issueAt, type IssueParams } from './issue-words';
import {
  parseChoice,
  parseCountry,
  parseEmail,
  parseHouseNumber,
  parseKvk,
  parsePostcode,
  parseTime,
} from './fields';

/** Validity of a row: [from, to) in epoch ms; null in a snapshot (the import's as-of applies). */
export interface Validity {
  from: number | null;
  to: number | null;
}

export interface CustomerRow extends Validity {
  customerId: string;
  name: string;
  street: string | null;
  houseNumber: string | null;
  addition: string | null;
  postcode: string | null;
  city: string | null;
  country: string;
  email: string | null;
  type: 'person' | 'business' | null;
  kvk: string | null;
}

export type Service = 'fixed' | 'mobile' | 'voip';

export interface NumberRow extends Validity {
  e164: string;
  given: string;
  customerId: string;
  service: Service | null;
}

export interface IpRow extends Validity {
  family: IpFamily;
  prefix: string;
  prefixLength: number;
  ipFrom: Uint8Array;
  ipTo: Uint8Array;
  portFrom: number | null;
  portTo: number | null;
  customerId: string;
}

/** A refusal may carry a code (fields.ts) or only an English reason (shared/identifiers.ts). */
type Coded = { code?: IssueCode; params?: IssueParams };

export type RowResult<R> = { ok: true; row: R } | { ok: false; issues: ImportIssue[] };

/** Reads one record of a known header: trimmed values, empty = absent. */
class Cells {
  readonly issues: ImportIssue[] = [];
  constructor(
    private readonly fields: string[],
    private readonly map: HeaderMap,
    readonly line: number,
  ) {}

  get(column: string): string {
    const i = this.map.index[column];
    if (i === undefined) return '';
    const v = this.fields[i];
    return v === undefined ? '' : v.trim();
  }

  /** A reason that has no code (the identifier rules of shared/identifiers.ts). */
  fail(column: string, reason: string): null {
    this.issues.push({ line: this.line, column, reason });
    return null;
  }

  refuse(column: string, code: IssueCode, params?: IssueParams): null {
    this.issues.push(issueAt(this.line, column, code, params));
    return null;
  }

  required(column: string, max: number): string {
    const v = this.get(column);
    if (!v) return this.refuse(column, 'required_empty', { column }) ?? '';
    if (v.length > max) return this.refuse(column, 'too_long', { column, max }) ?? '';
    return v;
  }

  optional(column: string, max: number): string | null {
    const v = this.get(column);
    if (!v) return null;
    if (v.length > max) return this.refuse(column, 'too_long', { column, max });
    return v;
  }

  /** Runs a field rule on a non-empty value. */
  rule<T>(
    column: string,
    parse: (v: string) => { ok: true; value: T } | ({ ok: false; reason: string } & Coded),
  ): T | null {
    const v = this.get(column);
    if (!v) return null;
    const r = parse(v);
    if (r.ok) return r.value;
    return r.code ? this.refuse(column, r.code, r.params) : this.fail(column, r.reason);
  }

  validity(history: boolean): Validity {
    if (!history) return { from: null, to: null };
    const fromText = this.get('valid_from');
    let from: number | null = null;
    if (!fromText) this.refuse('valid_from', 'valid_from_empty');
    else {
      const r = parseTime(fromText);
      if (r.ok) from = r.value;
      else this.refuse('valid_from', r.code, r.params);
    }
    const to = this.rule('valid_to', parseTime);
    if (from !== null && to !== null && to <= from) {
      this.refuse('valid_to', 'valid_to_not_after');
    }
    return { from, to };
  }

  /** Fields beyond the header must be empty (spreadsheets add trailing separators). */
  checkWidth(): void {
    const width = this.map.width;
    for (let i = width; i < this.fields.length; i++) {
      if (this.fields[i]!.trim()) {
        this.refuse('', 'too_many_fields', { fields: this.fields.length, width });
        return;
      }
    }
  }

  result<R>(row: R): RowResult<R> {
    return this.issues.length ? { ok: false, issues: this.issues } : { ok: true, row };
  }
}

const CUSTOMER_TYPES = ['person', 'business'] as const;
const SERVICES = ['fixed', 'mobile', 'voip'] as const;

export function customerRow(fields: string[], map: HeaderMap, line: number) {
  const c = new Cells(fields, map, line);
  c.checkWidth();
  const customerId = c.required('customer_id', 64);
  const name = c.required('name', 200);
  const country = c.rule('country', parseCountry) ?? (c.get('country') ? 'XX' : 'NL');
  const row: CustomerRow = {
    customerId,
    name,
    street: c.optional('street', 200),
    houseNumber: c.rule('house_number', (v) => parseHouseNumber(v, country)),
    addition: c.optional('house_number_addition', 16),
    postcode: c.rule('postcode', (v) => parsePostcode(v, country)),
    city: c.optional('city', 100),
    country,
    email: c.rule('email', parseEmail),
    type: c.rule('customer_type', (v) => parseChoice(v, CUSTOMER_TYPES, 'not_a_customer_type')),
    kvk: c.rule('kvk_number', parseKvk),
    ...c.validity(map.mode === 'history'),
  };
  return c.result(row);
}

const serviceOf = (type: string): Service | null =>
  type === 'mobile'
    ? 'mobile'
    : type === 'fixed_line' || type === 'fixed_line_or_mobile'
      ? 'fixed'
      : type === 'voip'
        ? 'voip'
        : null;

export function numberRow(fields: string[], map: HeaderMap, line: number) {
  const c = new Cells(fields, map, line);
  c.checkWidth();
  const given = c.required('number', 40);
  let e164 = '';
  let type = 'unknown';
  if (given) {
    const p = normalisePhone(given);
    if (p.ok) ({ e164, type } = p.value);
    else c.refuse('number', p.code, p.params);
  }
  const customerId = c.required('customer_id', 64);
  const service =
    c.rule('service', (v) => parseChoice(v, SERVICES, 'not_a_service')) ??
    (c.get('service') ? null : serviceOf(type));
  const row: NumberRow = {
    e164,
    given,
    customerId,
    service,
    ...c.validity(map.mode === 'history'),
  };
  return c.result(row);
}

export function ipRow(fields: string[], map: HeaderMap, line: number) {
  const c = new Cells(fields, map, line);
  c.checkWidth();
  const prefixText = c.required('prefix', 64);
  const p = prefixText ? parseIpPrefix(prefixText) : null;
  if (p && !p.ok) c.refuse('prefix', p.code, p.params);
  const portFrom = c.rule('port_from', parsePort);
  const portTo = c.rule('port_to', parsePort);
  const hasFrom = c.get('port_from') !== '';
  const hasTo = c.get('port_to') !== '';
  if (hasFrom !== hasTo) {
    c.refuse(hasFrom ? 'port_to' : 'port_from', 'ports_both');
  } else if (portFrom !== null && portTo !== null && portTo < portFrom) {
    c.refuse('port_to', 'port_to_below');
  }
  if (hasFrom && p?.ok && (p.value.family !== 4 || p.value.prefixLength !== 32)) {
    c.refuse('prefix', 'port_block_prefix');
  }
  const customerId = c.required('customer_id', 64);
  const validity = c.validity(map.mode === 'history');
  if (!p || !p.ok) return c.result(null as unknown as IpRow);
  const row: IpRow = {
    family: p.value.family,
    prefix: p.value.canonical,
    prefixLength: p.value.prefixLength,
    ipFrom: p.value.from,
    ipTo: p.value.to,
    portFrom: hasFrom ? portFrom : null,
    portTo: hasTo ? portTo : null,
    customerId,
    ...validity,
  };
  return c.result(row);
}

export const ROW_PARSERS = { customers: customerRow, numbers: numberRow, ips: ipRow } as const;
