import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import {
  maskIp,
  normalisePhone,
  parseIpAddress,
  parseIpPrefix,
  parsePort,
  rangeContains,
  rangesOverlap,
  toHex,
} from '../../shared/identifiers';

describe('normalisePhone', () => {
  it.each([
    ['06-12345678', '+31612345678'],
    ['0612345678', '+31612345678'],
    ['+31 6 1234 5678', '+31612345678'],
    ['0031612345678', '+31612345678'],
    ['050-1234567', '+31501234567'],
    ['tel:+31612345678', '+31612345678'],
    ['+32 470 12 34 56', '+32470123456'],
  ])('%s → %s', (raw, e164) => {
    const r = normalisePhone(raw);
    expect(r.ok && r.value.e164).toBe(e164);
  });
  it.each(['12345', '', 'abc', '06-1234567a', '+31 6 1234'])('rejects %j with a reason', (raw) => {
    const r = normalisePhone(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeGreaterThan(5);
  });
});

describe('IP parsing', () => {
  it('maps IPv4 into the IPv6 space so ranges compare bytewise', () => {
    const a = parseIpAddress('192.0.2.7');
    expect(a.ok && toHex(a.value.bytes)).toBe('00000000000000000000ffffc0000207');
    expect(a.ok && a.value.family).toBe(4);
    const m = parseIpAddress('::ffff:192.0.2.7');
    expect(m.ok && m.value.family).toBe(4);
  });
  it('parses prefixes with their first and last address', () => {
    const p = parseIpPrefix('192.0.2.8/29');
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.value.canonical).toBe('192.0.2.8/29');
    expect(
      rangeContains(
        p.value,
        (parseIpAddress('192.0.2.15') as { value: { bytes: Uint8Array } }).value.bytes,
      ),
    ).toBe(true);
    expect(
      rangeContains(
        p.value,
        (parseIpAddress('192.0.2.16') as { value: { bytes: Uint8Array } }).value.bytes,
      ),
    ).toBe(false);
    const v6 = parseIpPrefix('2001:DB8:12::/48');
    expect(v6.ok && v6.value.canonical).toBe('2001:db8:12::/48');
    expect(v6.ok && toHex(v6.value.to)).toBe('20010db80012ffffffffffffffffffff');
    const host = parseIpPrefix('2001:db8::1');
    expect(host.ok && host.value.prefixLength).toBe(128);
  });
  it('rejects host bits, bad lengths and non-addresses', () => {
    const h = parseIpPrefix('192.0.2.5/29');
    expect(h.ok).toBe(false);
    if (!h.ok) expect(h.reason).toContain('192.0.2.0/29');
    for (const bad of [
      '192.0.2.0/33',
      '2001:db8::/129',
      '999.1.1.1',
      '10.1',
      'fe80::/x',
      'hello',
    ]) {
      expect(parseIpPrefix(bad).ok, bad).toBe(false);
    }
    expect(parseIpAddress('10.1').ok).toBe(false); // short forms are not accepted
  });
  it('detects overlapping ranges', () => {
    const a = parseIpPrefix('10.0.0.0/24');
    const b = parseIpPrefix('10.0.0.128/25');
    const c = parseIpPrefix('10.0.1.0/24');
    if (!a.ok || !b.ok || !c.ok) throw new Error('parse');
    expect(rangesOverlap(a.value, b.value)).toBe(true);
    expect(rangesOverlap(a.value, c.value)).toBe(false);
  });
  it('parses ports', () => {
    expect(parsePort('443')).toEqual({ ok: true, value: 443 });
    expect(parsePort('65536').ok).toBe(false);
    expect(parsePort('-1').ok).toBe(false);
  });
  it('masks an address to the start of its prefix of a given length', () => {
    const v4 = parseIpAddress('203.0.113.77');
    const v6 = parseIpAddress('2001:db8:12:34ff::1');
    if (!v4.ok || !v6.ok) throw new Error('parse');
    const p29 = parseIpPrefix('203.0.113.72/29');
    const p48 = parseIpPrefix('2001:db8:12::/48');
    const p56 = parseIpPrefix('2001:db8:12:3400::/56');
    if (!p29.ok || !p48.ok || !p56.ok) throw new Error('parse');
    expect(toHex(maskIp(v4.value.bytes, 4, 29))).toBe(toHex(p29.value.from));
    expect(toHex(maskIp(v4.value.bytes, 4, 32))).toBe(toHex(v4.value.bytes));
    expect(toHex(maskIp(v4.value.bytes, 4, 0))).toBe('00000000000000000000ffff00000000');
    expect(toHex(maskIp(v6.value.bytes, 6, 48))).toBe(toHex(p48.value.from));
    expect(toHex(maskIp(v6.value.bytes, 6, 56))).toBe(toHex(p56.value.from));
    expect(toHex(maskIp(v6.value.bytes, 6, 53))).toBe('20010db8001230000000000000000000');
  });
});

