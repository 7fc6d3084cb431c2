/**
 * The recovery key is the raw 256-bit database key, written as 16 groups of 4 hex digits so a
 * person can copy it onto paper. With it, SQLCipher 4 opens the vault: PRAGMA key = "x'<hex>'".
 */
export function formatRecoveryKey(dbKey: Buffer): string {
  const hex = dbKey.toString('hex').toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

/** Accepts the key with or without dashes/spaces, any case. Returns null if it is not 64 hex digits. */
export function parseRecoveryKey(text: string): Buffer | null {
  const hex = text.replace(/[\s-]/g, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) return null;
  return Buffer.from(hex, 'hex');
}
