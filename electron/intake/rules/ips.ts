import ipaddr from 'ipaddr.js';
import { parseIpAddress } from '../../../shared/identifiers';

/**
 * IP addresses in running text and log lines, with the source port in the usual forms:
 * `198.51.100.23 met bronpoort 40211`, `203.0.113.77:61012`, `[2001:db8::10]:443`, `src_port=…`,
 * upper-case or fully written-out IPv6. A prefix (`/64`) is not an address and is not returned.
 */
export interface FoundIp {
  from: number;
  to: number;
  text: string;
  canonical: string;
  family: 4 | 6;
  port?: { value: number; from: number; to: number };
  /** ipaddr.js's range name when the address cannot be a subscriber's (private, loopback …). */
  nonPublic?: string;
}

const V4 = /(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d]|\.\d)/g;
const V6_BRACKET = /\[([0-9A-Fa-f:.]{2,45})\](?::(\d{1,5}))?/g;
const V6_BARE =
  /(?<![0-9A-Za-z:.[])((?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|\d{1,3}(?:\.\d{1,3}){3})?)(?![0-9A-Za-z:\]])/g;

/** Words after an address that give its source port. `doelpoort` / destination port never match. */
const PORT_AFTER =
  /^\s*(?:[,(]\s*)?(?:(?:met|with|en|and|op|on)\s+)?(?:(?:de|the|een|a)\s+)?(?:bronpoort|bron-poort|source[\s-]?port|src[\s_-]?port|sport|srcport|poortnummer|poort|port)(?:nummer)?\s*(?:nr\.?|number|no\.?)?\s*[:=]?\s*(\d{1,5})(?!\d)/i;

const NON_PUBLIC = [
  'private',
  'loopback',
  'linkLocal',
  'carrierGradeNat',
  'uniqueLocal',
  'unspecified',
  'multicast',
];

function rangeOf(canonical: string): string | undefined {
  try {
    const r = ipaddr.parse(canonical).range();
    return NON_PUBLIC.includes(r) ? r : undefined;
  } catch {
    return undefined;
  }
}

const validPort = (s: string) => /^\d{1,5}$/.test(s) && Number(s) <= 65535;

export function portAfter(text: string, at: number): FoundIp['port'] | undefined {
  const m = PORT_AFTER.exec(text.slice(at, at + 60));
  if (!m || !validPort(m[1]!)) return undefined;
  const end = at + m[0].length;
  return { value: Number(m[1]), from: end - m[1]!.length, to: end };
}

export function findIps(text: string): FoundIp[] {
  const out: FoundIp[] = [];
  const taken = (from: number, to: number) => out.some((o) => from < o.to && o.from < to);
  const add = (ip: FoundIp) => {
    const nonPublic = rangeOf(ip.canonical);
    out.push(nonPublic ? { ...ip, nonPublic } : ip);
  };

  V6_BRACKET.lastIndex = 0;
  for (let m = V6_BRACKET.exec(text); m; m = V6_BRACKET.exec(text)) {
    const p = parseIpAddress(m[1]!);
    if (!p.ok || p.value.family !== 6) continue;
    const from = m.index;
    const to = m.index + m[0].length;
    const ip: FoundIp = { from, to, text: m[0], canonical: p.value.canonical, family: 6 };
    if (m[2] && validPort(m[2])) ip.port = { value: Number(m[2]), from: to - m[2].length, to };
    else {
      const port = portAfter(text, to);
      if (port) ip.port = port;
    }
    add(ip);
  }
  V6_BARE.lastIndex = 0;
  for (let m = V6_BARE.exec(text); m; m = V6_BARE.exec(text)) {
    const from = m.index;
    const to = from + m[1]!.length;
    if (taken(from, to) || text[to] === '/' || (m[1]!.match(/:/g) ?? []).length < 2) continue;
    const p = parseIpAddress(m[1]!);
    if (!p.ok || p.value.family !== 6) continue;
    const ip: FoundIp = { from, to, text: m[1]!, canonical: p.value.canonical, family: 6 };
    const port = portAfter(text, to);
    if (port) ip.port = port;
    add(ip);
  }
  V4.lastIndex = 0;
  for (let m = V4.exec(text); m; m = V4.exec(text)) {
    const from = m.index;
    const to = from + m[1]!.length;
    if (taken(from, to) || text[to] === '/') continue;
    const p = parseIpAddress(m[1]!);
    if (!p.ok || p.value.family !== 4) continue;
    const ip: FoundIp = { from, to, text: m[1]!, canonical: p.value.canonical, family: 4 };
    const colon = /^:(\d{1,5})(?![\d.:])/.exec(text.slice(to));
    if (colon && validPort(colon[1]!)) {
      ip.port = { value: Number(colon[1]), from: to + 1, to: to + colon[0].length };
    } else {
      const port = portAfter(text, to);
      if (port) ip.port = port;
    }
    add(ip);
  }
  return out.sort((a, b) => a.from - b.from);
}
