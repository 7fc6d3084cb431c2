import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { z } from 'zod';
import { wordedError } from '../core/errors';
import { diskFullAsDeskError } from '../core/disk-full';
import type { Db } from '../core/db';
import { unwrapKey, wrapKey, type WrappedKey } from './key-wrap';
import { keepAsIs, moveIntoPlace, stageFile, writeFileAtomic } from '../core/atomic-file';

/**
 * The small file beside the database that holds one key slot per user: the database key wrapped
 * under a key derived from that user's passphrase. It is read before the vault is open, and anyone
 * who copies the folder can read it, so it names nobody: a slot is found by its label, a keyed hash
 * of the user name (with a random key per vault, stored here), and the organisation's name is not
 * in it. Besides the slots it carries only what the unlock screen needs: the vault id and the demo
 * flag. The first version of the file named every user and the organisation; it is still read, and
 * the next write (at the latest the next sign-in) replaces it.
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
const Hex256 = z.string().regex(/^[0-9a-f]{64}$/);

const FirstVersion = z.object({
  format: z.literal('naw-desk-keyslots'),
  version: z.literal(1),
  vaultId: z.string().uuid(),
  orgName: z.string(),
  demo: z.boolean(),
  slots: z.array(WrappedKeySchema.extend({ user: z.string() })),
});

const KeySlotsSchema = z.object({
  format: z.literal('naw-desk-keyslots'),
  version: z.literal(2),
  vaultId: z.string().uuid(),
  demo: z.boolean(),
  /** The key of the slot labels (random per vault). */
  labelKey: Hex256,
  slots: z.array(WrappedKeySchema.extend({ label: Hex256 })),
});

export type KeySlot = z.infer<typeof KeySlotsSchema>['slots'][number];
export type KeySlotsFile = z.infer<typeof KeySlotsSchema> & {
  /** Read from a first-version file (names in plaintext): write it again to replace it. Never written. */
  firstVersion?: true;
};

/** The slot label of a user name: HMAC-SHA256 under the vault's label key. */
const labelOf = (slots: Pick<KeySlotsFile, 'vaultId' | 'labelKey'>, user: string): string =>
  createHmac('sha256', Buffer.from(slots.labelKey, 'hex'))
    .update(`naw-desk-slot-label-v1:${slots.vaultId}:${user}`)
    .digest('hex');

/** An empty key file for a new vault. */
export const newKeySlots = (vaultId: string, demo: boolean): KeySlotsFile => ({
  format: 'naw-desk-keyslots',
  version: 2,
  vaultId,
  demo,
  labelKey: randomBytes(32).toString('hex'),
  slots: [],
});

/**
 * A key file's content (this version, or the first one, converted: its user names become labels
 * under a new label key) — or null when it is not a NAW Desk key file. Also used for the copy of
 * the key file inside a backup.
 */
export function parseKeySlots(raw: unknown): KeySlotsFile | null {
  const current = KeySlotsSchema.safeParse(raw);
  if (current.success) return current.data;
  const first = FirstVersion.safeParse(raw);
  if (!first.success) return null;
  const converted: KeySlotsFile = { ...newKeySlots(first.data.vaultId, first.data.demo) };
  converted.slots = first.data.slots.map(({ user, ...wrapped }) => ({
    label: labelOf(converted, user),
    ...wrapped,
  }));
  converted.firstVersion = true;
  return converted;
}

export function readKeySlots(file: string): KeySlotsFile {
  if (!existsSync(file)) {
    throw wordedError('NO_VAULT', 'vault.noKeyFile');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw wordedError('VAULT_DAMAGED', 'vault.keyFileNotJson');
  }
  const slots = parseKeySlots(parsed);
  if (!slots) {
    throw wordedError('VAULT_DAMAGED', 'vault.keyFileDamaged');
  }
  return slots;
}

