import { z } from 'zod';

/**
 * Preservation holds: the outcome of a preservation order (EPOC-PR, Regulation (EU) 2023/1543,
 * Annex II; Dutch Sv 126ni). A hold keeps exactly the records that answer the order (the number
 * and IP assignments and the NAW versions its match rests on) out of retention and purge until
 * it ends. It discloses nothing.
 */

export const HOLD_STATES = ['active', 'converted', 'released', 'expired'] as const;
export const HoldState = z.enum(HOLD_STATES);
export type HoldState = z.infer<typeof HoldState>;

/** `active` and `converted` holds protect their records; the others have ended. */
export const isLive = (s: HoldState) => s === 'active' || s === 'converted';

export const HeldCounts = z.object({
  numberAssignments: z.number().int(),
  ipAssignments: z.number().int(),
  customerVersions: z.number().int(),
  /** Distinct customers the held records belong to. */
  customers: z.number().int(),
});
export type HeldCounts = z.infer<typeof HeldCounts>;

export const HoldView = z.object({
  registerNo: z.string(),
  /** `epoc`: an EPOC-PR (60 days, + 30 once); `sv-126ni`: a Dutch order (90 days, + 90 once). */
  regime: z.enum(['epoc', 'sv-126ni']),
  state: HoldState,
  placedAt: z.string(),
  placedBy: z.string(),
  /** The end of the hold as it stands (a converted hold lasts until production instead). */
  until: z.string(),
  /** Whole days from now to `until` (negative once past); null once ended or converted. */
  daysLeft: z.number().int().nullable(),
  extendedAt: z.string().nullable(),
  extendedBy: z.string().nullable(),
  /** The extension is still possible (active, not extended before). */
  canExtend: z.boolean(),
  extensionDays: z.number().int(),
  productionRegisterNo: z.string().nullable(),
  convertedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  endedBy: z.string().nullable(),
  endReason: z.enum(['released', 'expired', 'produced']).nullable(),
  endNote: z.string().nullable(),
  held: HeldCounts,
});
export type HoldView = z.infer<typeof HoldView>;

/** What the purge preview says of one live hold. */
export const PurgeHold = z.object({
  registerNo: z.string(),
  state: HoldState,
  /** The end as it stands; null for a converted hold, which lasts until production. */
  until: z.string().nullable(),
  held: HeldCounts,
  /** Customers that are due for purge by the retention rule but kept for this hold. */
  customersKept: z.number().int(),
});
export type PurgeHold = z.infer<typeof PurgeHold>;

/** A live hold ending soon, for the dashboard. */
export const ExpiringHold = z.object({
  registerNo: z.string(),
  until: z.string(),
  daysLeft: z.number().int(),
  canExtend: z.boolean(),
});
export type ExpiringHold = z.infer<typeof ExpiringHold>;
