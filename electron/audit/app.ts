import { chainHead, distinctActions, listAudit, verifyChain } from './log';
import { exportAudit } from './export';
import { checkWitnessesAudited, takeWitness } from './witness';
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
  'audit.export': (input, ctx) => exportAudit(ctx, input),
  'audit.witness': (_input, ctx) => takeWitness(ctx),
  'audit.checkWitness': (input, ctx) => checkWitnessesAudited(ctx, input.witnesses),
};
