import { z } from 'zod';
import { ChainHead } from './audit';
import { Passphrase, UserName } from './common';
import { FileTarget } from './files';
import { PurgeHold } from './holds';

// ---------------------------------------------------------------- backup and restore

/**
 * Where a backup goes (see FileTarget): the app's save dialog, back to the caller as bytes (the
 * browser downloads them), or a new file named on the command line.
 */
export const BackupInput = z.object({ target: FileTarget });
export type BackupInput = z.infer<typeof BackupInput>;

export const BackupOutput = z.object({
  fileName: z.string(),
  /** The file written (dialog or path); null for inline (a download). */
  savedTo: z.string().nullable(),
  bytes: z.number().int(),
  sha256: z.string(),
  schemaVersion: z.number().int(),
  auditHead: ChainHead,
  auditEvents: z.number().int(),
  createdAt: z.string(),
  /** The backup bytes for `inline` (base64); null otherwise. */
  base64: z.string().nullable(),
});
export type BackupOutput = z.infer<typeof BackupOutput>;

export const RestoreSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().trim().min(1).max(4096) }),
  z.object({ kind: z.literal('token'), token: z.string().min(1).max(64) }),
]);

/** Restore into the session's vault folder, which must not hold a vault. */
export const RestoreInput = z
  .object({
    from: RestoreSource,
    recoveryKey: z.string().trim().min(1).max(200).optional(),
    userName: UserName.optional(),
    passphrase: z.string().min(1).max(1024).optional(),
  })
  .refine((r) => (r.recoveryKey !== undefined) !== (r.userName !== undefined), {
    message: 'ops.restoreCredentials',
  })
  .refine((r) => (r.userName === undefined) === (r.passphrase === undefined), {
    message: 'ops.restorePassphraseNeeded',
  });

export const RestoreOutput = z.object({
  vaultId: z.string(),
  orgName: z.string(),
  demo: z.boolean(),
  backupCreatedAt: z.string(),
  schemaVersion: z.number().int(),
  auditEvents: z.number().int(),
  auditIntact: z.boolean(),
  sha256: z.string(),
});
export type RestoreOutput = z.infer<typeof RestoreOutput>;

// ---------------------------------------------------------------- retention and purge

export const PurgeCategoryId = z.enum(['requests', 'formerCustomers', 'auditEvents']);
export type PurgeCategoryId = z.infer<typeof PurgeCategoryId>;

export const PurgeCategoryPreview = z.object({
  category: PurgeCategoryId,
  /** How many records (requests, customers, events) would go. */
  count: z.number().int(),
  /** Rows in all tables that go with them (items, matches, letters, versions, assignments …). */
  rows: z.number().int(),
  /** The retention rule in words, e.g. "7 years after closing". */
  period: z.string(),
  /** The retention period as a number (years for requests and audit events, months for customers). */
  amount: z.number().int(),
  /** Records that ended before this instant are due. */
  cutoff: z.string(),
  /** False when this vault has no tables for the category yet, or the category is never purged. */
  available: z.boolean(),
  note: z.string(),
});
export type PurgeCategoryPreview = z.infer<typeof PurgeCategoryPreview>;

export const PurgePreview = z.object({
  asOf: z.string(),
  categories: z.array(PurgeCategoryPreview),
  total: z.number().int(),
  /** Live preservation holds: what they keep from the purge, by request, and until when. */
  held: z.array(PurgeHold),
});
export type PurgePreview = z.infer<typeof PurgePreview>;

export const PurgeInput = z.object({
  /** Only these categories (default: every category that has something due). */
  categories: z.array(PurgeCategoryId).min(1).optional(),
  /** What the preview showed; when given, the purge refuses if the counts changed since. */
  expect: z.record(z.string(), z.number().int()).optional(),
});

export const PurgeOutput = z.object({
  asOf: z.string(),
  purged: z.array(
    z.object({ category: PurgeCategoryId, count: z.number().int(), rows: z.number().int() }),
  ),
  total: z.number().int(),
  vacuumed: z.boolean(),
  auditHead: ChainHead,
});
export type PurgeOutput = z.infer<typeof PurgeOutput>;

export const PurgeDue = z.object({
  due: z.boolean(),
  total: z.number().int(),
  categories: z.array(z.object({ category: PurgeCategoryId, count: z.number().int() })),
});

// ---------------------------------------------------------------- demo vault

export const DemoInput = z.object({
  /** Demo passphrase for every demo user (default: a fixed, printed one — it is a demo). */
  passphrase: Passphrase.optional(),
  adminName: UserName.default('demo-admin'),
  /** Years of requests to generate (default 3). */
  years: z.number().int().min(1).max(10).default(3),
  seed: z.number().int().default(20260101),
});
export const DemoOutput = z.object({
  orgName: z.string(),
  users: z.array(z.object({ name: z.string(), role: z.string() })),
  passphrase: z.string(),
  recoveryKey: z.string(),
  counts: z.record(z.string(), z.number().int()),
});
export type DemoOutput = z.infer<typeof DemoOutput>;
