import ipaddr from 'ipaddr.js';
import { Metadata, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { coreText, type MessageKey } from './messages';

/**
 * Identifier normalisation shared by the import, the request wizard and matching: phone numbers
 * to E.164, IP addresses and prefixes to comparable 16-byte ranges (IPv4 as ::ffff:a.b.c.d).
 */

/**
 * Why an identifier is not valid, as a code with parameters (worded from shared/messages
 * `identifier.<code>` in the reader's language) and its English text for logs and the CLI.
 */
export const IDENTIFIER_PROBLEMS = [
  'phone_empty',
  'phone_letters',
  'phone_invalid',
  'ip_invalid',
  'prefix_invalid',
  'prefix_host_bits',
  'port_invalid',
  'phone_port',
  'ip_prefix_given',
] as const;
export type IdentifierProblem = (typeof IDENTIFIER_PROBLEMS)[number];
export interface IdentifierFailure {
  ok: false;
  reason: string;
  code: IdentifierProblem;
  params: Record<string, string>;
}
export type Parsed<T> = { ok: true; value: T } | IdentifierFailure;

export const identifierProblemKey = (code: IdentifierProblem): MessageKey =>
  `identifier.${code}` as MessageKey;

/** A failure by code; `text` (the value as given) is clipped so a long paste stays readable. */
export function identifierFailure(
  code: IdentifierProblem,
  params: Record<string, string> = {},
): IdentifierFailure {
  const p = params.text === undefined ? params : { ...params, text: clip(params.text) };
  return { ok: false, code, params: p, reason: coreText('en', identifierProblemKey(code), p) };
}

export interface PhoneNumber {
  e164: string;
  /** fixed, mobile, voip, toll_free … as libphonenumber classifies it, or unknown. */
  type: string;
}

export function normalisePhone(raw: string, defaultRegion: 'NL' = 'NL'): Parsed<PhoneNumber> {
  const text = raw.trim();
  if (!text) return identifierFailure('phone_empty');
  const fast = fastDutchNumber(text);
  if (fast) return { ok: true, value: fast };
  if (/[a-z]/i.test(text.replace(/^tel:/i, ''))) {
    return identifierFailure('phone_letters', { text });
  }
  const p = parsePhoneNumberFromString(text.replace(/^tel:/i, ''), defaultRegion);
  if (!p || !p.isValid()) {
    return identifierFailure('phone_invalid', { text });
  }
  return { ok: true, value: { e164: p.number, type: (p.getType() ?? 'unknown').toLowerCase() } };
}

/**
 * The import's hot path: plainly written Dutch numbers (`06-12345678`, `+31 6 1234 5678`,
 * `0031612345678`, `050-1234567`) are checked against the NL numbering plan with precompiled
 * patterns — the same rules, in the same order, as libphonenumber's getNumberType. Only a valid
 * number is answered here; anything else goes through the full parser, which has the last word.
 */
const NUMBER_TYPES = [
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
] as const;

interface TypeRule {
  type: string;
  pattern: RegExp;
  lengths: number[] | undefined;
}
interface NlPlan {
  general: RegExp;
  fixed: TypeRule | null;
  mobileSameAsFixed: boolean;
  mobile: TypeRule | null;
  others: TypeRule[];
}

interface PlanType {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
interface PlanApi {
  nationalNumberPattern(): string;
  type(t: string): PlanType | undefined;
}

let nlPlan: NlPlan | null | undefined;
function dutchPlan(): NlPlan | null {
  if (nlPlan !== undefined) return nlPlan;
  try {
    const m = new Metadata() as unknown as {
      selectNumberingPlan(c: string): void;
      numberingPlan: PlanApi;
    };
    m.selectNumberingPlan('NL');
    const plan = m.numberingPlan;
    const rule = (t: string): TypeRule | null => {
      const d = plan.type(t);
      if (!d || !d.pattern()) return null;
      return { type: t, pattern: new RegExp(`^(?:${d.pattern()})$`), lengths: d.possibleLengths() };
    };
    const mobileDef = plan.type('MOBILE');
    nlPlan = {
      general: new RegExp(`^(?:${plan.nationalNumberPattern()})$`),
      fixed: rule('FIXED_LINE'),
      mobileSameAsFixed: !mobileDef || mobileDef.pattern() === '',
      mobile: rule('MOBILE'),
      others: NUMBER_TYPES.map(rule).filter((r): r is TypeRule => r !== null),
    };
  } catch {
    nlPlan = null; // metadata API changed: the full parser does all the work
  }
  return nlPlan;
}

const matches = (nsn: string, r: TypeRule | null): boolean =>
  r !== null && (!r.lengths || r.lengths.includes(nsn.length)) && r.pattern.test(nsn);

const PLAIN_DUTCH = /^(?:\+31|0031|0)([1-9]\d{6,9})$/;

function fastDutchNumber(text: string): PhoneNumber | null {
  const m = PLAIN_DUTCH.exec(text.replace(/[\s\-.()]/g, ''));
  if (!m) return null;
  const plan = dutchPlan();
  if (!plan) return null;
  const nsn = m[1]!;
  if (!plan.general.test(nsn)) return null;
  let type: string | undefined;
  if (matches(nsn, plan.fixed)) {
    type =
      plan.mobileSameAsFixed || matches(nsn, plan.mobile) ? 'FIXED_LINE_OR_MOBILE' : 'FIXED_LINE';
  } else {
    type = plan.others.find((r) => matches(nsn, r))?.type;
  }
  return type ? { e164: `+31${nsn}`, type: type.toLowerCase() } : null;
}

export type IpFamily = 4 | 6;

export interface IpAddress {
  family: IpFamily;
  /** 16 bytes, IPv4 mapped into ::ffff:0:0/96, so all addresses compare bytewise. */
  bytes: Uint8Array;
  canonical: string;
}

export interface IpRange {
  family: IpFamily;
  /** Prefix length in the family's own terms (0-32 for IPv4, 0-128 for IPv6). */
  prefixLength: number;
  from: Uint8Array;
  to: Uint8Array;
  /** Canonical text: `192.0.2.0/29`, `2001:db8:12::/48`, or the bare address for a full-length prefix. */
  canonical: string;
}

const to16 = (addr: ipaddr.IPv4 | ipaddr.IPv6): Uint8Array =>
  Uint8Array.from(
    addr.kind() === 'ipv4'
      ? (addr as ipaddr.IPv4).toIPv4MappedAddress().toByteArray()
      : addr.toByteArray(),
  );

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/** Four decimal octets without leading zeros, or null (then ipaddr.js decides). */
function fastV4(s: string): number[] | null {
  const out: number[] = [];
  let cur = 0;
  let digits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits > 0 && cur === 0) return null;
      cur = cur * 10 + (c - 48);
      if (++digits > 3) return null;
    } else if (c === 46) {
      if (digits === 0 || cur > 255) return null;
      out.push(cur);
      cur = 0;
      digits = 0;
    } else return null;
  }
  if (digits === 0 || cur > 255 || out.length !== 3) return null;
  out.push(cur);
  return out;
}

