import type { intakeContract } from '../../shared/contract/intake';
import type { HandlerMap } from '../core/context';
import { extractRequest } from './extract';
import { sessionReader } from './session-reader';

type IntakeChannels = keyof typeof intakeContract;

/** Handlers of intake; the channel is in shared/contract/intake.ts. */
export const intakeHandlers: HandlerMap<IntakeChannels> = {
  'intake.extract': (input, ctx) => extractRequest(ctx, input),
  'intake.warm': (_input, ctx) => {
    sessionReader(ctx.session).warm();
    return { done: true };
  },
};
