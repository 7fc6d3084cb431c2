import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { DeskError } from '../core/errors';
import { unwrapKey, wrapKey, type WrappedKey } from './key-wrap';
import { writeFileAtomic } from '../core/atomic-file';

/**
 * The small file beside the database that holds one key slot per user: the database key wrapped
 * under a key derived from that user's passphrase. It also carries the non-secret facts the unlock
 * screen needs before the vault is open (organisation name, demo flag).
 */
const WrappedKeySchema = z.object({
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int().positive(),
    r: z.number().int().positive(),
    p: z.number().int().positive(),
    salt: z.string().regex(/^[0-9a-f]{32}$/),
  }),
  iv: z.string().regex(/^[0-9a-f]{24}$/),
  ciphertext: z.string().regex(/^[0-9a-f]{64}$/),
  tag: z.string().regex(/^[0-9a-f]{32}$/),
});

const KeySlotsFile = z.object({
  format: z.literal('naw-desk-keyslots'),
  version: z.literal(1),
  vaultId: z.string().uuid(),
  orgName: z.string(),
  demo: z.boolean(),
  slots: z.array(WrappedKeySchema.extend({ user: z.string() })),
});
export type KeySlotsFile = z.infer<typeof KeySlotsFile>;

export function readKeySlots(file: string): KeySlotsFile {
  if (!existsSync(file)) {
    throw new DeskError('NO_VAULT', 'No vault key file found in this folder.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new DeskError(
      'VAULT_DAMAGED',
      'The vault key file (keyslots.json) is damaged: it is not valid JSON. Restore it from a backup; the app did not change it.',
    );
  }
  const result = KeySlotsFile.safeParse(parsed);
  if (!result.success) {
    throw new DeskError(
      'VAULT_DAMAGED',
      'The vault key file (keyslots.json) is not a NAW Desk key file or is damaged. Restore it from a backup; the app did not change it.',
    );
  }
  return result.data;
}

export function writeKeySlots(file: string, slots: KeySlotsFile): void {
  writeFileAtomic(file, JSON.stringify(KeySlotsFile.parse(slots), null, 2) + '\n');
}

const slotAad = (vaultId: string, user: string) => `naw-desk-slot-v1:${vaultId}:${user}`;

export async function makeSlot(
  vaultId: string,
  user: string,
  dbKey: Buffer,
  passphrase: string,
  cost?: { N: number; r: number; p: number },
): Promise<WrappedKey & { user: string }> {
  const wrapped = await wrapKey(dbKey, passphrase, cost, slotAad(vaultId, user));
  return { user, ...wrapped };
}

/** The database key from the user's slot, or null (unknown user or wrong passphrase). */
export async function openSlot(
  slots: KeySlotsFile,
  user: string,
  passphrase: string,
): Promise<Buffer | null> {
  const slot = slots.slots.find((s) => s.user === user);
  if (!slot) {
    // Spend the same KDF time as a real attempt so a wrong user name is not told apart by timing.
    const decoy = slots.slots[0];
    if (decoy) await unwrapKey(decoy, passphrase, 'decoy');
    return null;
  }
  return unwrapKey(slot, passphrase, slotAad(slots.vaultId, user));
}

export function replaceSlot(
  slots: KeySlotsFile,
  slot: WrappedKey & { user: string },
): KeySlotsFile {
  return { ...slots, slots: [...slots.slots.filter((s) => s.user !== slot.user), slot] };
}
