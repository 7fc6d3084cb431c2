import type { DeskContext } from '../core/context';
import { wordedError } from '../core/errors';
import { changeKeySlots, readKeySlots, withSlot, wrapForUser } from '../vault/keyslots';
import { vaultPaths } from '../vault/vault';

/**
 * Gives a user a key slot under a new passphrase together with `record` (the account change and
 * its audit event): both happen or neither does (see changeKeySlots) — no passphrase changes
 * unaudited and no slot outlives a failed account change, even when the disk is full.
 */
export async function withNewKeySlot<T>(
  ctx: DeskContext,
  userName: string,
  passphrase: string,
  record: () => T,
): Promise<T> {
  const vault = ctx.vault;
  const wrapped = await wrapForUser(
    vault.vaultId,
    userName,
    vault.key,
    passphrase,
    ctx.session.kdfCost,
  );
  // The vault may have locked during the KDF (its key is zeroed then): write nothing.
  if (ctx.session.vault !== vault) throw wordedError('LOCKED', 'vault.locked');
  const file = vaultPaths(vault.dir).slots;
  return changeKeySlots(vault.db, file, withSlot(readKeySlots(file), userName, wrapped), record);
}
