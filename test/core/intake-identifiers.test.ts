import { describe, expect, it } from 'vitest';
import { contactReason, isDestination } from '../../electron/intake/rules/contact-context';
import { findIps } from '../../electron/intake/rules/ips';
import { notIdentifierSpans } from '../../electron/intake/rules/not-identifiers';
import { findPhones } from '../../electron/intake/rules/phones';
import { draftOf } from '../fixtures/intake/catalogues';

describe('intake: phone numbers in every notation', () => {
  it.each([
    ['06-41234567', '+31641234567'],
    ['06 - 4123 4567', '+31641234567'],
    ['+31 6 2345 6789', '+31623456789'],
    ['+31 (0)6 - 5551 2345', '+31655512345'],
    ['0031 10 7654321', '+31107654321'],
    ['010-7654321', '+31107654321'],
    ['040 - 123 45 67', '+31401234567'],
    ['085-1234567', '+31851234567'],
    ['088 123 4567', '+31881234567'],
    ['+32 470 12 34 56', '+32470123456'],
  ])('%s', (text, e164) => {
    const [p] = findPhones(`het nummer ${text} was`);
    expect(p).toMatchObject({ text, e164, valid: true });
  });

  it('reads an MSISDN written without +', () => {
    expect(findPhones('MSISDN: 31641234567')).toMatchObject([
      { text: '31641234567', e164: '+31641234567', valid: true },
    ]);
    expect(findPhones('referentie 2026-03391')).toEqual([]);
  });

  it('keeps a Dutch-written number outside the numbering plan, marked invalid', () => {
    expect(findPhones('nummer 06 - 7788 9900')).toMatchObject([
      { text: '06 - 7788 9900', valid: false },
    ]);
  });

  it('does not read dates, KvK numbers or register numbers as phone numbers', () => {
    expect(findPhones('op 28-10-2026 om 14:32')).toEqual([]);
    expect(findPhones('KvK 12345678')).toEqual([]);
    expect(findPhones('13/123456-26')).toEqual([]);
    expect(findPhones('BVH 2026123456')).toEqual([]);
  });
});

describe('intake: IP addresses and source ports', () => {
  it.each([
    ['198.51.100.23 met bronpoort 40211', '198.51.100.23', 40211],
    ['203.0.113.77:61012', '203.0.113.77', 61012],
    ['[2001:db8::10]:443', '2001:db8::10', 443],
    ['2001:0DB8:0000:0000:0000:0000:0000:0010 poort 5000', '2001:db8::10', 5000],
    ['2001:DB8::A', '2001:db8::a', undefined],
    ['src=203.0.113.9 sport=40123', '203.0.113.9', 40123],
    ['203.0.113.9 (source port 1500)', '203.0.113.9', 1500],
  ])('%s', (text, canonical, port) => {
    const [ip] = findIps(text);
    expect(ip?.canonical).toBe(canonical);
    expect(ip?.port?.value).toBe(port);
  });

  it('never takes a destination port, a prefix or a time for an address', () => {
    expect(findIps('198.51.100.1 met doelpoort 443')[0]?.port).toBeUndefined();
    expect(findIps('2001:db8::/32')).toEqual([]);
    expect(findIps('om 14:32:05 uur')).toEqual([]);
    expect(findIps('203.0.113.9:99999')[0]?.port).toBeUndefined();
  });

  it('marks addresses no subscriber can hold', () => {
    expect(findIps('10.0.0.1')[0]?.nonPublic).toBe('private');
    expect(findIps('100.64.1.2')[0]?.nonPublic).toBe('carrierGradeNat');
    expect(findIps('203.0.113.1')[0]?.nonPublic).toBeUndefined();
  });
});

