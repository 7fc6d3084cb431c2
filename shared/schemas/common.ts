import { z } from 'zod';
import { ROLES } from '../roles';

export const Empty = z.object({}).strict();
export const Ack = z.object({ done: z.literal(true) });

export const MIN_PASSPHRASE_LENGTH = 12;
export const Passphrase = z
  .string()
  .min(MIN_PASSPHRASE_LENGTH, `A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`)
  .max(1024);

export const UserName = z
  .string()
  .trim()
  .min(2, 'A user name needs at least 2 characters.')
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/i, 'Use letters, digits, dot, dash or underscore in a user name.');

export const RoleSchema = z.enum(ROLES);

export const SessionUser = z.object({
  id: z.number().int(),
  name: z.string(),
  displayName: z.string(),
  role: RoleSchema,
});
export type SessionUser = z.infer<typeof SessionUser>;

export const IsoDateTime = z.string().datetime({ offset: true });
export const Language = z.enum(['nl', 'en']);
export type Language = z.infer<typeof Language>;
