import { findNumbers, parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Phone numbers in running text, in every Dutch and international notation (`06-41234567`,
 * `06 - 7788 9900`, `+31 6 2345 6789`, `+31 (0)6 - 5551 2345`, `0031 10 7654321`, `040 - 123 45 67`).
 * libphonenumber finds the candidates; a candidate counts when it is a valid number, or written
 * exactly like a Dutch number (trunk 0 or +31, nine digits) though not in the numbering plan —
 * that one is offered with a warning rather than silently dropped.
 */
export interface FoundPhone {
  from: number;
  to: number;
  text: string;
  /** E.164 as libphonenumber reads it. */
  e164: string;
  valid: boolean;
  /** libphonenumber's type in lower case (mobile, fixed_line, toll_free …) or unknown. */
  type: string;
}

/**
 * Types that are services (0800, 0900, 0906/0909), never a subscriber line asked about. 085 and
 * 088 numbers (VoIP, company numbers) are subscriber lines like any other.
 */
export const SERVICE_NUMBER_TYPES = ['toll_free', 'premium_rate', 'shared_cost', 'voicemail'];

const DUTCH_SHAPE = /^(?:\+31|0031)\s*(?:\(0\))?[\s-]*[1-9]|^\(?0[1-9]/;

function dutchDigits(text: string): number {
  const d = text.replace(/\(0\)/, '').replace(/\D/g, '');
  const nsn = d.startsWith('0031')
    ? d.slice(4)
    : d.startsWith('31') && text.trim().startsWith('+')
      ? d.slice(2)
      : d.replace(/^0/, '');
  return nsn.length;
}

/** `leniency` is a runtime option the typings leave out: POSSIBLE lets the desk see invalid numbers. */
const POSSIBLE = { defaultCountry: 'NL', v2: true, leniency: 'POSSIBLE' } as unknown as {
  defaultCountry: 'NL';
  v2: true;
};

export function findPhones(text: string): FoundPhone[] {
  const out: FoundPhone[] = [];
  for (const n of findNumbers(text, POSSIBLE)) {
    const raw = text.slice(n.startsAt, n.endsAt);
    // A number is written with its trunk 0 or a + / 00: `2026-03391` in a reference is none.
    if (!/^[+(]|^0/.test(raw)) continue;
    const valid = n.number.isValid();
    if (!valid && !(DUTCH_SHAPE.test(raw) && dutchDigits(raw) === 9)) continue;
    out.push({
      from: n.startsAt,
      to: n.endsAt,
      text: raw,
      e164: n.number.number,
      valid,
      type: (n.number.getType() ?? 'unknown').toLowerCase(),
    });
  }
  // An MSISDN as networks write it: country code without + (`MSISDN 31641234567`).
  for (const m of text.matchAll(MSISDN)) {
    const digits = m[1]!;
    const from = m.index + m[0].length - digits.length;
    if (out.some((o) => from < o.to && o.from < from + digits.length)) continue;
    const p = parsePhoneNumberFromString(`+${digits}`);
    if (!p) continue;
    out.push({
      from,
      to: from + digits.length,
      text: digits,
      e164: p.number,
      valid: p.isValid(),
      type: (p.getType() ?? 'unknown').toLowerCase(),
    });
  }
  return out.sort((a, b) => a.from - b.from);
}

const MSISDN = /\bmsisdn\b[^0-9+\n]{0,20}(?<![\d+])([1-9]\d{9,13})(?!\d)/gi;
