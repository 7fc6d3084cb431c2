import { z } from 'zod';
import { MatchStatus } from './terms';

/** What a match answers: the subscriber as it was, and the records it rests on. */

export const NawData = z.object({
  name: z.string(),
  street: z.string().nullable(),
  houseNumber: z.string().nullable(),
  houseNumberAddition: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
});
export type NawData = z.infer<typeof NawData>;

export const Subscriber = NawData.extend({
  customerId: z.string(),
  /** Kind of service of the matched assignment (fixed, mobile, voip; `internet` for IP). */
  serviceType: z.string().nullable(),
  /** The NAW data valid from when, as it was at the moment of interest. */
  versionValidFrom: z.string().nullable(),
  /** Today's NAW data, only where it differs from the data at the moment. */
  current: NawData.nullable(),
  /**
   * A period item: the part of the period this holder held it with these NAW data, `[from, to)`
   * (ISO instants). Absent for a moment item.
   */
  interval: z.object({ from: z.string(), to: z.string() }).optional(),
});
export type Subscriber = z.infer<typeof Subscriber>;

export const Evidence = z.object({
  table: z.enum(['number_assignment', 'ip_assignment', 'customer_version']),
  id: z.number().int(),
  customerId: z.string(),
  /** The identifier as the record holds it: E.164, or the prefix (with port block for CGNAT). */
  identifier: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  importId: z.number().int().nullable(),
  importFile: z.string().nullable(),
  importSha256: z.string().nullable(),
  importedAt: z.string().nullable(),
});
export type Evidence = z.infer<typeof Evidence>;

export const ItemMatch = z.object({
  index: z.number().int(),
  status: MatchStatus,
  /** English, for the CLI and reports; `reasonKey` and `reasonParams` word it in any language. */
  reason: z.string(),
  reasonKey: z.string().optional(),
  reasonParams: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  subscribers: z.array(Subscriber),
  evidence: z.array(Evidence),
  matchedAt: z.string(),
  matchedBy: z.string(),
});
export type ItemMatch = z.infer<typeof ItemMatch>;

export const MatchOutput = z.object({ registerNo: z.string(), items: z.array(ItemMatch) });
