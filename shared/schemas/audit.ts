import { z } from 'zod';
import { FileTarget } from './files';

export const AuditEvent = z.object({
  seq: z.number().int(),
  at: z.string(),
  user: z.string(),
  action: z.string(),
  subject: z.string(),
  details: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

export const AuditListInput = z.object({
  user: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  subject: z.string().max(200).optional(),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  limit: z.number().int().min(1).max(1000).default(100),
  offset: z.number().int().min(0).default(0),
});
export const AuditListOutput = z.object({ events: z.array(AuditEvent), total: z.number().int() });

export const ChainHead = z.object({ seq: z.number().int(), hash: z.string() });
export type ChainHead = z.infer<typeof ChainHead>;

export const AuditVerifyOutput = z.object({
  intact: z.boolean(),
  checked: z.number().int(),
  head: ChainHead,
  brokenAt: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
});
export type AuditVerifyOutput = z.infer<typeof AuditVerifyOutput>;

export const AuditExportInput = z.object({
  format: z.enum(['csv', 'json']),
  target: FileTarget.default('inline'),
});
export const AuditExportOutput = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'json']),
  count: z.number().int(),
  head: ChainHead,
  sha256: z.string(),
  bytes: z.number().int(),
  /** The file content for target `inline`; null when it was saved to a file. */
  content: z.string().nullable(),
  /** The file written (chosen in the dialog or named on the command line); null for inline. */
  savedTo: z.string().nullable(),
});
export type AuditExportOutput = z.infer<typeof AuditExportOutput>;

/**
 * A chain-head witness: kept outside the vault (printed on letters and reports, exported on demand)
 * so a rewritten chain shows: the witnessed sequence number must still carry the witnessed hash.
 */
export const Witness = z.object({
  vaultId: z.string(),
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'A witness hash is 64 hexadecimal digits.'),
  at: z.string(),
});
export type Witness = z.infer<typeof Witness>;

export const CheckWitnessInput = z.object({
  witnesses: z.array(Witness).min(1, 'Give at least one witness.').max(100_000),
});
export const CheckWitnessOutput = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  head: ChainHead,
  firstMismatch: z
    .object({
      index: z.number().int(),
      seq: z.number().int(),
      witnessed: z.string(),
      found: z.string().nullable(),
      reason: z.string(),
    })
    .nullable(),
});
export type CheckWitnessOutput = z.infer<typeof CheckWitnessOutput>;
