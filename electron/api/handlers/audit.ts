import { chainHead, listAudit, verifyChain } from '../../audit/log';
import type { HandlerMap } from '../context';

export const auditHandlers: HandlerMap<'audit.list' | 'audit.verify' | 'audit.head'> = {
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
};
