import { z } from 'zod';
import { IsoDateTime, Passphrase, RoleSchema, UserName } from './common';

export const UserRecord = z.object({
  id: z.number().int(),
  name: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  createdAt: IsoDateTime,
  disabled: z.boolean(),
});
export type UserRecord = z.infer<typeof UserRecord>;

export const AddUserInput = z.object({
  name: UserName,
  displayName: z.string().trim().max(200).optional(),
  role: RoleSchema,
  passphrase: Passphrase,
});

export const ChangeOwnPassphraseInput = z.object({
  current: z.string().min(1).max(1024),
  next: Passphrase,
});

/** Admin actions on another user's account (never delete: the audit log refers to them). */
export const UserByName = z.object({ name: UserName });
/** Enabling a disabled account writes a new key slot, so it needs a new passphrase. */
export const EnableUserInput = z.object({ name: UserName, passphrase: Passphrase });
export const ChangeRoleInput = z.object({ name: UserName, role: RoleSchema });
/** The admin rewraps the user's key slot under a new passphrase and tells them out of band. */
export const ResetPassphraseInput = z.object({ name: UserName, passphrase: Passphrase });
