import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { chainHead, distinctActions, listAudit, verifyChain } from './log';
import { auditCsv, auditJson, checkWitnesses } from '../ops/audit-export';
import { pickSavePath, stamp } from '../ops/save-target';
import type { HandlerMap } from '../core/context';
import type { auditContract } from '../../shared/contract/audit';

type AuditChannels = keyof typeof auditContract;

export const auditHandlers: HandlerMap<AuditChannels> = {
  'audit.list': (input, ctx) => listAudit(ctx.db, input),
  'audit.verify': (_input, ctx) => {
    const result = verifyChain(ctx.db);
    ctx.audit('audit.verified', 'audit:chain', {
      intact: result.intact,
      checked: result.checked,
      brokenAt: result.brokenAt?.seq ?? null,
    });
    return result;
  },
  'audit.head': (_input, ctx) => chainHead(ctx.db),
  'audit.actions': (_input, ctx) => distinctActions(ctx.db),

  /** The whole log with hashes, for an outside auditor (docs/AUDIT.md). The export is audited. */
  'audit.export': async (input, ctx) => {
    const at = ctx.nowIso();
    const fileName = `naw-desk-audit-${stamp(at)}.${input.format}`;
    const savedTo =
      input.target === 'dialog'
        ? await pickSavePath(ctx.session, {
            title: 'Save the audit log',
            defaultName: fileName,
            extensions: [input.format],
          })
        : null;
    // Read and audit in one transaction: the export is exactly the log up to the export event.
    const { content, count, head } = ctx.db.transaction(() => {
      const head = chainHead(ctx.db);
      const made =
        input.format === 'csv' ? auditCsv(ctx.db) : auditJson(ctx.db, ctx.vault.vaultId, at);
      const sha256 = createHash('sha256').update(made.content).digest('hex');
      // Written inside the transaction: if the file cannot be written, no export is recorded.
      if (savedTo !== null) writeFileSync(savedTo, made.content, { mode: 0o600 });
      ctx.audit('audit.exported', 'audit:chain', {
        format: input.format,
        events: made.count,
        head: head.seq,
        sha256,
        to: savedTo ?? 'inline',
      });
      return { ...made, head };
    })();
    return {
      fileName,
      format: input.format,
      count,
      head,
      sha256: createHash('sha256').update(content).digest('hex'),
      bytes: Buffer.byteLength(content),
      content: savedTo === null ? content : null,
      savedTo,
    };
  },

  /** The chain head to keep outside the vault (print, mail, file). */
  'audit.witness': (_input, ctx) => {
    const head = chainHead(ctx.db);
    const witness = {
      vaultId: ctx.vault.vaultId,
      seq: head.seq,
      hash: head.hash,
      at: ctx.nowIso(),
    };
    ctx.audit('audit.witnessed', 'audit:chain', { seq: head.seq, hash: head.hash });
    return witness;
  },

  'audit.checkWitness': (input, ctx) => {
    const result = checkWitnesses(ctx.db, ctx.vault.vaultId, input.witnesses);
    ctx.audit('audit.witness.checked', 'audit:chain', {
      ok: result.ok,
      witnesses: input.witnesses.length,
      firstMismatch: result.firstMismatch?.seq ?? null,
    });
    return result;
  },
};
