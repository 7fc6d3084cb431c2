import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (
  password: string | Buffer,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/** scrypt parameters, stored with each key slot so they can be raised later per slot. */
export interface KdfParams {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string; // hex
}

/** ~0.4-0.6 s on a 2-core laptop, 128 MiB of memory. */
export const DEFAULT_KDF_COST = { N: 2 ** 17, r: 8, p: 1 };

export interface WrappedKey {
  kdf: KdfParams;
  iv: string; // hex, 12 bytes
  ciphertext: string; // hex
  tag: string; // hex, 16 bytes
}

export async function deriveKek(passphrase: string, kdf: KdfParams): Promise<Buffer> {
  const maxmem = 128 * kdf.N * kdf.r * 2;
  return scrypt(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'hex'), 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem,
  });
}

/** Wraps the database key under a key derived from the passphrase (AES-256-GCM). */
export async function wrapKey(
  dbKey: Buffer,
  passphrase: string,
  cost: { N: number; r: number; p: number } = DEFAULT_KDF_COST,
  aad = 'naw-desk-slot-v1',
): Promise<WrappedKey> {
  const kdf: KdfParams = { name: 'scrypt', ...cost, salt: randomBytes(16).toString('hex') };
  const kek = await deriveKek(passphrase, kdf);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad));
  const ciphertext = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  kek.fill(0);
  return {
    kdf,
    iv: iv.toString('hex'),
    ciphertext: ciphertext.toString('hex'),
    tag: cipher.getAuthTag().toString('hex'),
  };
}

/** Returns the database key, or null when the passphrase is wrong (authentication tag fails). */
export async function unwrapKey(
  slot: WrappedKey,
  passphrase: string,
  aad = 'naw-desk-slot-v1',
): Promise<Buffer | null> {
  const kek = await deriveKek(passphrase, slot.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'hex'));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(Buffer.from(slot.tag, 'hex'));
    return Buffer.concat([decipher.update(Buffer.from(slot.ciphertext, 'hex')), decipher.final()]);
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}
