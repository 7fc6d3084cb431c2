import { isChannel, type Channel } from '../../shared/contract';
import { CONTRACT } from '../../shared/contract';
import { can } from '../../shared/roles';
import { coreText, type MessageKey, type MessageParams } from '../../shared/messages';
import { err, errWorded, ok, type Err, type Result } from '../../shared/result';
import { appendAudit } from '../audit/log';
import { DeskContext, type HandlerMap } from '../core/context';
import { busyAsDeskError } from '../core/db';
import { badInput } from './input-issues';
import { DeskError } from '../core/errors';
import type { DeskSession } from '../core/session';
import { auditHandlers } from '../audit/app';
import { catalogueHandlers } from '../catalogue/app';
import { customersHandlers } from '../customers/app';
import { filesHandlers } from '../files/app';
import { hi1Handlers } from '../hi1/app';
import { intakeHandlers } from '../intake/app';
import { lettersHandlers } from '../letters/app';
import { opsHandlers } from '../ops/app';
import { requestsHandlers } from '../register/app';
import { statsHandlers } from '../stats/app';
import { settingsHandlers } from '../settings/app';
import { userHandlers } from '../users/app';
import { vaultHandlers } from '../vault/app';

/** THE handler table: every channel of shared/contract.ts, one function each. */
export const HANDLERS: HandlerMap<Channel> = {
  ...vaultHandlers,
  ...userHandlers,
  ...auditHandlers,
  ...settingsHandlers,
  ...filesHandlers,
  ...customersHandlers,
  ...requestsHandlers,
  ...intakeHandlers,
  ...catalogueHandlers,
  ...lettersHandlers,
  ...statsHandlers,
  ...opsHandlers,
  ...hi1Handlers,
};

const worded = (code: Err['code'], key: MessageKey, params?: MessageParams): Err =>
  errWorded(code, coreText('en', key, params), key, params);

/**
 * The one entry point every transport (Electron IPC, CLI, browser harness) calls: validates the
 * input with the channel's zod schema, checks the signed-in user's role, runs the handler and
 * returns a typed result. Never throws; never returns a stack trace.
 */
export async function dispatch(
  session: DeskSession,
  channel: unknown,
  rawInput: unknown,
): Promise<Result<unknown>> {
  if (!isChannel(channel))
    return worded('BAD_INPUT', 'input.unknownOperation', { channel: String(channel).slice(0, 60) });
  const spec = CONTRACT[channel];
  const ctx = new DeskContext(session);
  try {
    if (spec.access !== 'public') {
      void ctx.vault; // LOCKED or NO_VAULT when there is no open vault
      const user = ctx.user; // NOT_SIGNED_IN without a user
      if (spec.access !== 'session' && !can(user.role, spec.access)) {
        appendAudit(ctx.db, {
          at: ctx.nowIso(),
          user: user.name,
          action: 'access.denied',
          subject: `channel:${channel}`,
          details: { role: user.role, needs: spec.access },
        });
        return worded('FORBIDDEN', 'access.roleMayNot', { role: user.role });
      }
    }
    // Access first, then input: a caller without the right learns nothing about the input rules.
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) return badInput(parsed.error);
    const handler = HANDLERS[channel] as (input: unknown, ctx: DeskContext) => unknown;
    const output = await handler(parsed.data, ctx);
    if (spec.access !== 'public') session.touch();
    const checked = spec.output.safeParse(output);
    if (!checked.success) {
      console.error(`[naw-desk] ${channel}: handler output does not match the contract`);
      return worded('INTERNAL', 'internal.badAnswer');
    }
    return ok(checked.data);
  } catch (thrown) {
    const e = busyAsDeskError(thrown) ?? thrown;
    if (e instanceof DeskError)
      return e.key
        ? errWorded(e.code, e.message, e.key, e.params, e.details)
        : err(e.code, e.message, e.details);
    // No message or stack: either may carry data. The channel and error kind are enough to start.
    console.error(`[naw-desk] ${channel}: unexpected ${(e as Error)?.name ?? 'error'}`);
    return worded('INTERNAL', 'internal.unexpected');
  }
}