describe('intake: numbers that are something else', () => {
  const reasons = (s: string) => notIdentifierSpans(s).map((b) => b.reason);
  it('knows KvK, IBAN, VAT, BSN, postbox, articles and register numbers', () => {
    expect(reasons('KvK-nummer: 87654321')).toContain('kvk_number');
    expect(reasons('IBAN NL91 ABNA 0417 1643 00')).toContain('iban');
    expect(reasons('BTW NL001234567B01')).toContain('vat_number');
    expect(reasons('BSN 123456782')).toContain('bsn');
    expect(reasons('Postbus 12345')).toContain('postbox');
    expect(reasons('art. 126na lid 1')).toContain('article_number');
    expect(reasons('parketnummer 13/123456-26')).toContain('case_reference');
    expect(reasons('het nummer 06-41234567')).toEqual([]);
  });

  it('knows contact labels and sentences, and destinations', () => {
    expect(contactReason('Fax: 010 - 275 99 99', 5)).toBe('fax');
    expect(contactReason('Tel.: 010 - 274 12 34', 6)).toBe('contact_label');
    expect(contactReason('Voor vragen ben ik bereikbaar via 06-12345678', 34)).toBe(
      'contact_context',
    );
    expect(contactReason('Het nummer 06-41234567 was bereikbaar', 11)).toBeNull();
    expect(contactReason('Ons telefoonnummer is 020-5550100', 22)).toBe('contact_context');
    expect(contactReason('Mijn directe nummer: 06-12345678', 21)).toBe('contact_context');
    expect(contactReason('Het nummer van de verdachte is 06-41234567', 31)).toBeNull();
    expect(contactReason('Behandelaar: J. Smit, 06-12345678', 22)).toBe('requester_details');
    expect(isDestination('203.0.113.9:4000 -> 192.0.2.1:443', 20)).toBe(true);
    expect(isDestination('src=203.0.113.9', 4)).toBe(false);
  });
});

describe('intake: which numbers are offered (precision before recall)', () => {
  const letter = [
    'Politie Eenheid Amsterdam',
    'Telefoon 0900-8844  Fax 020 - 559 99 99',
    'KvK 12345678  IBAN NL91 ABNA 0417 1643 00',
    '',
    'Betreft: vordering gebruikersgegevens',
    '',
    'Geachte heer/mevrouw,',
    '',
    'Ik vorder de gegevens van de gebruiker van het nummer 06-41234567 op 28 oktober 2026 om 14:32 uur.',
    'Testnet is bereikbaar op 020 123 4567; u kunt mij bellen op 06-12345678.',
    'Dit betreft artikel 126na lid 1 Sv, met een termijn tot 6 november 2026.',
    '',
    'Met vriendelijke groet,',
    '',
    'J. de Vries',
    'Tel 06-87654321',
  ].join('\n');

  it('offers the asked-about number only and says why the others are not', () => {
    const d = draftOf(letter);
    expect(d.items).toEqual([
      {
        kind: 'phone',
        value: '+31641234567',
        moment: '2026-10-28T14:32',
        timeZone: 'Europe/Amsterdam',
      },
    ]);
    const ignored = Object.fromEntries(d.extraction.ignored.map((i) => [i.text, i.reason]));
    expect(ignored).toMatchObject({
      '0900-8844': 'letterhead',
      '020 - 559 99 99': 'letterhead',
      '06-12345678': 'contact_context',
      '06-87654321': 'signature',
    });
    expect(ignored['0417 1643 00']).toBe('iban');
  });

  it('does not offer a number of the sender that also appears in the body', () => {
    const d = draftOf(
      `${letter}\nHet nummer 06-87654321 is mijn dienstnummer.`.replace(
        'Met vriendelijke',
        'PS: x\n\nMet vriendelijke',
      ),
    );
    expect(d.items.map((i) => i.value)).toEqual(['+31641234567']);
  });

  it('does not offer a number without a word or moment showing it is asked about', () => {
    const d = draftOf('Geachte heer,\n\nZie 06-41234567.\n');
    expect(d.items).toEqual([]);
    expect(d.extraction.ignored).toMatchObject([
      { text: '06-41234567', reason: 'no_identifier_context' },
    ]);
    expect(d.warnings).toContainEqual({ code: 'no_identifiers', params: {} });
  });

  it('never offers the provider’s own number', () => {
    const d = draftOf('Het nummer 020 123 4567 op 28-10-2026 om 10:00 uur.');
    expect(d.items).toEqual([]);
    expect(d.extraction.ignored[0]?.reason).toBe('provider_number');
  });

  it('flags invalid numbers and non-public addresses it offers', () => {
    const d = draftOf('Het nummer 06 - 7788 9900 en IP-adres 10.1.2.3 op 28-10-2026 om 10:00 uur.');
    expect(d.items.map((i) => i.value)).toEqual(['06 - 7788 9900', '10.1.2.3']);
    expect(d.warnings).toContainEqual({ code: 'phone_not_valid', params: { item: 1 } });
    expect(d.warnings).toContainEqual({
      code: 'ip_not_public',
      params: { item: 2, range: 'private' },
    });
  });
});
