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