/** The key file as it is written (always this version), e.g. into a backup. */
export function keySlotsContent(slots: KeySlotsFile): z.infer<typeof KeySlotsSchema> {
  return KeySlotsSchema.parse({
    format: slots.format,
    version: 2,
    vaultId: slots.vaultId,
    demo: slots.demo,
    labelKey: slots.labelKey,
    slots: slots.slots.map((s) => ({
      label: s.label,
      kdf: s.kdf,
      iv: s.iv,
      ciphertext: s.ciphertext,
      tag: s.tag,
    })),
  });
}

export const keySlotsText = (slots: KeySlotsFile): string =>
  JSON.stringify(keySlotsContent(slots), null, 2) + '\n';

export function writeKeySlots(file: string, slots: KeySlotsFile): void {
  const text = keySlotsText(slots);
  try {
    writeFileAtomic(file, text);
  } catch (e) {
    throw diskFullAsDeskError(e) ?? e;
  }
}

/**
 * Changes the key file together with a database transaction (`record`: the account change and its
 * audit event), so that no passphrase changes unaudited and no slot outlives a failed change. The
 * new file is written and synced first — a full disk stops it there, before anything changed —
 * and moved into place as the transaction's last step; if the commit then fails, the old file,
 * kept under a second name (a hard link, which needs no room on disk), is moved back.
 */
export function changeKeySlots<T>(db: Db, file: string, next: KeySlotsFile, record: () => T): T {
  if (db.inTransaction) {
    // Inside another transaction, "committed" here would not mean committed.
    throw new Error('changeKeySlots runs its own transaction');
  }
  let staged: string | null = null;
  let kept: string | null = null;
  let placed = false;
  try {
    staged = stageFile(file, keySlotsText(next));
    kept = keepAsIs(file);
    const out = db.transaction(() => {
      const result = record();
      moveIntoPlace(staged!, file);
      placed = true;
      return result;
    })();
    return out;
  } catch (e) {
    if (placed) {
      try {
        if (kept) moveIntoPlace(kept, file);
        else rmSync(file, { force: true });
        kept = null;
      } catch {
        console.error('[naw-desk] the key file could not be put back after a failed change');
      }
    }
    throw diskFullAsDeskError(e) ?? e;
  } finally {
    if (staged && !placed) rmSync(staged, { force: true });
    if (kept) rmSync(kept, { force: true });
  }
}

const slotAad = (vaultId: string, user: string) => `naw-desk-slot-v1:${vaultId}:${user}`;

/** The database key wrapped for one user of one vault (the slot's additional data binds both). */
export const wrapForUser = (
  vaultId: string,
  user: string,
  dbKey: Buffer,
  passphrase: string,
  cost?: { N: number; r: number; p: number },
): Promise<WrappedKey> => wrapKey(dbKey, passphrase, cost, slotAad(vaultId, user));

export const findSlot = (slots: KeySlotsFile, user: string): KeySlot | undefined => {
  const label = labelOf(slots, user);
  return slots.slots.find((s) => s.label === label);
};

/** The key file with `user`'s slot set to `wrapped` (added, or replacing the old one). */
export function withSlot(slots: KeySlotsFile, user: string, wrapped: WrappedKey): KeySlotsFile {
  const label = labelOf(slots, user);
  return {
    ...slots,
    slots: [...slots.slots.filter((s) => s.label !== label), { label, ...wrapped }],
  };
}

export function withoutSlot(slots: KeySlotsFile, user: string): KeySlotsFile {
  const label = labelOf(slots, user);
  return { ...slots, slots: slots.slots.filter((s) => s.label !== label) };
}

/** The database key from the user's slot, or null (unknown user or wrong passphrase). */
export async function openSlot(
  slots: KeySlotsFile,
  user: string,
  passphrase: string,
): Promise<Buffer | null> {
  const slot = findSlot(slots, user);
  if (!slot) {
    // Spend the same KDF time as a real attempt so a wrong user name is not told apart by timing.
    const decoy = slots.slots[0];
    if (decoy) await unwrapKey(decoy, passphrase, 'decoy');
    return null;
  }
  return unwrapKey(slot, passphrase, slotAad(slots.vaultId, user));
}
