import type { z } from 'zod';
import type { Capability } from '../roles';

/**
 * Who may call a channel: `public` (no vault open needed), `session` (any signed-in user), or a
 * capability that the signed-in user's role must have (see roles.ts).
 */
export type Access = 'public' | 'session' | Capability;

export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
}

export const spec = <I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  access: Access,
): ChannelSpec<I, O> => ({ input, output, access });
