import type { CheckWitnessOutput, Witness } from '../../shared/schemas/audit';
import { chainHead } from './log';
import type { DeskContext } from '../core/context';
import type { Db } from '../core/db';

/** The chain head to keep outside the vault (print, mail, file); taking it is audited. */
export function takeWitness(ctx: DeskContext): Witness {
  const head = chainHead(ctx.db);
  const witness = { vaultId: ctx.vault.vaultId, seq: head.seq, hash: head.hash, at: ctx.nowIso() };
  ctx.audit('audit.witnessed', 'audit:chain', { seq: head.seq, hash: head.hash });
  return witness;
}

/** Checks witnesses against this vault's log (see checkWitnesses); the check is audited. */
export function checkWitnessesAudited(ctx: DeskContext, witnesses: Witness[]): CheckWitnessOutput {
  const result = checkWitnesses(ctx.db, ctx.vault.vaultId, witnesses);
  ctx.audit('audit.witness.checked', 'audit:chain', {
    ok: result.ok,
    witnesses: witnesses.length,
    firstMismatch: result.firstMismatch?.seq ?? null,
  });
  return result;
}

/**
 * Checks witnessed chain heads against the log: each witnessed sequence number must still be in
 * the chain with the witnessed hash. Reports the first witness (in the given order) that fails.
 */
export function checkWitnesses(db: Db, vaultId: string, witnesses: Witness[]): CheckWitnessOutput {
  const head = chainHead(db);
  const hashAt = db.prepare('SELECT hash FROM audit_event WHERE seq = ?');
  let checked = 0;
  for (const [index, w] of witnesses.entries()) {
    const mismatch = (found: string | null, reason: string): CheckWitnessOutput => ({
      ok: false,
      checked,
      head,
      firstMismatch: { index, seq: w.seq, witnessed: w.hash, found, reason },
    });
    if (w.vaultId !== vaultId) {
      return mismatch(null, `witness ${index + 1} belongs to another vault (${w.vaultId})`);
    }
    if (w.seq === 0) {
      if (w.hash !== '0'.repeat(64)) return mismatch(null, 'event #0 has the all-zero hash');
    } else {
      const row = hashAt.get(w.seq) as { hash: string } | undefined;
      if (!row) {
        return mismatch(
          null,
          `event #${w.seq} is no longer in the log (head is #${head.seq}): the log was cut back`,
        );
      }
      if (row.hash !== w.hash) {
        return mismatch(row.hash, `event #${w.seq} has a different hash: the chain was rewritten`);
      }
    }
    checked += 1;
  }
  return { ok: true, checked, head, firstMismatch: null };
}