const hexGroup = (g: string): number => {
  if (g.length < 1 || g.length > 4) return -1;
  let v = 0;
  for (let i = 0; i < g.length; i++) {
    const c = g.charCodeAt(i);
    const d =
      c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
};

/** Eight 16-bit groups of a plain IPv6 address (hex groups, at most one `::`), or null. */
function fastV6(s: string): number[] | null {
  const dbl = s.indexOf('::');
  let head: string[];
  let tail: string[];
  if (dbl < 0) {
    head = s.split(':');
    tail = [];
    if (head.length !== 8) return null;
  } else {
    if (s.indexOf('::', dbl + 1) >= 0) return null;
    head = dbl === 0 ? [] : s.slice(0, dbl).split(':');
    tail = dbl + 2 === s.length ? [] : s.slice(dbl + 2).split(':');
    if (head.length + tail.length > 7) return null;
  }
  const groups: number[] = [];
  for (const g of head) {
    const v = hexGroup(g);
    if (v < 0) return null;
    groups.push(v);
  }
  while (dbl >= 0 && groups.length < 8 - tail.length) groups.push(0);
  for (const g of tail) {
    const v = hexGroup(g);
    if (v < 0) return null;
    groups.push(v);
  }
  // IPv4-mapped (::ffff:a.b.c.d written in hex) is IPv4: leave it to ipaddr.js.
  if (
    groups[0] === 0 &&
    groups[1] === 0 &&
    groups[2] === 0 &&
    groups[3] === 0 &&
    groups[4] === 0 &&
    groups[5] === 0xffff
  ) {
    return null;
  }
  return groups;
}

/** RFC 5952 text (what ipaddr.js writes): lower case, longest run of ≥ 2 zero groups as `::`. */
function v6Text(groups: number[]): string {
  let bestAt = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestAt = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (a: number[]) => a.map((g) => g.toString(16)).join(':');
  if (bestAt < 0) return hex(groups);
  return `${hex(groups.slice(0, bestAt))}::${hex(groups.slice(bestAt + bestLen))}`;
}

function v4Bytes(o: number[]): Uint8Array {
  const b = new Uint8Array(16);
  b[10] = 0xff;
  b[11] = 0xff;
  b[12] = o[0]!;
  b[13] = o[1]!;
  b[14] = o[2]!;
  b[15] = o[3]!;
  return b;
}

function v6Bytes(groups: number[]): Uint8Array {
  const b = new Uint8Array(16);
  for (let i = 0; i < 8; i++) {
    b[2 * i] = groups[i]! >> 8;
    b[2 * i + 1] = groups[i]! & 0xff;
  }
  return b;
}

/** The fast path for plainly written addresses and prefixes; null = ask ipaddr.js. */
function fastPrefix(text: string): IpRange | null {
  const slash = text.indexOf('/');
  const addrText = slash < 0 ? text : text.slice(0, slash);
  let len: number;
  let family: IpFamily;
  let from: Uint8Array;
  let canonical: string;
  if (addrText.indexOf(':') < 0) {
    const o = fastV4(addrText);
    if (!o) return null;
    family = 4;
    from = v4Bytes(o);
    canonical = o.join('.');
  } else {
    const g = fastV6(addrText);
    if (!g) return null;
    family = 6;
    from = v6Bytes(g);
    canonical = v6Text(g);
  }
  const bits = family === 4 ? 32 : 128;
  if (slash < 0) len = bits;
  else {
    const lenText = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(lenText)) return null;
    len = Number(lenText);
    if (len > bits) return null;
  }
  const masked = maskIp(from, family, len);
  for (let i = 0; i < 16; i++) if (masked[i] !== from[i]) return null; // host bits: ipaddr.js explains
  const to = Uint8Array.from(from);
  let hostBits = bits - len;
  for (let i = 15; i >= 0 && hostBits > 0; i--) {
    const n = Math.min(8, hostBits);
    to[i] = to[i]! | ((1 << n) - 1);
    hostBits -= n;
  }
  return {
    family,
    prefixLength: len,
    from,
    to,
    canonical: len === bits ? canonical : `${canonical}/${len}`,
  };
}

