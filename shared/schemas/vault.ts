import { z } from 'zod';
import { ROLES } from '../roles';
import { Language, Passphrase, SessionUser, UserName } from './common';

export const VaultState = z.object({
  exists: z.boolean(),
  unlocked: z.boolean(),
  orgName: z.string().nullable(),
  demo: z.boolean(),
  user: SessionUser.nullable(),
  language: Language,
  idleLockMinutes: z.number().int(),
  /** This window can open the demo vault (Electron and the browser harness). */
  demoAvailable: z.boolean(),
  /** The demo vault's sign-in, shown on its unlock screen: it holds only synthetic data. */
  demoSignIn: z
    .object({
      userName: z.string(),
      passphrase: z.string(),
      /** Every demo account with its role, so a visitor can sign in as the officer or approver. */
      users: z.array(z.object({ name: z.string(), role: z.enum(ROLES) })),
    })
    .nullable(),
  /**
   * SQLite's quick check of the open vault (null while locked): `ok` checked at unlock, or a large
   * vault's check right after it (`checking`, then `ok` or `damaged` with what it found).
   */
  integrity: z
    .object({
      state: z.enum(['ok', 'unchecked', 'checking', 'damaged']),
      problem: z.string().nullable(),
    })
    .nullable()
    .optional(),
});
export type VaultState = z.infer<typeof VaultState>;

export const CreateVaultInput = z.object({
  orgName: z.string().trim().min(1, 'Give the organisation name.').max(200),
  adminName: UserName,
  displayName: z.string().trim().max(200).optional(),
  passphrase: Passphrase,
  language: Language.optional(),
});
export const CreateVaultOutput = z.object({ recoveryKey: z.string(), user: SessionUser });

export const UnlockInput = z.object({
  userName: UserName,
  passphrase: z.string().min(1).max(1024),
});

export const RestoreAccessInput = z.object({
  recoveryKey: z.string().min(1).max(200),
  userName: UserName,
  newPassphrase: Passphrase,
});

export const VaultSummary = z.object({
  schemaVersion: z.number().int(),
  orgName: z.string(),
  demo: z.boolean(),
  counts: z.record(z.string(), z.number().int()),
  users: z.array(SessionUser.extend({ disabled: z.boolean() })),
});
export type VaultSummary = z.infer<typeof VaultSummary>;

/**
 * What a new desk still lacks, for the admin's first steps: an active officer (logs requests) and
 * approver (the second pair of eyes), customer data (imported by an importer), and the
 * organisation's letterhead details (address, postcode, city).
 */
export const FirstSteps = z.object({
  officer: z.boolean(),
  approver: z.boolean(),
  importer: z.boolean(),
  customers: z.boolean(),
  organisation: z.boolean(),
});
export type FirstSteps = z.infer<typeof FirstSteps>;

/** Why the window locks: the Lock button, or the window's own idle timer. */
export const LockInput = z
  .object({ reason: z.enum(['manual', 'idle']).default('manual') })
  .strict();

export const OpenDemoOutput = z.object({ created: z.boolean() });
