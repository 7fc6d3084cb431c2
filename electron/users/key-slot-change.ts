import type { DeskContext } from '../core/context';
import { readKeySlots, writeKeySlots } from '../vault/keyslots';
import { setPassphrase, vaultPaths } from '../vault/vault';

/**
 * Gives a user a key slot under a new passphrase, then runs `record` (the account change and its
 * audit event) in one transaction. The key file is not part of that transaction, so when it fails
 * the user's slot is put back as it was (the old one, or none): no passphrase changes unaudited and
 * no slot outlives a failed account change.
 */
export async function withNewKeySlot<T>(
  ctx: DeskContext,
  userName: string,
  passphrase: string,
  record: () => T,
): Promise<T> {
  const { dir, key } = ctx.vault;
  const file = vaultPaths(dir).slots;
  const before = readKeySlots(file).slots.find((s) => s.user === userName);
  await setPassphrase(dir, userName, key, passphrase, ctx.session.kdfCost);
  try {
    return ctx.db.transaction(record)();
  } catch (e) {
    const now = readKeySlots(file);
    writeKeySlots(file, {
      ...now,
      slots: [...now.slots.filter((s) => s.user !== userName), ...(before ? [before] : [])],
    });
    throw e;
  }
}