export function parseIpAddress(raw: string): Parsed<IpAddress> {
  const trimmed = raw.trim();
  if (trimmed.indexOf('/') < 0) {
    const fast = fastPrefix(trimmed);
    if (fast)
      return {
        ok: true,
        value: { family: fast.family, bytes: fast.from, canonical: fast.canonical },
      };
  }
  const text = trimmed.replace(/^\[(.*)\]$/, '$1');
  if (
    !ipaddr.isValid(text) ||
    (text.includes('.') && !ipaddr.IPv4.isValidFourPartDecimal(text) && !text.includes(':'))
  ) {
    return identifierFailure('ip_invalid', { text: raw.trim() });
  }
  const addr = ipaddr.process(text); // ::ffff:a.b.c.d becomes IPv4
  return {
    ok: true,
    value: {
      family: addr.kind() === 'ipv4' ? 4 : 6,
      bytes: to16(addr),
      canonical: addr.toString(),
    },
  };
}

/** An address (a /32 or /128) or a CIDR prefix. Host bits must be zero. */
export function parseIpPrefix(raw: string): Parsed<IpRange> {
  const text = raw.trim();
  const fast = fastPrefix(text);
  if (fast) return { ok: true, value: fast };
  if (!text.includes('/')) {
    const a = parseIpAddress(text);
    if (!a.ok) return a;
    const len = a.value.family === 4 ? 32 : 128;
    return {
      ok: true,
      value: {
        family: a.value.family,
        prefixLength: len,
        from: a.value.bytes,
        to: a.value.bytes,
        canonical: a.value.canonical,
      },
    };
  }
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number];
  try {
    const [addrText, lenText] = text.split('/') as [string, string];
    if (
      !/^\d{1,3}$/.test(lenText) ||
      (addrText.includes('.') &&
        !addrText.includes(':') &&
        !ipaddr.IPv4.isValidFourPartDecimal(addrText))
    ) {
      throw new Error('bad');
    }
    parsed = ipaddr.parseCIDR(text);
  } catch {
    return identifierFailure('prefix_invalid', { text });
  }
  let [addr, len] = parsed;
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress() && len >= 96) {
    addr = (addr as ipaddr.IPv6).toIPv4Address();
    len -= 96;
  }
  const family: IpFamily = addr.kind() === 'ipv4' ? 4 : 6;
  const bits = family === 4 ? 32 : 128;
  const network =
    family === 4
      ? ipaddr.IPv4.networkAddressFromCIDR(`${addr}/${len}`)
      : ipaddr.IPv6.networkAddressFromCIDR(`${addr}/${len}`);
  if (network.toString() !== addr.toString()) {
    return identifierFailure('prefix_host_bits', {
      text,
      network: `${network.toString()}/${len}`,
    });
  }
  const broadcast =
    family === 4
      ? ipaddr.IPv4.broadcastAddressFromCIDR(`${addr}/${len}`)
      : ipaddr.IPv6.broadcastAddressFromCIDR(`${addr}/${len}`);
  return {
    ok: true,
    value: {
      family,
      prefixLength: len,
      from: to16(network),
      to: to16(broadcast),
      canonical: len === bits ? addr.toString() : `${addr.toString()}/${len}`,
    },
  };
}

