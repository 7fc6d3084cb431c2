import { backupVault } from './backup';
import { createDemo } from './demo';
import { previewPurge, purgeDue, runPurge } from './purge';
import { restoreIntoSession } from './restore';
import type { HandlerMap } from '../core/context';
import type { opsContract } from '../../shared/contract/ops';
import { readSettings } from '../core/settings';

type OpsChannels = keyof typeof opsContract;

/** Handlers of the ops domain; their channels are in shared/contract/ops.ts. */
export const opsHandlers: HandlerMap<OpsChannels> = {
  'ops.backup': (input, ctx) => backupVault(ctx, input.target),
  'ops.restore': (input, ctx) => restoreIntoSession(ctx, input),
  'ops.purgePreview': (_input, ctx) =>
    previewPurge(ctx.db, readSettings(ctx.db), ctx.now(), ctx.user.name),
  'ops.purge': (input, ctx) =>
    runPurge(ctx.db, readSettings(ctx.db), {
      asOf: ctx.now(),
      user: ctx.user.name,
      categories: input.categories,
      expect: input.expect,
    }),
  'ops.purgeDue': (_input, ctx) => purgeDue(ctx.db, readSettings(ctx.db), ctx.now()),
  'ops.createDemo': (input, ctx) => createDemo(ctx, input),
};