describe('fast paths agree with the full parsers', () => {
  // The import normalises millions of identifiers through hand-written fast paths; these compare
  // them with libphonenumber-js and ipaddr.js on many generated inputs.
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('');

  it('Dutch numbers: same E.164, type and verdict as libphonenumber', async () => {
    const { parsePhoneNumberFromString } = await import('libphonenumber-js/max');
    let valid = 0;
    for (let i = 0; i < 20_000; i++) {
      const nsn = `${1 + Math.floor(rnd() * 9)}${digits(5 + Math.floor(rnd() * 6))}`;
      const area = 1 + Math.floor(rnd() * 3);
      const forms = [
        `0${nsn}`,
        `0${nsn.slice(0, area)}-${nsn.slice(area)}`,
        `+31 ${nsn.slice(0, area)} ${nsn.slice(area)}`,
        `0031${nsn}`,
        `(0${nsn.slice(0, area)}) ${nsn.slice(area)}`,
      ];
      const text = forms[i % forms.length]!;
      const ref = parsePhoneNumberFromString(text, 'NL');
      const refOk = !!ref && ref.isValid();
      const got = normalisePhone(text);
      expect(got.ok, text).toBe(refOk);
      if (got.ok && ref) {
        valid++;
        expect(got.value.e164, text).toBe(ref.number);
        expect(got.value.type, text).toBe((ref.getType() ?? 'unknown').toLowerCase());
      }
    }
    expect(valid).toBeGreaterThan(1500); // the sample really exercises valid numbers
  });

  it('IP addresses and prefixes: same ranges and canonical text as ipaddr.js', () => {
    const hex = (n: number) => Math.floor(rnd() * n).toString(16);
    for (let i = 0; i < 5000; i++) {
      let text: string;
      if (i % 2) {
        const o = [0, 0, 0, 0].map(() => Math.floor(rnd() * 256));
        const len = [32, 32, 29, 24, 8, 0][i % 6]!;
        text = `${o.join('.')}${len === 32 && rnd() < 0.5 ? '' : `/${len}`}`;
      } else {
        const g = Array.from({ length: 8 }, () => (rnd() < 0.4 ? '0' : hex(0x10000)));
        const len = [128, 64, 56, 48, 32][i % 5]!;
        let addr = g.join(':');
        if (rnd() < 0.5) addr = addr.replace(/(^|:)0(:0)+(:|$)/, '::');
        if (rnd() < 0.2) addr = addr.toUpperCase();
        text = `${addr}/${len}`;
      }
      const got = parseIpPrefix(text);
      let ref: { from: string; to: string; canonical: string } | null = null;
      try {
        const [a, len] = ipaddr.parseCIDR(text.includes('/') ? text : `${text}/32`);
        const kind = a.kind();
        const net =
          kind === 'ipv4'
            ? ipaddr.IPv4.networkAddressFromCIDR(`${a}/${len}`)
            : ipaddr.IPv6.networkAddressFromCIDR(`${a}/${len}`);
        const bc =
          kind === 'ipv4'
            ? ipaddr.IPv4.broadcastAddressFromCIDR(`${a}/${len}`)
            : ipaddr.IPv6.broadcastAddressFromCIDR(`${a}/${len}`);
        const b16 = (x: ipaddr.IPv4 | ipaddr.IPv6) =>
          toHex(
            Uint8Array.from(
              x.kind() === 'ipv4'
                ? (x as ipaddr.IPv4).toIPv4MappedAddress().toByteArray()
                : x.toByteArray(),
            ),
          );
        const full = kind === 'ipv4' ? 32 : 128;
        if (net.toString() === a.toString()) {
          ref = {
            from: b16(net),
            to: b16(bc),
            canonical: len === full ? a.toString() : `${a.toString()}/${len}`,
          };
        }
      } catch {
        ref = null;
      }
      expect(got.ok, text).toBe(ref !== null);
      if (got.ok && ref) {
        expect(toHex(got.value.from), text).toBe(ref.from);
        expect(toHex(got.value.to), text).toBe(ref.to);
        expect(got.value.canonical, text).toBe(ref.canonical);
      }
    }
  });
});
