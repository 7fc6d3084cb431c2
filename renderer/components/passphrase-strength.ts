import { MIN_PASSPHRASE_LENGTH } from '../../shared/schemas/common';

export type StrengthLevel = 'empty' | 'tooShort' | 'weak' | 'fair' | 'good' | 'strong';

const COMMON = [
  'password',
  'wachtwoord',
  'welkom',
  'welcome',
  'qwerty',
  'azerty',
  '123456',
  'abcdef',
  'letmein',
  'admin',
  'geheim',
  'secret',
];

/**
 * A rough, explainable estimate of passphrase strength for the meter (not a security guarantee):
 * bits ≈ log2(character pool) × effective length, where repeated characters count less and
 * well-known words cost bits. Below the minimum length it is always `tooShort`.
 */
export function passphraseStrength(value: string): { level: StrengthLevel; score: number } {
  if (value.length === 0) return { level: 'empty', score: 0 };
  if ([...value].length < MIN_PASSPHRASE_LENGTH) return { level: 'tooShort', score: 0 };
  let pool = 0;
  if (/[a-z]/.test(value)) pool += 26;
  if (/[A-Z]/.test(value)) pool += 26;
  if (/[0-9]/.test(value)) pool += 10;
  if (/[^a-zA-Z0-9]/.test(value)) pool += 33;
  const unique = new Set(value.toLowerCase()).size;
  const effectiveLength = Math.min(value.length, unique * 3);
  let bits = Math.log2(Math.max(pool, 2)) * effectiveLength;
  const lower = value.toLowerCase();
  for (const w of COMMON) if (lower.includes(w)) bits -= 20;
  if (bits < 45) return { level: 'weak', score: 1 };
  if (bits < 60) return { level: 'fair', score: 2 };
  if (bits < 80) return { level: 'good', score: 3 };
  return { level: 'strong', score: 4 };
}
