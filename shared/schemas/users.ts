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