/** Bytewise comparison of two 16-byte addresses (plain Uint8Array: this file also runs in the renderer). */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return a.length - b.length;
}

export const toHex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export const rangeContains = (r: Pick<IpRange, 'from' | 'to'>, a: Uint8Array): boolean =>
  compareBytes(r.from, a) <= 0 && compareBytes(a, r.to) <= 0;

export const rangesOverlap = (
  a: Pick<IpRange, 'from' | 'to'>,
  b: Pick<IpRange, 'from' | 'to'>,
): boolean => compareBytes(a.from, b.to) <= 0 && compareBytes(b.from, a.to) <= 0;

/** A TCP/UDP port, 0-65535. */
export function parsePort(raw: string | number): Parsed<number> {
  const text = String(raw).trim();
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) {
    return identifierFailure('port_invalid', { text });
  }
  return { ok: true, value: Number(text) };
}

/**
 * The first address of the prefix of `prefixLength` (in the family's own terms) that contains the
 * 16-byte address `bytes`: what an IP look-up compares with ip_assignment.ip_from.
 */
export function maskIp(bytes: Uint8Array, family: IpFamily, prefixLength: number): Uint8Array {
  const out = Uint8Array.from(bytes);
  let bits = family === 4 ? 96 + prefixLength : prefixLength;
  for (let i = 0; i < 16; i++) {
    if (bits >= 8) bits -= 8;
    else {
      out[i] = out[i]! & ((0xff << (8 - bits)) & 0xff);
      bits = 0;
    }
  }
  return out;
}

/**
 * A request item's identifier as the register reads it: the number in E.164 or the address in
 * canonical form, its source port, or why it cannot be looked up (the first problem found).
 */
export function readItemIdentifier(
  kind: 'phone' | 'ip',
  value: string,
  port?: string | number | null,
): { normalised: string | null; port: number | null; problem: IdentifierFailure | null } {
  const given = port !== undefined && port !== null && port !== '';
  if (kind === 'phone') {
    const p = normalisePhone(value);
    const problem = p.ok ? (given ? identifierFailure('phone_port') : null) : p;
    return { normalised: p.ok ? p.value.e164 : null, port: null, problem };
  }
  const a = parseIpAddress(value);
  let problem: IdentifierFailure | null = a.ok ? null : a;
  if (a.ok && value.includes('/')) problem = identifierFailure('ip_prefix_given');
  let portNo: number | null = null;
  if (given) {
    const p = parsePort(port);
    if (p.ok) portNo = p.value;
    else problem ??= p;
  }
  return { normalised: a.ok ? a.value.canonical : null, port: portNo, problem };
}
