import { z } from 'zod';

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
