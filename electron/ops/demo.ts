import type { DemoOutput } from '../../shared/schemas/ops';
import type { DeskContext } from '../core/context';
import { wordedError } from '../core/errors';
import type { DemoOptions } from '../core/session';

/** Makes this session's (empty) vault folder a demo vault, where the transport allows it. */
export function createDemo(ctx: DeskContext, input: DemoOptions): Promise<DemoOutput> {
  // In the app the demo has its own folder (vault.openDemo); never make the real vault a demo.
  if (ctx.session.demoVaultDir !== undefined) {
    throw wordedError('CONFLICT', 'ops.demoOwnFolder');
  }
  const seed = ctx.session.seedDemo;
  if (!seed) throw wordedError('CONFLICT', 'ops.demoNotHere');
  return seed(ctx.session, input);
}
