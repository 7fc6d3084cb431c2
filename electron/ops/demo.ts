import type { DemoOutput } from '../../shared/schemas/ops';
import type { DeskContext } from '../core/context';
import { DeskError } from '../core/errors';
import type { DemoOptions } from '../core/session';

/** Makes this session's (empty) vault folder a demo vault, where the transport allows it. */
export function createDemo(ctx: DeskContext, input: DemoOptions): Promise<DemoOutput> {
  // In the app the demo has its own folder (vault.openDemo); never make the real vault a demo.
  if (ctx.session.demoVaultDir !== undefined) {
    throw new DeskError('CONFLICT', 'Use "Open demo vault": the demo gets its own folder here.');
  }
  const seed = ctx.session.seedDemo;
  if (!seed) throw new DeskError('CONFLICT', 'This transport cannot make a demo vault.');
  return seed(ctx.session, input);
}
