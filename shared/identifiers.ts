import ipaddr from 'ipaddr.js';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Identifier normalisation shared by the import, the request wizard and matching: phone numbers
 * to E.164, IP addresses and prefixes to comparable 16-byte ranges (IPv4 as ::ffff:a.b.c.d).
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface PhoneNumber {
  e164: string;
  /** fixed, mobile, voip, toll_free … as libphonenumber classifies it, or unknown. */
  type: string;
}

export function normalisePhone(raw: string, defaultRegion: 'NL' = 'NL'): Parsed<PhoneNumber> {
  const text = raw.trim();
  if (!text) return { ok: false, reason: 'empty phone number' };
  if (/[a-z]/i.test(text.replace(/^tel:/i, ''))) {
    return {
      ok: false,
      reason: `"${clip(text)}" contains letters; a phone number has digits only`,
    };
  }
  const p = parsePhoneNumberFromString(text.replace(/^tel:/i, ''), defaultRegion);
  if (!p || !p.isValid()) {
    return {
      ok: false,
      reason: `"${clip(text)}" is not a valid phone number (checked as Dutch unless it has +country)`,
    };
  }
  return { ok: true, value: { e164: p.number, type: (p.getType() ?? 'unknown').toLowerCase() } };
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

export function parseIpAddress(raw: string): Parsed<IpAddress> {
  const text = raw.trim().replace(/^\[(.*)\]$/, '$1');
  if (
    !ipaddr.isValid(text) ||
    (text.includes('.') && !ipaddr.IPv4.isValidFourPartDecimal(text) && !text.includes(':'))
  ) {
    return { ok: false, reason: `"${clip(raw.trim())}" is not a valid IPv4 or IPv6 address` };
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
    return {
      ok: false,
      reason: `"${clip(text)}" is not a valid IP prefix (expected e.g. 192.0.2.0/29 or 2001:db8::/48)`,
    };
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
    return {
      ok: false,
      reason: `"${clip(text)}" has host bits set; the network is ${network.toString()}/${len}`,
    };
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
    return { ok: false, reason: `"${clip(text)}" is not a port number (0-65535)` };
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
